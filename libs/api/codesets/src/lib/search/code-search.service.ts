import { DomainError } from '@chartdesk/api-platform';
import {
  CODE_SEARCH_DEFAULT_LIMIT,
  type CodeMatchKind,
  type CodeSearchHit,
  type CodeSearchQuery,
  type CodeSystem,
} from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { parseSearchText } from './search-query';

/**
 * Code prefixes scan the code index in order; this caps how many rows a
 * one-character prefix may pull before ranking (billable first).
 */
export const PREFIX_CANDIDATES = 400;

/** The releases covering the date of service, optionally one system. */
const VERSIONS = `
  SELECT id, system FROM code_set_version
   WHERE replaced_by IS NULL AND effective_from <= $1::date AND (effective_to IS NULL OR effective_to >= $1::date)
     AND ($2::text IS NULL OR system = $2::text)`;

export const CODE_PREFIX_SQL = `
  WITH v AS (${VERSIONS}),
  candidates AS (
    SELECT v.system, c.code, c.display_code, c.long_description, c.billable, c.search_doc
      FROM code c JOIN v ON v.id = c.version_id
     WHERE c.code LIKE $3 || '%'
     ORDER BY c.code
     LIMIT ${PREFIX_CANDIDATES}
  )
  SELECT system, code, display_code, long_description, billable, code = $3 AS exact
    FROM candidates
   WHERE $5::text IS NULL OR search_doc @@ to_tsquery('simple', $5::text)
   ORDER BY code = $3 DESC, billable DESC, length(code), code
   LIMIT $4`;

/** Word matches: a database function that pins the GIN plan (see migration CodeWordSearch1764400000002). */
export const WORDS_SQL = 'SELECT * FROM search_codes_by_words($1::date, $2::text, $3::text, $4::int)';

interface HitRow {
  system: CodeSystem;
  code: string;
  display_code: string;
  long_description: string;
  billable: boolean;
  exact: boolean;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

@Injectable()
export class CodeSearchService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Ranks exact code, then code prefix, then word matches; billable codes
   * before headers within each. One round trip, no patient data.
   */
  async search(query: CodeSearchQuery): Promise<CodeSearchHit[]> {
    const parsed = parseSearchText(query.q);
    const dos = query.dos ?? today();
    if (Number.isNaN(Date.parse(dos))) throw new DomainError('VALIDATION', 'dos must be a date written YYYY-MM-DD.');
    const limit = query.limit ?? CODE_SEARCH_DEFAULT_LIMIT;
    const system = query.system ?? null;
    let rows: HitRow[];
    let kind: (row: HitRow) => CodeMatchKind;
    if (parsed.code) {
      rows = (await this.dataSource.query(CODE_PREFIX_SQL, [
        dos,
        system,
        parsed.code,
        limit,
        parsed.words ?? null,
      ])) as HitRow[];
      kind = (row) => (row.exact ? 'exact' : 'prefix');
    } else if (parsed.words) {
      rows = (await this.dataSource.query(WORDS_SQL, [dos, system, parsed.words, limit])) as HitRow[];
      kind = () => 'words';
    } else {
      return [];
    }
    return rows.map((row) => ({
      system: row.system,
      code: row.code,
      displayCode: row.display_code,
      description: row.long_description,
      billable: row.billable,
      match: kind(row),
    }));
  }
}
