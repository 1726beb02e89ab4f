import { runEdits } from '../edit-engine';
import { demoReferenceData, dx, inpatient, px } from '../../testing/edit-fixtures';

const data = demoReferenceData();
const findingsOf = (ruleId: string, input: ReturnType<typeof inpatient>) =>
  runEdits(input, data).filter((f) => f.ruleId === ruleId);

describe('diagnosis combination rules', () => {
  it('EXCLUDES1_PAIR fires once per pair, by category prefix, as a warning naming its release', () => {
    const found = findingsOf(
      'EXCLUDES1_PAIR',
      inpatient([dx(1, 'E11.9'), dx(2, 'E10.9'), dx(3, 'J44.9'), dx(4, 'J43.9')]),
    );
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({
      severity: 'WARNING',
      codes: ['E11.9', 'E10.9'],
      source: { name: 'ICD-10-CM Tabular', release: 'FY2026' },
    });
  });

  it('EXCLUDES1_PAIR does not fire for codes that may be reported together', () => {
    expect(findingsOf('EXCLUDES1_PAIR', inpatient([dx(1, 'E11.9'), dx(2, 'I10'), dx(3, 'E78.5')]))).toEqual([]);
  });

  it('DUPLICATE_CODE fires for a diagnosis entered twice (with and without the dot)', () => {
    expect(findingsOf('DUPLICATE_CODE', inpatient([dx(1, 'J18.9'), dx(2, 'J189')]))).toMatchObject([
      { severity: 'ERROR', codes: ['J18.9'] },
    ]);
  });

  it('DUPLICATE_CODE warns for a repeated procedure line with the same modifiers only', () => {
    const same = inpatient([dx(1, 'J18.9')], [px(1, 'CPT', '96372'), px(2, 'CPT', '96372')], { type: 'PROFEE' });
    expect(findingsOf('DUPLICATE_CODE', same)).toMatchObject([{ severity: 'WARNING' }]);
    const distinct = inpatient(
      [dx(1, 'J18.9')],
      [px(1, 'CPT', '96372'), px(2, 'CPT', '96372', { modifiers: ['59'] })],
      {
        type: 'PROFEE',
      },
    );
    expect(findingsOf('DUPLICATE_CODE', distinct)).toEqual([]);
  });

  it('DUPLICATE_CODE does not fire for distinct codes', () => {
    expect(findingsOf('DUPLICATE_CODE', inpatient([dx(1, 'J18.9'), dx(2, 'A41.9')]))).toEqual([]);
  });
});
