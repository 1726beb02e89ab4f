import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SearchVocabulary, type VocabularyEntry } from '../search-vocabulary';

/** Another instance's admin change reaches this one within this time. */
export const VOCABULARY_TTL_MS = 30_000;

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** The enabled entries, as search reads them. Exported for the benchmark's bare-SQL baseline. */
export async function loadSearchVocabulary(db: Queryable): Promise<SearchVocabulary> {
  const rows = (await db.query(
    'SELECT kind, term, expansion FROM search_vocabulary_entry WHERE enabled ORDER BY kind, term, expansion',
  )) as VocabularyEntry[];
  return new SearchVocabulary(rows, createHash('sha256').update(JSON.stringify(rows)).digest('hex'));
}

/**
 * The vocabulary in memory for every search; reloaded after a change on this
 * instance at once and after VOCABULARY_TTL_MS otherwise. A few hundred rows.
 */
@Injectable()
export class SearchVocabularyStore {
  private current: SearchVocabulary | undefined;
  private loadedAt = 0;
  private loading: Promise<SearchVocabulary> | undefined;
  /** Bumped when a reload finds other content, so cached search results of an older vocabulary are never served. */
  generation = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(): Promise<SearchVocabulary> {
    if (this.current && Date.now() - this.loadedAt < VOCABULARY_TTL_MS) return this.current;
    this.loading ??= loadSearchVocabulary(this.dataSource)
      .then((vocabulary) => {
        if (vocabulary.signature !== this.current?.signature) this.generation++;
        this.current = vocabulary;
        this.loadedAt = Date.now();
        return vocabulary;
      })
      .finally(() => (this.loading = undefined));
    return this.loading;
  }

  invalidate(): void {
    this.loadedAt = 0;
  }
}
