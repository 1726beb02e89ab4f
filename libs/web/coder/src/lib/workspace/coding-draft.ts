import { displayCode } from '@chartdesk/coding-rules';
import type { ChartCodes, CodedDiagnosis, CodedProcedure, CodeSearchHit } from '@chartdesk/contracts';

/** What the coding panel edits: the same shape the API stores, kept in sequence order. */
export interface CodingDraft extends ChartCodes {
  readonly diagnoses: readonly CodedDiagnosis[];
  readonly procedures: readonly CodedProcedure[];
}

export const EMPTY_DRAFT: CodingDraft = { diagnoses: [], procedures: [] };

function resequence<T extends { sequence: number }>(lines: readonly T[]): T[] {
  return lines.map((line, i) => ({ ...line, sequence: i + 1 }));
}

/** Adds a picked code: diagnoses for ICD-10-CM, procedure lines otherwise. Duplicates are left for the edits to flag. */
export function addCode(draft: CodingDraft, hit: Pick<CodeSearchHit, 'system' | 'code'>): CodingDraft {
  if (hit.system === 'ICD10CM') {
    // POA stays unset: the coder must choose it for an inpatient stay (the edits flag it until then).
    return { ...draft, diagnoses: resequence([...draft.diagnoses, { sequence: 0, code: hit.code, poa: null }]) };
  }
  const pointers = hit.system === 'ICD10PCS' ? [] : draft.diagnoses.slice(0, 1).map((d) => d.sequence);
  return {
    ...draft,
    procedures: resequence([
      ...draft.procedures,
      { sequence: 0, system: hit.system, code: hit.code, modifiers: [], units: 1, diagnosisPointers: pointers },
    ]),
  };
}

export function removeDiagnosis(draft: CodingDraft, index: number): CodingDraft {
  const removed = draft.diagnoses[index];
  if (!removed) return draft;
  const diagnoses = resequence(draft.diagnoses.filter((_, i) => i !== index));
  // Pointers follow the diagnoses they pointed to; a pointer to the removed one is dropped.
  const renumber = (p: number) => (p === removed.sequence ? null : p > removed.sequence ? p - 1 : p);
  const procedures = draft.procedures.map((line) => ({
    ...line,
    diagnosisPointers: line.diagnosisPointers.map(renumber).filter((p): p is number => p !== null),
  }));
  return { diagnoses, procedures };
}

export function removeProcedure(draft: CodingDraft, index: number): CodingDraft {
  return { ...draft, procedures: resequence(draft.procedures.filter((_, i) => i !== index)) };
}

/** Moves a diagnosis up (−1) or down (+1); moving one to the top makes it the principal. Pointers follow it. */
export function moveDiagnosis(draft: CodingDraft, index: number, delta: -1 | 1): CodingDraft {
  const target = index + delta;
  if (target < 0 || target >= draft.diagnoses.length) return draft;
  const order = draft.diagnoses.map((_, i) => i);
  [order[index], order[target]] = [order[target] ?? index, order[index] ?? target];
  const diagnoses = order.map((from, i) => ({ ...(draft.diagnoses[from] as CodedDiagnosis), sequence: i + 1 }));
  const newSequence = new Map(order.map((from, i) => [from + 1, i + 1]));
  const procedures = draft.procedures.map((line) => ({
    ...line,
    diagnosisPointers: line.diagnosisPointers.map((p) => newSequence.get(p) ?? p),
  }));
  return { diagnoses, procedures };
}

export function updateDiagnosis(
  draft: CodingDraft,
  index: number,
  change: Partial<Pick<CodedDiagnosis, 'poa'>>,
): CodingDraft {
  return { ...draft, diagnoses: draft.diagnoses.map((d, i) => (i === index ? { ...d, ...change } : d)) };
}

export function updateProcedure(
  draft: CodingDraft,
  index: number,
  change: Partial<Pick<CodedProcedure, 'modifiers' | 'units' | 'diagnosisPointers'>>,
): CodingDraft {
  return { ...draft, procedures: draft.procedures.map((p, i) => (i === index ? { ...p, ...change } : p)) };
}

/** "25, 59" → ['25', '59']; anything that is not a two-character modifier is dropped. */
export function parseModifiers(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((m) => m.trim().toUpperCase())
    .filter((m) => /^[A-Z0-9]{2}$/.test(m))
    .slice(0, 4);
}

/** "1, 2" → [1, 2], limited to diagnoses that exist. */
export function parsePointers(text: string, diagnosisCount: number): number[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((p) => Number.parseInt(p, 10))
        .filter((p) => Number.isInteger(p) && p >= 1 && p <= diagnosisCount),
    ),
  ].slice(0, 4);
}

export function sameCodes(a: ChartCodes, b: ChartCodes): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function codeLabel(system: CodedProcedure['system'] | 'ICD10CM', code: string): string {
  return displayCode(system, code);
}
