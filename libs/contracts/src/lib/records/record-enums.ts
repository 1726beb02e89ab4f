/** Kinds of encounter a chart can be; drives which dates and code sets apply. */
export const ENCOUNTER_TYPES = ['INPATIENT', 'OUTPATIENT', 'ED', 'PROFEE'] as const;
export type EncounterType = (typeof ENCOUNTER_TYPES)[number];

export const DOCUMENT_TYPES = [
  'HISTORY_AND_PHYSICAL',
  'PROGRESS_NOTE',
  'CONSULT',
  'OPERATIVE_REPORT',
  'PROCEDURE_NOTE',
  'DISCHARGE_SUMMARY',
  'ED_NOTE',
  'RADIOLOGY',
  'PATHOLOGY',
  'LAB_SUMMARY',
  'MEDICATION_LIST',
  'PROBLEM_LIST',
  'FAMILY_SOCIAL_HISTORY',
  'NURSING_NOTE',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Structured lists kept per encounter, beside the narrative documents. */
export const CHART_LIST_KINDS = ['PROBLEM', 'PROCEDURE', 'MEDICATION', 'ALLERGY', 'SUPPLY', 'FOLLOW_UP'] as const;
export type ChartListKind = (typeof CHART_LIST_KINDS)[number];

export const ADMINISTRATIVE_SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type AdministrativeSex = (typeof ADMINISTRATIVE_SEXES)[number];

/** Reason codes a break-the-glass request must carry (free text explains further). */
export const BREAK_GLASS_REASONS = [
  'PATIENT_SAFETY',
  'CODING_ESCALATION',
  'LEGAL_OR_REGULATORY',
  'COMPLAINT_INVESTIGATION',
] as const;
export type BreakGlassReason = (typeof BREAK_GLASS_REASONS)[number];
