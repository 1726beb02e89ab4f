import type {
  EditDiagnosis,
  EditEncounterContext,
  EditInput,
  EditProcedure,
  EditRuleId,
  EditSeverity,
} from '@chartdesk/contracts';

/** An expected finding: the rule, its severity and (optionally) the codes it names. */
export interface ExpectedFinding {
  readonly ruleId: EditRuleId;
  readonly severity: EditSeverity;
  readonly codes?: readonly string[];
}

/**
 * One case of the table: where it comes from, the claim, and what a coder
 * expects. `errors` is exact (no other error may fire: no false errors);
 * `warnings` must be present (others may be too); `absent` rules must not fire at all.
 */
export interface EditCase {
  readonly id: string;
  readonly cite: string;
  readonly input: EditInput;
  readonly errors: readonly ExpectedFinding[];
  readonly warnings?: readonly ExpectedFinding[];
  readonly absent?: readonly EditRuleId[];
}

export const DOS = '2026-01-15';

type Setting = Partial<EditEncounterContext>;
const base = (setting: Setting): EditEncounterContext => ({
  type: 'INPATIENT',
  dateOfService: DOS,
  patientAgeYears: 50,
  patientSex: 'male',
  payer: 'MEDICARE',
  ...setting,
});

/** `'J18.9'` (POA Y), `'Z23:'` (blank POA), `'J18.9:W'`. */
export function dxList(codes: readonly string[]): EditDiagnosis[] {
  return codes.map((entry, i) => {
    const [code, poa] = entry.split(':');
    return { sequence: i + 1, code, poa: poa === undefined ? 'Y' : poa === '' ? null : poa };
  });
}

/** `'CPT 99213'`, `'CPT 49320 x2 -59 ->1'`, `'ICD10PCS 5A1955Z'`, `'HCPCS A4466 ->'` (no pointer). */
export function pxList(lines: readonly string[]): EditProcedure[] {
  return lines.map((line, i) => {
    const [system, code, ...rest] = line.split(' ');
    const units = rest.find((r) => r.startsWith('x'));
    const pointer = rest.find((r) => r.startsWith('->'));
    return {
      sequence: i + 1,
      system: system as EditProcedure['system'],
      code,
      units: units ? Number(units.slice(1)) : 1,
      modifiers: rest.filter((r) => r.startsWith('-') && !r.startsWith('->')).map((r) => r.slice(1)),
      diagnosisPointers: pointer === undefined ? [1] : pointer === '->' ? [] : pointer.slice(2).split(',').map(Number),
    };
  });
}

export function editCase(
  id: string,
  cite: string,
  setting: Setting,
  dx: readonly string[],
  px: readonly string[],
  expected: Omit<EditCase, 'id' | 'cite' | 'input'>,
): EditCase {
  const encounter = base(setting);
  const diagnoses = dxList(dx).map((d) => (encounter.type === 'INPATIENT' ? d : { ...d, poa: null }));
  return { id, cite, input: { encounter, diagnoses, procedures: pxList(px) }, ...expected };
}

export const err = (ruleId: EditRuleId, ...codes: string[]): ExpectedFinding => ({
  ruleId,
  severity: 'ERROR',
  ...(codes.length ? { codes } : {}),
});
export const warn = (ruleId: EditRuleId, ...codes: string[]): ExpectedFinding => ({
  ruleId,
  severity: 'WARNING',
  ...(codes.length ? { codes } : {}),
});
