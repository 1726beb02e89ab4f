import type { AnswerKey } from '@chartdesk/api-records';
import type { ChartCodes, EncounterType } from '@chartdesk/contracts';

/** The answer key as the code set a careful coder submits. */
export function codesOfAnswer(answer: AnswerKey, type: EncounterType): ChartCodes {
  const inpatient = type === 'INPATIENT';
  const principalFirst = [...answer.icd10cm].sort(
    (a, b) => Number(b.principal ?? false) - Number(a.principal ?? false),
  );
  const procedures = [
    ...answer.icd10pcs.map((code) => ({ system: 'ICD10PCS' as const, code })),
    ...answer.procedures.map((code) => ({ system: 'CPT' as const, code })),
    ...answer.hcpcs.map((code) => ({ system: 'HCPCS' as const, code })),
  ];
  return {
    diagnoses: principalFirst.map((d, i) => ({
      sequence: i + 1,
      code: d.code,
      poa: inpatient ? (d.poa ?? 'Y') : null,
    })),
    procedures: procedures.map((p, i) => ({
      sequence: i + 1,
      system: p.system,
      code: p.code,
      modifiers: [],
      units: 1,
      diagnosisPointers: p.system === 'ICD10PCS' ? [] : [1],
    })),
  };
}

/**
 * The same codes with one typical slip, so the demo review has something to
 * find: principal and first secondary swapped, else the last procedure left
 * off, else the last secondary diagnosis left off.
 */
export function withTypicalSlip(codes: ChartCodes): ChartCodes {
  const [first, second, ...rest] = codes.diagnoses;
  if (first && second) {
    return {
      ...codes,
      diagnoses: [{ ...second, sequence: 1 }, { ...first, sequence: 2 }, ...rest],
    };
  }
  if (codes.procedures.length > 0) return { ...codes, procedures: codes.procedures.slice(0, -1) };
  return codes;
}
