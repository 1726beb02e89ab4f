import { DomainError } from '@chartdesk/api-platform';
import type { ChartCodes } from '@chartdesk/contracts';

/** Only the fields a code set has, ordered by sequence; each sequence used once per group. */
export function normalizeCorrection(codes: ChartCodes): ChartCodes {
  const dx = codes.diagnoses.map((d) => d.sequence);
  const px = codes.procedures.map((p) => p.sequence);
  if (new Set(dx).size !== dx.length || new Set(px).size !== px.length) {
    throw new DomainError('VALIDATION', 'Each diagnosis and each procedure needs its own sequence number.');
  }
  if (codes.diagnoses.length === 0) throw new DomainError('VALIDATION', 'The corrected set needs a diagnosis.');
  return {
    diagnoses: [...codes.diagnoses]
      .sort((a, b) => a.sequence - b.sequence)
      .map((d) => ({ sequence: d.sequence, code: d.code, poa: d.poa ?? null })),
    procedures: [...codes.procedures]
      .sort((a, b) => a.sequence - b.sequence)
      .map((p) => ({
        sequence: p.sequence,
        system: p.system,
        code: p.code,
        modifiers: [...p.modifiers],
        units: p.units,
        diagnosisPointers: [...p.diagnosisPointers],
      })),
  };
}
