/** The code systems ChartDesk knows. CPT is licensed: only customer files or our own demo labels. */
export const CODE_SYSTEMS = ['ICD10CM', 'ICD10PCS', 'HCPCS', 'CPT'] as const;
export type CodeSystem = (typeof CODE_SYSTEMS)[number];

export const CODE_SYSTEM_LABELS: Readonly<Record<CodeSystem, string>> = {
  ICD10CM: 'ICD-10-CM',
  ICD10PCS: 'ICD-10-PCS',
  HCPCS: 'HCPCS Level II',
  CPT: 'CPT',
};

export function isCodeSystem(value: unknown): value is CodeSystem {
  return typeof value === 'string' && (CODE_SYSTEMS as readonly string[]).includes(value);
}
