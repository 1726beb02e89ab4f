import { runEdits } from '../edit-engine';
import { demoReferenceData, dx, inpatient, professional, px } from '../../testing/edit-fixtures';

const data = demoReferenceData();
const findingsOf = (ruleId: string, input: ReturnType<typeof inpatient>) =>
  runEdits(input, data).filter((f) => f.ruleId === ruleId);

describe('inpatient claim rules', () => {
  it('POA_MISSING fires for a blank indicator on an inpatient diagnosis', () => {
    expect(findingsOf('POA_MISSING', inpatient([dx(1, 'J18.9', null), dx(2, 'I10', ' ')]))).toHaveLength(2);
  });

  it('POA_MISSING does not fire for exempt codes or outpatient encounters', () => {
    expect(findingsOf('POA_MISSING', inpatient([dx(1, 'J18.9'), dx(2, 'Y92.009', null)]))).toEqual([]);
    expect(findingsOf('POA_MISSING', professional([dx(1, 'J18.9')], [px(1, 'CPT', '99213')]))).toEqual([]);
  });

  it('POA_INVALID fires for an unknown value, and warns on a value given for an exempt code', () => {
    const found = findingsOf('POA_INVALID', inpatient([dx(1, 'J18.9', 'X'), dx(2, 'Y92.009', 'Y'), dx(3, 'I10', '1')]));
    expect(found.map((f) => [f.severity, f.codes[0]])).toEqual([
      ['ERROR', 'I10'],
      ['ERROR', 'J18.9'],
      ['WARNING', 'Y92.009'],
    ]);
  });

  it('POA_INVALID does not fire for Y, N, U and W, in any case', () => {
    expect(
      findingsOf(
        'POA_INVALID',
        inpatient([dx(1, 'J18.9', 'y'), dx(2, 'I10', 'N'), dx(3, 'E78.5', 'U'), dx(4, 'E11.9', 'W')]),
      ),
    ).toEqual([]);
  });

  it('SYSTEM_SETTING_MISMATCH fires for CPT on an inpatient claim and PCS on a professional one', () => {
    expect(findingsOf('SYSTEM_SETTING_MISMATCH', inpatient([dx(1, 'K35.80')], [px(1, 'CPT', '44970')]))).toHaveLength(
      1,
    );
    expect(
      findingsOf('SYSTEM_SETTING_MISMATCH', professional([dx(1, 'K35.80')], [px(1, 'ICD10PCS', '0DTJ4ZZ')])),
    ).toMatchObject([{ severity: 'ERROR', codes: ['0DTJ4ZZ'] }]);
  });

  it('SYSTEM_SETTING_MISMATCH does not fire when the system fits the setting', () => {
    expect(findingsOf('SYSTEM_SETTING_MISMATCH', inpatient([dx(1, 'K35.80')], [px(1, 'ICD10PCS', '0DTJ4ZZ')]))).toEqual(
      [],
    );
    expect(findingsOf('SYSTEM_SETTING_MISMATCH', professional([dx(1, 'K35.80')], [px(1, 'CPT', '44970')]))).toEqual([]);
  });
});
