import { diffCodeSets } from '../review/code-diff';
import { codesOfAnswer, withTypicalSlip } from './demo-submissions';

describe('demo submissions', () => {
  const answer = {
    icd10cm: [{ code: 'I10' }, { code: 'J189', principal: true as const, poa: 'Y' as const }],
    icd10pcs: ['5A1935Z'],
    procedures: [],
    hcpcs: [],
  };

  it('puts the principal diagnosis first and fills POA on inpatient charts', () => {
    expect(codesOfAnswer(answer, 'INPATIENT').diagnoses).toEqual([
      { sequence: 1, code: 'J189', poa: 'Y' },
      { sequence: 2, code: 'I10', poa: 'Y' },
    ]);
    expect(codesOfAnswer(answer, 'OUTPATIENT').diagnoses[1]).toEqual({ sequence: 2, code: 'I10', poa: null });
  });

  it('the slip is one the review finds: a changed principal diagnosis', () => {
    const key = codesOfAnswer(answer, 'INPATIENT');
    expect(diffCodeSets(withTypicalSlip(key), key).map((d) => d.kind)).toEqual(['PRINCIPAL_CHANGED']);
  });

  it('with one diagnosis the slip is a missing procedure', () => {
    const key = codesOfAnswer({ ...answer, icd10cm: [{ code: 'J189', principal: true }] }, 'INPATIENT');
    expect(diffCodeSets(withTypicalSlip(key), key).map((d) => d.kind)).toEqual(['ADDED']);
  });
});
