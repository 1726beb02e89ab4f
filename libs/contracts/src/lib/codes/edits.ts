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
  'PRINCIPAL_MISSING',
  'QUESTIONABLE_ADMISSION',
  'NONSPECIFIC_PRINCIPAL',
  'CODE_FIRST_SEQUENCE',
  'NON_COVERED_PROCEDURE',
  'LIMITED_COVERAGE',
  'INVALID_MODIFIER',
  'ADDON_WITHOUT_PRIMARY',
] as const;
export type EditRuleId = (typeof EDIT_RULE_IDS)[number];

/** ERROR blocks submission; WARNING needs the coder's acknowledgment. */
export type EditSeverity = 'ERROR' | 'WARNING';

/** The data release an edit comes from, e.g. { name: 'NCCI PTP', release: '2026Q1' }. */
export interface EditSource {
  readonly name: string;
  readonly release: string;
}

/**
 * Why the engine believes a rule: a CMS table, an unambiguous Official
 * Guidelines rule, a list the site imported, or a heuristic derived from code
 * titles (a heuristic only ever warns).
 */
export type EditBasis = 'CMS' | 'GUIDELINE' | 'LOCAL' | 'HEURISTIC';

export interface EditFinding {
  readonly ruleId: EditRuleId;
  readonly severity: EditSeverity;
  /** For the coder; names codes, never patient details. */
  readonly message: string;
  readonly codes: readonly string[];
  readonly source: EditSource;
  /** Absent on findings saved before edit bases were recorded. */
  readonly basis?: EditBasis;
  /** The table row, tabular note or guideline section behind the finding, e.g. `MCE v43 §5 Diagnoses for females only: N800`. */
  readonly evidence?: string;
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
  /** HCPCS: the last date of service the code may be used (the file's TERM DT); null or absent when open. */
  readonly terminatedOn?: string | null;
}

export type AgeCategory = 'NEWBORN' | 'PEDIATRIC' | 'MATERNITY' | 'ADULT';

/** The code lists the edits read (MCE tables, the POA exempt list, guideline defaults). */
export const EDIT_LIST_NAMES = [
  'SEX',
  'AGE',
  'MANIFESTATION',
  'UNACCEPTABLE_PRINCIPAL',
  'QUESTIONABLE_ADMISSION',
  'NONSPECIFIC_PRINCIPAL',
  'NON_COVERED',
  'LIMITED_COVERAGE',
  'POA_EXEMPT',
] as const;
export type EditListName = (typeof EDIT_LIST_NAMES)[number];

/**
 * One entry of a code list, keyed by code system and code (or a prefix within
 * the system: `ICD10CM C52` never matches HCPCS `C5271`).
 */
export interface EditListEntry {
  readonly system: CodeSystem;
  readonly codePrefix: string;
  readonly list: EditListName;
  /** SEX: 'male' | 'female'; AGE: an AgeCategory; otherwise null. */
  readonly value: string | null;
  readonly basis: EditBasis;
  /** The row or wording it was read from, shown to the coder. */
  readonly evidence: string;
}

/** One release of code lists, e.g. MCE v43, the FY2026 POA exempt list, or the FY2026 guideline defaults. */
export interface EditListRelease {
  readonly source: EditSource;
  /** CMS for a CMS publication, LOCAL for a site's own list, GUIDELINE for the derived defaults. */
  readonly basis: EditBasis;
  /** The lists this release speaks for: a CMS release replaces the defaults for these lists. */
  readonly lists: readonly EditListName[];
  readonly entries: readonly EditListEntry[];
}

/** A Tabular instructional note pairing two code prefixes (EXCLUDES1, CODE_FIRST, USE_ADDITIONAL). */
export interface TabularPairFact {
  readonly kind: 'EXCLUDES1' | 'CODE_FIRST' | 'USE_ADDITIONAL';
  readonly codePrefix: string;
  readonly otherPrefix: string;
  /** The note's own wording, shown to the coder. */
  readonly note: string;
}

/** A valid modifier from the HCPCS file's modifier records or the site's CPT modifier list. */
export interface ModifierFact {
  readonly modifier: string;
  readonly terminatedOn: string | null;
}

/** The modifier table of one release; `modifiers` holds only those on the claim. */
export interface ModifierTable {
  readonly system: 'HCPCS' | 'CPT';
  readonly source: EditSource;
  readonly modifiers: readonly ModifierFact[];
}

/** NCCI add-on code edit: the add-on code and one acceptable primary code (type 1), or none (types 2 and 3). */
export interface AddOnFact {
  readonly addOn: string;
  readonly primary: string | null;
  readonly editType: 1 | 2 | 3;
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
  /** The table's MUE rationale column. */
  readonly rationale?: string;
}

/** Plain data: serializable, so the browser can run the same engine on what the API sends. */
export interface EditReferenceData {
  readonly codeSets: readonly CodeSetReleaseFact[];
  readonly codes: readonly CodeFact[];
  /** Every list release covering the date of service, CMS ones first. */
  readonly editLists: readonly EditListRelease[];
  /** Tabular notes of the release covering the date of service (or the Excludes1 CSV import). */
  readonly tabularPairs: { readonly source: EditSource; readonly pairs: readonly TabularPairFact[] } | null;
  readonly ncciPtp: { readonly source: EditSource; readonly edits: readonly NcciPtpFact[] } | null;
  readonly mue: { readonly source: EditSource; readonly limits: readonly MueFact[] } | null;
  readonly addOns: { readonly source: EditSource; readonly edits: readonly AddOnFact[] } | null;
  readonly modifierTables: readonly ModifierTable[];
}

/** `POST /api/codes/edits` answer. */
export interface EditCheckResponse {
  readonly findings: readonly EditFinding[];
  readonly errorCount: number;
  readonly warningCount: number;
}
