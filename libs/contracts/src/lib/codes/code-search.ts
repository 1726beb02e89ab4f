import type { CodeSystem } from './code-systems';

export const CODE_SEARCH_MAX_LIMIT = 50;
export const CODE_SEARCH_DEFAULT_LIMIT = 20;

/** `GET /api/codes/search?q=&system=&dos=&limit=` */
export interface CodeSearchQuery {
  /** A code or code prefix (with or without the dot) or words in any order. */
  readonly q: string;
  readonly system?: CodeSystem;
  /** Date of service, `YYYY-MM-DD`; only code set versions covering it answer. Default: today. */
  readonly dos?: string;
  readonly limit?: number;
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
  readonly results: readonly CodeSearchHit[];
}
