import { DomainError } from '@chartdesk/api-platform';
import {
  CODE_SEARCH_DEFAULT_LIMIT,
  CODE_SEARCH_MAX_OFFSET,
  type CodeSearchHit,
  type CodeSearchQuery,
  type CodeSearchResponse,
  type CodeSystem,
} from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { CODE_PREFIX_SQL, WORDS_SQL } from './code-search.sql';
import { SearchResultCache } from './search-result-cache';
import { type SearchPlan, planSearch } from './search-plan';
import { SearchVocabularyStore } from './vocabulary/vocabulary.store';

export { CODE_PREFIX_SQL, WORDS_SQL } from './code-search.sql';

interface HitRow {
  system: CodeSystem | null;
  code: string | null;
  display_code: string;
  long_description: string;
  billable: boolean;
  exact: boolean;
  total: number;
}

export interface SearchStatement {
  /** Named, so each pooled connection parses and plans it once (planning costs more than a narrow search). */
  readonly name: string;
  readonly sql: string;
  readonly params: unknown[];
  readonly match: 'code' | 'words';
}

/** The statements a plan runs, in order until one finds something. Shared with the benchmark's baseline. */
export function statementsFor(
  plan: SearchPlan,
  page: { dos: string; system: CodeSystem | null; limit: number; offset: number },
): SearchStatement[] {
  const head = [page.dos, page.system, page.limit, page.offset];
  const out: SearchStatement[] = [];
  if (plan.code) {
    out.push({
      name: 'code-search-prefix',
      sql: CODE_PREFIX_SQL,
      params: [...head, plan.code, plan.words ?? null],
      match: 'code',
    });
  }
  const words = plan.code ? plan.wordsIfNoCode : plan;
  if (words?.words) {
    out.push({
      name: 'code-search-words',
      sql: WORDS_SQL,
      params: [...head, words.words, words.leads, words.wholeWords],
      match: 'words',
    });
  }
  return out;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

@Injectable()
export class CodeSearchService {
  private readonly cache = new SearchResultCache<CodeSearchResponse>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vocabulary: SearchVocabularyStore,
  ) {}

  /** The embedded PGlite server listens on a socket directory (see dataSourceOptions). */
  private get embedded(): boolean {
    return typeof (this.dataSource.options as { host?: unknown }).host === 'string';
  }

  private pool(): Pool {
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }

  /**
   * Exact code, then code prefix, then words ranked over every match; one
   * page with the total. Reads reference data only, no patient data.
   */
  async search(query: CodeSearchQuery): Promise<CodeSearchResponse> {
    const dos = query.dos ?? today();
    if (Number.isNaN(Date.parse(dos))) throw new DomainError('VALIDATION', 'dos must be a date written YYYY-MM-DD.');
    const limit = query.limit ?? CODE_SEARCH_DEFAULT_LIMIT;
    const offset = Math.min(query.offset ?? 0, CODE_SEARCH_MAX_OFFSET);
    const system = query.system ?? null;
    const vocabulary = await this.vocabulary.get();
    const plan = planSearch(query.q, vocabulary);
    const key = JSON.stringify([this.vocabulary.generation, plan, dos, system, limit, offset]);
    const cached = this.cache.get(key);
    if (cached) return cached;

    let rows: HitRow[] = [];
    let match: SearchStatement['match'] = 'words';
    for (const statement of statementsFor(plan, { dos, system, limit, offset })) {
      rows = (
        await this.pool().query<HitRow>({
          // the embedded server is one backend behind many sockets: one name would clash between them
          name: this.embedded ? undefined : statement.name,
          text: statement.sql,
          values: statement.params,
        })
      ).rows;
      match = statement.match;
      if ((rows[0]?.total ?? 0) > 0) break;
    }
    const total = rows[0]?.total ?? 0;
    const results: CodeSearchHit[] = rows
      .filter((r) => r.code !== null && r.system !== null)
      .map((row) => ({
        system: row.system as CodeSystem,
        code: row.code as string,
        displayCode: row.display_code,
        description: row.long_description,
        billable: row.billable,
        match: match === 'words' ? 'words' : row.exact ? 'exact' : 'prefix',
      }));
    const response: CodeSearchResponse = {
      results,
      total,
      offset,
      hasMore: offset + results.length < total && offset + limit <= CODE_SEARCH_MAX_OFFSET,
    };
    this.cache.put(key, response, total);
    return response;
  }
}
