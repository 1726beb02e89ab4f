import { runEdits } from '../edit-engine';
import { demoReferenceData, dx, inpatient } from '../../testing/edit-fixtures';

const data = demoReferenceData();
const findingsOf = (ruleId: string, input: ReturnType<typeof inpatient>) =>
  runEdits(input, data).filter((f) => f.ruleId === ruleId);

describe('principal diagnosis rules', () => {
  it('MANIFESTATION_AS_PRINCIPAL fires when the manifestation has the lowest sequence', () => {
    const input = inpatient([dx(2, 'E11.40'), dx(1, 'G63')]);
    expect(findingsOf('MANIFESTATION_AS_PRINCIPAL', input)).toMatchObject([{ severity: 'ERROR', codes: ['G63'] }]);
  });

  it('MANIFESTATION_AS_PRINCIPAL does not fire when the etiology comes first', () => {
    expect(findingsOf('MANIFESTATION_AS_PRINCIPAL', inpatient([dx(1, 'E11.40'), dx(2, 'G63')]))).toEqual([]);
  });

  it('UNACCEPTABLE_PRINCIPAL fires for an outcome-of-delivery or external cause code first', () => {
    expect(findingsOf('UNACCEPTABLE_PRINCIPAL', inpatient([dx(1, 'W19.XXXA'), dx(2, 'S72.001A')]))).toMatchObject([
      { codes: ['W19.XXXA'] },
    ]);
  });

  it('UNACCEPTABLE_PRINCIPAL does not fire when the code is secondary', () => {
    expect(findingsOf('UNACCEPTABLE_PRINCIPAL', inpatient([dx(1, 'S72.001A'), dx(2, 'W19.XXXA')]))).toEqual([]);
  });
});

describe('external cause as principal (Guidelines I.C.20.a.6)', () => {
  const data = demoReferenceData();
  it('fires for any V00–Y99 code first, with no list loaded', () => {
    const bare = { ...data, editLists: [] };
    for (const code of ['W19.XXXA', 'Y92.009']) {
      expect(runEdits(inpatient([dx(1, code, null), dx(2, 'S72.001A')]), bare)).toContainEqual(
        expect.objectContaining({ ruleId: 'UNACCEPTABLE_PRINCIPAL', severity: 'ERROR', basis: 'GUIDELINE' }),
      );
    }
  });

  it('does not fire for an external cause code sequenced after the injury', () => {
    const found = runEdits(inpatient([dx(1, 'S72.001A'), dx(2, 'W19.XXXA')]), data);
    expect(found.filter((f) => f.ruleId === 'UNACCEPTABLE_PRINCIPAL')).toEqual([]);
  });
});
