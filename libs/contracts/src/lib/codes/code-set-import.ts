import type { ReferenceDataset } from './code-reference';
import type { CodeSystem } from './code-systems';

/** Edit data sets that live beside the code sets, each with its own release. */
export const EDIT_DATA_KINDS = [
  'CODE_ATTRIBUTES',
  'EXCLUDES1',
  'NCCI_PTP',
  'MUE',
  /** CMS ICD-10-CM POA exempt list (tab-delimited text). */
  'POA_EXEMPT',
  /** CMS "Definitions of Medicare Code Edits" code lists (the text version of the MCE manual). */
  'MCE',
  /** CMS NCCI add-on code edits (tab-delimited text). */
  'NCCI_ADDON',
  /** Derived from an ICD-10-CM order file at its import: the Official Guidelines' defaults. */
  'GUIDELINE_DEFAULTS',
] as const;
export type EditDataKind = (typeof EDIT_DATA_KINDS)[number];

/** The kinds an operator imports from a file (the guideline defaults come with the ICD-10-CM import). */
export const IMPORTABLE_EDIT_DATA_KINDS = EDIT_DATA_KINDS.filter(
  (k): k is Exclude<EditDataKind, 'GUIDELINE_DEFAULTS'> => k !== 'GUIDELINE_DEFAULTS',
);
export type ImportableEditDataKind = Exclude<EditDataKind, 'GUIDELINE_DEFAULTS'>;

export interface ImportProblem {
  /** 1-based line (or spreadsheet row) number in the source file. */
  readonly line: number;
  readonly message: string;
}

/** Summary at the end of an import; malformed lines are listed, not fatal. */
export interface ImportSummary {
  readonly dataset: CodeSystem | EditDataKind | ReferenceDataset;
  /** e.g. "ICD-10-CM FY2026", "NCCI PTP 2026Q1". */
  readonly label: string;
  readonly release: string;
  readonly effectiveFrom: string;
  /** 'imported' the first time, 'unchanged' when the same release with the same content is imported again. */
  readonly outcome: 'imported' | 'unchanged';
  readonly rowsRead: number;
  readonly rowsImported: number;
  /** For code sets: codes valid for submission. */
  readonly billable?: number;
  /** The previous release, closed the day before this one starts. */
  readonly supersededRelease?: string;
  readonly problems: readonly ImportProblem[];
  /** Problems beyond the first 100 are counted, not listed. */
  readonly problemCount: number;
}

/** A release of a code set or edit data set, as the admin screen lists it. */
export interface DataReleaseView {
  readonly dataset: CodeSystem | EditDataKind | ReferenceDataset;
  readonly label: string;
  readonly release: string;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly rowCount: number;
  readonly importedAt: string;
}

/** Provider type of NCCI/MUE files: practitioner (pro fee), outpatient hospital (facility) or DME supplier. */
export const EDIT_PROVIDER_TYPES = ['ALL', 'PRACTITIONER', 'HOSPITAL', 'DME'] as const;
export type EditProviderType = (typeof EDIT_PROVIDER_TYPES)[number];

/**
 * `POST /api/codesets/imports`: imports a file an operator placed in the
 * server's import folder (`<data dir>/imports`); files never travel through the browser.
 */
export interface StartImportRequest {
  readonly dataset: CodeSystem | ImportableEditDataKind | ReferenceDataset;
  /** A bare file name inside the import folder. */
  readonly fileName: string;
  /** Required for CPT and edit data; inferred from CMS file names otherwise. */
  readonly release?: string;
  readonly effectiveFrom?: string;
  readonly providerType?: EditProviderType;
}

export interface ImportFilesResponse {
  readonly files: readonly { readonly name: string; readonly bytes: number }[];
}
