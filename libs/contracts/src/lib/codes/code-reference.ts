import type { CodeSystem } from './code-systems';

/**
 * The CMS reference publications imported beside the order files, each a
 * release of its own with effective dates.
 */
export const REFERENCE_DATASETS = [
  'ICD10CM_TABULAR',
  'ICD10CM_INDEX',
  'ICD10CM_EINDEX',
  'ICD10CM_NEOPLASM',
  'ICD10CM_DRUG',
  'ICD10PCS_TABLES',
] as const;
export type ReferenceDataset = (typeof REFERENCE_DATASETS)[number];

export const REFERENCE_DATASET_LABELS: Readonly<Record<ReferenceDataset, string>> = {
  ICD10CM_TABULAR: 'ICD-10-CM Tabular',
  ICD10CM_INDEX: 'ICD-10-CM Index',
  ICD10CM_EINDEX: 'ICD-10-CM External Cause Index',
  ICD10CM_NEOPLASM: 'ICD-10-CM Neoplasm Table',
  ICD10CM_DRUG: 'ICD-10-CM Table of Drugs and Chemicals',
  ICD10PCS_TABLES: 'ICD-10-PCS Tables',
};

export function isReferenceDataset(value: unknown): value is ReferenceDataset {
  return typeof value === 'string' && (REFERENCE_DATASETS as readonly string[]).includes(value);
}

export type TabularLevel = 'CHAPTER' | 'SECTION' | 'CATEGORY' | 'SUBCATEGORY' | 'CODE';

/** Instructional note kinds of the Tabular, in the order a reference shows them. */
export const TABULAR_NOTE_KINDS = [
  'NOTE',
  'INCLUDES',
  'INCLUSION_TERM',
  'EXCLUDES1',
  'EXCLUDES2',
  'CODE_FIRST',
  'USE_ADDITIONAL',
  'CODE_ALSO',
  'SEVENTH_CHARACTER',
] as const;
export type TabularNoteKind = (typeof TABULAR_NOTE_KINDS)[number];

export const TABULAR_NOTE_LABELS: Readonly<Record<TabularNoteKind, string>> = {
  NOTE: 'Note',
  INCLUDES: 'Includes',
  INCLUSION_TERM: 'Inclusion terms',
  EXCLUDES1: 'Excludes1',
  EXCLUDES2: 'Excludes2',
  CODE_FIRST: 'Code first',
  USE_ADDITIONAL: 'Use additional code',
  CODE_ALSO: 'Code also',
  SEVENTH_CHARACTER: '7th character',
};

/** One step of a code's hierarchy, from the chapter (or the order file's first header) down to the code. */
export interface CodeReferenceNode {
  /** Codes without the dot; chapters as their number, sections as their range ("A00-A09"). */
  readonly nodeId: string;
  /** Written as coders read it: "E11.9", "A00-A09", "Chapter 4". */
  readonly display: string;
  readonly level: TabularLevel | 'HEADER' | 'TABLE';
  readonly title: string;
}

/** A code a note points to, with its title where the release has it. */
export interface CodeReferenceTarget {
  readonly code: string;
  readonly displayCode: string;
  /** From the code set release covering the date of service; null for a code it does not hold. */
  readonly title: string | null;
  readonly billable: boolean | null;
}

export interface CodeReferenceNote {
  readonly kind: TabularNoteKind;
  /** The node the note sits under: the code itself or one of its ancestors. */
  readonly nodeId: string;
  readonly nodeDisplay: string;
  readonly text: string;
  readonly targets: readonly CodeReferenceTarget[];
}

export interface SeventhCharacterOption {
  readonly character: string;
  readonly meaning: string;
}

/** `GET /api/codes/reference/:system/:code?dos=`: what the Tabular and the order file say about a code. */
export interface CodeReferenceResponse {
  readonly system: CodeSystem;
  readonly code: string;
  readonly displayCode: string;
  readonly title: string;
  readonly billable: boolean;
  /** The code set release covering the date of service. */
  readonly release: string;
  readonly dos: string;
  readonly hierarchy: readonly CodeReferenceNode[];
  /** Notes of the code and its ancestors, nearest first. Empty when no Tabular covers the date. */
  readonly notes: readonly CodeReferenceNote[];
  /** The 7th characters the code's category defines (nearest definition wins). */
  readonly seventhCharacters: readonly SeventhCharacterOption[];
  /** How the 7th character and placeholder X apply to this code, in words; null when they do not. */
  readonly placeholderGuidance: string | null;
  /** The Tabular (CM) or PCS Tables release used; null when only the order file is imported. */
  readonly referenceRelease: string | null;
}

export interface CodeReferenceQuery {
  readonly dos?: string;
}

/** One choice for the next character of a PCS code. */
export interface PcsBuilderChoice {
  readonly value: string;
  /** From the PCS Tables when imported; else derived from the order file's table headers; null when neither says. */
  readonly label: string | null;
  /** Valid codes of the release under this choice, from position 4 on; null for positions 1–3. */
  readonly codeCount: number | null;
  /** Title of the first valid code under this choice, a hint when there is no label. */
  readonly example: string;
}

/** `GET /api/codes/pcs-builder?prefix=&dos=`. */
export interface PcsBuilderResponse {
  readonly prefix: string;
  readonly dos: string;
  readonly release: string;
  readonly referenceRelease: string | null;
  /** Position (1–7) the choices are for; null when the prefix is a complete code. */
  readonly position: number | null;
  /** "Section", "Body System", "Operation", "Body Part", "Approach", "Device", "Qualifier" (the table's own titles when imported). */
  readonly axisTitle: string | null;
  /** Labels of the characters chosen so far, one per position. */
  readonly chosen: readonly {
    readonly position: number;
    readonly value: string;
    readonly axisTitle: string;
    readonly label: string | null;
  }[];
  readonly choices: readonly PcsBuilderChoice[];
  /** At 7 characters: the code and its title. */
  readonly code: { readonly code: string; readonly title: string } | null;
}

export interface PcsBuilderQuery {
  readonly prefix?: string;
  readonly dos?: string;
}
