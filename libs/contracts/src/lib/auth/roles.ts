/** Exactly one role per user (DESIGN.md, "Who uses it"). */
export const ROLES = ['CODER', 'SUPERVISOR', 'COMPLIANCE', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export const SENSITIVITY_LABELS = [
  'BEHAVIORAL_HEALTH',
  'SUBSTANCE_USE_PART2',
  'HIV_STI',
  'REPRODUCTIVE',
  'GENETIC',
  'VIP',
  'EMPLOYEE',
] as const;
export type SensitivityLabel = (typeof SENSITIVITY_LABELS)[number];

export const SPECIALTIES = ['INPATIENT', 'OUTPATIENT', 'ED', 'PROFEE'] as const;
export type Specialty = (typeof SPECIALTIES)[number];
