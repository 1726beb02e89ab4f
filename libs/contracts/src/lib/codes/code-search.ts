import type { CodeSystem } from './code-systems';

export const CODE_SEARCH_MAX_LIMIT = 50;
export const CODE_SEARCH_DEFAULT_LIMIT = 20;
/** How deep "more results" may page; past this a coder should type more words. */
export const CODE_SEARCH_MAX_OFFSET = 1000;
/** Longest search text accepted; longer is refused with a 400. */
export const CODE_SEARCH_MAX_TEXT = 200;

/** `GET /api/codes/search?q=&system=&dos=&limit=&offset=` */
export interface CodeSearchQuery {
  /** A code or code prefix (with or without the dot) or words in any order. */
  readonly q: string;
  readonly system?: CodeSystem;
  /** Date of service, `YYYY-MM-DD`; only code set versions covering it answer. Default: today. */
  readonly dos?: string;
  readonly limit?: number;
  /** Results to skip, for "more results" (0 by default, at most CODE_SEARCH_MAX_OFFSET). */
  readonly offset?: number;
}

export type CodeMatchKind = 'exact' | 'prefix' | 'words';

export interface CodeSearchHit {
  readonly system: CodeSystem;
  /** As stored and submitted: no dot. */
  readonly code: string;
  /** As coders read it: with the dot for ICD-10-CM. */
  readonly displayCode: string;
  readonly description: string;
  readonly billable: boolean;
  readonly match: CodeMatchKind;
}

export interface CodeSearchResponse {
  /** One page, best first, ranked over every matching code. */
  readonly results: readonly CodeSearchHit[];
  /** How many codes match in all. */
  readonly total: number;
  readonly offset: number;
  /** Whether a next page exists (offset + results.length < total, within CODE_SEARCH_MAX_OFFSET). */
  readonly hasMore: boolean;
}
