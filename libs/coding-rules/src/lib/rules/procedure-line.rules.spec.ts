import { runEdits } from '../edit-engine';
import { demoReferenceData, dx, inpatient, professional, px } from '../../testing/edit-fixtures';

const data = demoReferenceData();
const findingsOf = (ruleId: string, input: ReturnType<typeof inpatient>) =>
  runEdits(input, data).filter((f) => f.ruleId === ruleId);
const dxs = [dx(1, 'K35.80'), dx(2, 'R07.9')];

describe('procedure line rules', () => {
  it('NCCI_PTP fires for an indicator-0 pair even with a bypass modifier', () => {
    const input = professional(dxs, [px(1, 'CPT', '47562'), px(2, 'CPT', '49320', { modifiers: ['59'] })]);
    expect(findingsOf('NCCI_PTP', input)).toMatchObject([
      { severity: 'ERROR', codes: ['47562', '49320'], source: { name: 'NCCI PTP', release: '2026Q1' } },
    ]);
  });

  it('NCCI_PTP fires for an indicator-1 pair without a bypass modifier', () => {
    expect(findingsOf('NCCI_PTP', professional(dxs, [px(1, 'CPT', '44970'), px(2, 'CPT', '96372')]))).toHaveLength(1);
  });

  it('NCCI_PTP does not fire with XS on an indicator-1 pair, on indicator 9, or on a deleted edit', () => {
    const bypassed = professional(dxs, [px(1, 'CPT', '44970'), px(2, 'CPT', '96372', { modifiers: ['xs'] })]);
    expect(findingsOf('NCCI_PTP', bypassed)).toEqual([]);
    expect(findingsOf('NCCI_PTP', professional(dxs, [px(1, 'CPT', '99213'), px(2, 'CPT', '36415')]))).toEqual([]);
    expect(findingsOf('NCCI_PTP', professional(dxs, [px(1, 'CPT', '44970'), px(2, 'CPT', '49320')]))).toEqual([]);
  });

  it('MUE_EXCEEDED fires per day (MAI 2 error, MAI 3 warning) and per line (MAI 1)', () => {
    const input = professional(dxs, [
      px(1, 'CPT', '47562', { units: 2 }),
      px(2, 'CPT', '36415', { units: 2 }),
      px(3, 'CPT', '36415', { units: 1, modifiers: ['91'] }),
      px(4, 'CPT', '96372', { units: 5 }),
    ]);
    const found = findingsOf('MUE_EXCEEDED', input).map((f) => [f.severity, f.codes[0]]);
    expect(found).toEqual([
      ['ERROR', '47562'],
      ['ERROR', '96372'],
      ['WARNING', '36415'],
    ]);
  });

  it('MUE_EXCEEDED does not fire at or under the limit', () => {
    const input = professional(dxs, [px(1, 'CPT', '36415', { units: 2 }), px(2, 'CPT', '96372', { units: 4 })]);
    expect(findingsOf('MUE_EXCEEDED', input)).toEqual([]);
  });

  it('MISSING_DIAGNOSIS_POINTER fires for no pointer and for a pointer to a missing diagnosis', () => {
    const input = professional(dxs, [
      px(1, 'CPT', '99213', { diagnosisPointers: [] }),
      px(2, 'HCPCS', 'J1100', { diagnosisPointers: [7] }),
    ]);
    expect(findingsOf('MISSING_DIAGNOSIS_POINTER', input).map((f) => f.codes[0])).toEqual(['99213', 'J1100']);
  });

  it('MISSING_DIAGNOSIS_POINTER does not fire for pointed lines or inpatient PCS procedures', () => {
    expect(
      findingsOf(
        'MISSING_DIAGNOSIS_POINTER',
        professional(dxs, [px(1, 'CPT', '99213', { diagnosisPointers: [1, 2] })]),
      ),
    ).toEqual([]);
    const pcs = inpatient(dxs, [px(1, 'ICD10PCS', '0DTJ4ZZ', { diagnosisPointers: [] })]);
    expect(findingsOf('MISSING_DIAGNOSIS_POINTER', pcs)).toEqual([]);
  });
});
