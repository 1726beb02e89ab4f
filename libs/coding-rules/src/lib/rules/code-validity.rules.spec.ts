import { runEdits } from '../edit-engine';
import { demoReferenceData, dx, inpatient } from '../../testing/edit-fixtures';

const data = demoReferenceData();
const findingsOf = (ruleId: string, input: ReturnType<typeof inpatient>) =>
  runEdits(input, data).filter((f) => f.ruleId === ruleId);

describe('code validity rules', () => {
  it('INVALID_CODE fires for a code no release knows, and for text that cannot be a code', () => {
    const found = findingsOf('INVALID_CODE', inpatient([dx(1, 'J18.9'), dx(2, 'Q99.99'), dx(3, 'not a code')]));
    expect(found.map((f) => f.codes[0])).toEqual(['Q99.99', 'not a code']);
    expect(found[0]).toMatchObject({ severity: 'ERROR', source: { name: 'ICD-10-CM', release: 'FY2026' } });
  });

  it('INVALID_CODE does not fire for known codes typed with or without the dot', () => {
    expect(findingsOf('INVALID_CODE', inpatient([dx(1, 'j18.9'), dx(2, 'I10')]))).toEqual([]);
  });

  it('NOT_VALID_ON_DATE fires for a code only in an earlier release', () => {
    const [finding] = findingsOf('NOT_VALID_ON_DATE', inpatient([dx(1, 'J18.9'), dx(2, 'U09.9')]));
    expect(finding).toMatchObject({ severity: 'ERROR', codes: ['U09.9'], source: { release: 'FY2026' } });
    expect(finding.message).toContain('FY2025');
  });

  it('NOT_VALID_ON_DATE does not fire when the date falls in the release that has the code', () => {
    const input = inpatient([dx(1, 'U09.9')], [], { dateOfService: '2025-05-01' });
    expect(findingsOf('NOT_VALID_ON_DATE', input)).toEqual([]);
  });

  it('NOT_VALID_ON_DATE fires when no release covers the date at all', () => {
    const input = inpatient([dx(1, 'J18.9')], [], { dateOfService: '2019-01-01' });
    expect(findingsOf('NOT_VALID_ON_DATE', input)).toHaveLength(1);
  });

  it('NON_BILLABLE_CODE fires for a header and not for a billable code', () => {
    expect(findingsOf('NON_BILLABLE_CODE', inpatient([dx(1, 'J18')]))).toMatchObject([
      { severity: 'ERROR', codes: ['J18'] },
    ]);
    expect(findingsOf('NON_BILLABLE_CODE', inpatient([dx(1, 'J18.9')]))).toEqual([]);
  });
});
