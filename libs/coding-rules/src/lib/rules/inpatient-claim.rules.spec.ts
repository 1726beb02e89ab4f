import { runEdits } from '../edit-engine';
import { demoReferenceData, dx, inpatient, professional, px } from '../../testing/edit-fixtures';

const data = demoReferenceData();
const findingsOf = (ruleId: string, input: ReturnType<typeof inpatient>) =>
  runEdits(input, data).filter((f) => f.ruleId === ruleId);

describe('inpatient claim rules', () => {
  it('POA_MISSING fires for a blank indicator on an inpatient diagnosis', () => {
    expect(findingsOf('POA_MISSING', inpatient([dx(1, 'J18.9', null), dx(2, 'I10', ' ')]))).toHaveLength(2);
  });

  it('POA_MISSING only warns, until the CMS exempt list is imported, where Appendix I has exempt categories', () => {
    // Z codes: Appendix I exempts many Z categories, the default list summarises them
    expect(findingsOf('POA_MISSING', inpatient([dx(1, 'J18.9'), dx(2, 'Z79.4', null)]))).toMatchObject([
      { severity: 'WARNING', basis: 'HEURISTIC', codes: ['Z79.4'] },
    ]);
    const withCms = {
      ...data,
      editLists: [
        ...data.editLists,
        {
          source: { name: 'CMS POA exempt list', release: 'FY2026' },
          basis: 'CMS' as const,
          lists: ['POA_EXEMPT' as const],
          entries: [],
        },
      ],
    };
    // the CMS list is authoritative: Y92.009 is not on it, so a blank POA blocks; J18.9 too
    expect(
      runEdits(inpatient([dx(1, 'J18.9', null), dx(2, 'Y92.009', null)]), withCms)
        .filter((f) => f.ruleId === 'POA_MISSING')
        .map((f) => [f.severity, f.source.name]),
    ).toEqual([
      ['ERROR', 'CMS POA exempt list'],
      ['ERROR', 'CMS POA exempt list'],
    ]);
  });

  it('POA_MISSING does not fire for exempt codes or outpatient encounters', () => {
    expect(findingsOf('POA_MISSING', inpatient([dx(1, 'J18.9'), dx(2, 'Y92.009', null)]))).toEqual([]);
    expect(findingsOf('POA_MISSING', professional([dx(1, 'J18.9')], [px(1, 'CPT', '99213')]))).toEqual([]);
  });

  it('POA_INVALID fires for an unknown value, and warns on a value given for an exempt code', () => {
    const found = findingsOf(
      'POA_INVALID',
      inpatient([dx(1, 'J18.9', 'X'), dx(2, 'Y92.009', 'Y'), dx(3, 'J44.9', '1')]),
    );
    expect(found.map((f) => [f.severity, f.codes[0]])).toEqual([
      ['ERROR', 'J18.9'],
      ['ERROR', 'J44.9'],
      ['WARNING', 'Y92.009'],
    ]);
    expect(found[1].message).toContain('only for POA-exempt codes');
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
