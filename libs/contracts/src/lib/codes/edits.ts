import type { CodeSystem } from './code-systems';

/** Mirrors ENCOUNTER_TYPES (records): the setting decides which edits and code systems apply. */
export type EditEncounterType = 'INPATIENT' | 'OUTPATIENT' | 'ED' | 'PROFEE';
export type EditPatientSex = 'female' | 'male' | 'other' | 'unknown';

/** Present on admission: Y, N, U (undocumented), W (clinically undetermined), 1 (exempt, legacy). */
export const POA_VALUES = ['Y', 'N', 'U', 'W', '1'] as const;
export type PoaValue = (typeof POA_VALUES)[number];

export interface EditEncounterContext {
  readonly type: EditEncounterType;
  /** `YYYY-MM-DD`: the discharge date for inpatient stays, the visit date otherwise. */
  readonly dateOfService: string;
  readonly patientAgeYears: number;
  readonly patientSex: EditPatientSex;
  readonly payer: string;
}

export interface EditDiagnosis {
  /** 1 is the principal (inpatient) or first-listed (outpatient) diagnosis. */
  readonly sequence: number;
  readonly code: string;
  readonly poa?: string | null;
}

export interface EditProcedure {
  readonly sequence: number;
  readonly system: Exclude<CodeSystem, 'ICD10CM'>;
  readonly code: string;
  readonly modifiers?: readonly string[];
  readonly units?: number;
  /** Sequences of the diagnoses this line is for (CPT/HCPCS lines). */
  readonly diagnosisPointers?: readonly number[];
}

export interface EditInput {
  readonly encounter: EditEncounterContext;
  readonly diagnoses: readonly EditDiagnosis[];
  readonly procedures: readonly EditProcedure[];
}

export const EDIT_RULE_IDS = [
  'INVALID_CODE',
  'NOT_VALID_ON_DATE',
  'NON_BILLABLE_CODE',
  'SEX_CONFLICT',
  'AGE_CONFLICT',
  'MANIFESTATION_AS_PRINCIPAL',
  'UNACCEPTABLE_PRINCIPAL',
  'EXCLUDES1_PAIR',
  'DUPLICATE_CODE',
  'POA_MISSING',
  'POA_INVALID',
  'SYSTEM_SETTING_MISMATCH',
  'NCCI_PTP',
  'MUE_EXCEEDED',
  'MISSING_DIAGNOSIS_POINTER',
] as const;
export type EditRuleId = (typeof EDIT_RULE_IDS)[number];

/** ERROR blocks submission; WARNING needs the coder's acknowledgment. */
export type EditSeverity = 'ERROR' | 'WARNING';

/** The data release an edit comes from, e.g. { name: 'NCCI PTP', release: '2026Q1' }. */
export interface EditSource {
  readonly name: string;
  readonly release: string;
}

export interface EditFinding {
  readonly ruleId: EditRuleId;
  readonly severity: EditSeverity;
  /** For the coder; names codes, never patient details. */
  readonly message: string;
  readonly codes: readonly string[];
  readonly source: EditSource;
}

// ---- Reference data the engine is given (the API loads it from the edit data tables) ----

/** One release of a code set, with the dates it covers. */
export interface CodeSetReleaseFact {
  readonly system: CodeSystem;
  readonly name: string;
  readonly release: string;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
}

/** A code as it appears in one release. */
export interface CodeFact {
  readonly system: CodeSystem;
  readonly code: string;
  readonly release: string;
  readonly billable: boolean;
}

export type AgeCategory = 'NEWBORN' | 'PEDIATRIC' | 'MATERNITY' | 'ADULT';

/** Edit attributes for every code starting with `codePrefix`; longer prefixes override shorter ones. */
export interface CodeAttributeFact {
  readonly codePrefix: string;
  readonly sex?: 'male' | 'female' | null;
  readonly ageCategory?: AgeCategory | null;
  readonly manifestation?: boolean;
  readonly unacceptablePrincipal?: boolean;
  readonly poaExempt?: boolean;
}

export interface NcciPtpFact {
  readonly column1: string;
  readonly column2: string;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  /** 0 no modifier allowed, 1 a bypass modifier allows both, 9 not applicable. */
  readonly modifierIndicator: 0 | 1 | 9;
}

export interface MueFact {
  readonly code: string;
  readonly maxUnits: number;
  /** 1 per line, 2 per day by policy, 3 per day by clinical data. */
  readonly adjudicationIndicator: 1 | 2 | 3;
}

/** Plain data: serializable, so the browser can run the same engine on what the API sends. */
export interface EditReferenceData {
  readonly codeSets: readonly CodeSetReleaseFact[];
  readonly codes: readonly CodeFact[];
  readonly attributes: { readonly source: EditSource; readonly entries: readonly CodeAttributeFact[] } | null;
  readonly excludes1: {
    readonly source: EditSource;
    readonly pairs: readonly { readonly codePrefix: string; readonly excludedPrefix: string }[];
  } | null;
  readonly ncciPtp: { readonly source: EditSource; readonly edits: readonly NcciPtpFact[] } | null;
  readonly mue: { readonly source: EditSource; readonly limits: readonly MueFact[] } | null;
}

/** `POST /api/codes/edits` answer. */
export interface EditCheckResponse {
  readonly findings: readonly EditFinding[];
  readonly errorCount: number;
  readonly warningCount: number;
}
