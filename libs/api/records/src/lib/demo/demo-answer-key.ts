import type { ChartListKind, DocumentType, EncounterType, SensitivityLabel } from '@chartdesk/contracts';

/**
 * The codes a careful coder should assign to a demo chart, written beside the
 * note templates that support them. Codes are as in the CMS files (no dots).
 * CPT-like procedure codes are our self-labelled demo codes.
 */
export interface AnswerKey {
  readonly icd10cm: readonly { readonly code: string; readonly principal?: true; readonly poa?: 'Y' | 'N' }[];
  readonly icd10pcs: readonly string[];
  readonly procedures: readonly string[];
  readonly hcpcs: readonly string[];
}

/** What the templates may say about the patient and the stay. */
export interface NoteContext {
  readonly patient: string;
  readonly age: number;
  readonly sex: 'female' | 'male';
  readonly pronoun: 'She' | 'He';
  readonly attending: string;
  readonly consultant: string;
  readonly day: (offset: number) => string;
}

export interface DocumentTemplate {
  readonly type: DocumentType;
  readonly title: string;
  readonly author: 'attending' | 'consultant' | 'nurse';
  readonly dayOffset: number;
  readonly labels?: readonly SensitivityLabel[];
  readonly text: (c: NoteContext) => string;
}

export interface DemoScenario {
  readonly key: string;
  readonly type: EncounterType;
  /** Stay length in days for inpatients; 0 for a visit. */
  readonly days: number;
  readonly ageRange: readonly [number, number];
  readonly sex?: 'female' | 'male';
  readonly encounterLabels?: readonly SensitivityLabel[];
  readonly dischargeDisposition?: string;
  readonly documents: readonly DocumentTemplate[];
  readonly lists: readonly { readonly kind: ChartListKind; readonly text: string; readonly detail?: string }[];
  readonly answer: AnswerKey;
}
