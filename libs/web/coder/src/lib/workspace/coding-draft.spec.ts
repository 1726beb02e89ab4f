import type { CodedProcedure } from '@chartdesk/contracts';
import { addCode, EMPTY_DRAFT, moveDiagnosis, parseModifiers, parsePointers, removeDiagnosis } from './coding-draft';

const dx = (code: string) => ({ system: 'ICD10CM' as const, code });
const cpt = (code: string) => ({ system: 'CPT' as const, code });

describe('coding draft', () => {
  const draft = [dx('J189'), dx('I10'), dx('E119'), cpt('99213')].reduce((d, hit) => addCode(d, hit), EMPTY_DRAFT);

  it('sequences diagnoses and points a new procedure line at the first diagnosis', () => {
    expect(draft.diagnoses.map((d) => [d.sequence, d.code])).toEqual([
      [1, 'J189'],
      [2, 'I10'],
      [3, 'E119'],
    ]);
    expect(draft.procedures[0]).toEqual({
      sequence: 1,
      system: 'CPT',
      code: '99213',
      modifiers: [],
      units: 1,
      diagnosisPointers: [1],
    });
  });

  it('moves a diagnosis to principal and its pointers follow it', () => {
    const withPointer = {
      ...draft,
      procedures: [{ ...(draft.procedures[0] as CodedProcedure), diagnosisPointers: [1, 3] }],
    };
    const moved = moveDiagnosis(withPointer, 2, -1);
    expect(moved.diagnoses.map((d) => d.code)).toEqual(['J189', 'E119', 'I10']);
    expect((moved.procedures[0] as CodedProcedure).diagnosisPointers).toEqual([1, 2]);
    expect(moveDiagnosis(draft, 0, -1)).toBe(draft);
  });

  it('drops pointers to a removed diagnosis and renumbers the rest', () => {
    const withPointer = {
      ...draft,
      procedures: [{ ...(draft.procedures[0] as CodedProcedure), diagnosisPointers: [1, 3] }],
    };
    const removed = removeDiagnosis(withPointer, 0);
    expect(removed.diagnoses.map((d) => [d.sequence, d.code])).toEqual([
      [1, 'I10'],
      [2, 'E119'],
    ]);
    expect((removed.procedures[0] as CodedProcedure).diagnosisPointers).toEqual([2]);
  });

  it('parses modifiers and pointers leniently but safely', () => {
    expect(parseModifiers('25, lt 59x 9')).toEqual(['25', 'LT']);
    expect(parsePointers('1, 2 2 7 x', 3)).toEqual([1, 2]);
  });
});
