/**
 * ChartDesk's clinical search vocabulary: what coders type mapped to the
 * wording of the classifications. Reviewed and extended by admins.
 */
export const SEARCH_VOCABULARY_KINDS = [
  /** `sob` → `shortness of breath`: the short form matches only as a whole word, never as a prefix. */
  'ABBREVIATION',
  /** `heart attack` → `myocardial infarction`: a lay or alternative phrase. */
  'SYNONYM',
  /** `calculous` → `calculus`: a derived form the stemmer does not join. */
  'WORD_FORM',
  /** `cholecyst` → `gallbladder`: the first part of a built word (cholecyst-ectomy). */
  'COMBINING_FORM',
  /** `ectomy` → `resection`: the operation part of a built word. */
  'SUFFIX',
] as const;
export type SearchVocabularyKind = (typeof SEARCH_VOCABULARY_KINDS)[number];

export interface SearchVocabularyEntryView {
  readonly id: string;
  readonly kind: SearchVocabularyKind;
  readonly term: string;
  readonly expansion: string;
  readonly specialty: string | null;
  /** The vocabulary release that ships it; null when an admin added it. */
  readonly release: string | null;
  readonly enabled: boolean;
  readonly changedAt: string | null;
}

/** `GET /api/codesets/search-vocabulary?term=&kind=&enabled=&offset=&limit=` */
export interface SearchVocabularyListQuery {
  /** Entries whose term or expansion contains this text. */
  readonly text?: string;
  readonly kind?: SearchVocabularyKind;
  readonly enabled?: 'true' | 'false';
  readonly offset?: number;
  readonly limit?: number;
}

export interface SearchVocabularyListResponse {
  readonly entries: readonly SearchVocabularyEntryView[];
  readonly total: number;
  /** The release loaded from ChartDesk's data file, if any. */
  readonly release: string | null;
}

/** `POST /api/codesets/search-vocabulary`: words are normalized (lower case, punctuation removed). */
export interface AddSearchVocabularyEntryRequest {
  readonly kind: SearchVocabularyKind;
  readonly term: string;
  readonly expansion: string;
  readonly specialty?: string;
}

/** `PATCH /api/codesets/search-vocabulary/:id`: disable (or enable again) one entry. */
export interface ChangeSearchVocabularyEntryRequest {
  readonly enabled: boolean;
}

export const SearchVocabularyPaths = {
  entries: 'codesets/search-vocabulary',
  entry: (id: string) => `codesets/search-vocabulary/${id}`,
} as const;
