import { runEdits } from '../edit-engine';
import { demoReferenceData, dx, inpatient, px } from '../../testing/edit-fixtures';

const data = demoReferenceData();
const findingsOf = (ruleId: string, input: ReturnType<typeof inpatient>) =>
  runEdits(input, data).filter((f) => f.ruleId === ruleId);

describe('patient conflict rules', () => {
  it('SEX_CONFLICT fires for a female-only code on a male patient and a male-only procedure on a woman', () => {
    expect(findingsOf('SEX_CONFLICT', inpatient([dx(1, 'O80')]))).toMatchObject([
      { severity: 'ERROR', codes: ['O80'], source: { name: 'ChartDesk demo edit lists' } },
    ]);
    const woman = inpatient([dx(1, 'J18.9')], [px(1, 'ICD10PCS', '0VTTXZZ')], { patientSex: 'female' });
    expect(findingsOf('SEX_CONFLICT', woman)).toMatchObject([{ codes: ['0VTTXZZ'] }]);
  });

  it('SEX_CONFLICT does not fire for a matching or unknown sex', () => {
    expect(findingsOf('SEX_CONFLICT', inpatient([dx(1, 'N40.1')]))).toEqual([]);
    expect(
      findingsOf('SEX_CONFLICT', inpatient([dx(1, 'O80')], [], { patientSex: 'unknown', patientAgeYears: 30 })),
    ).toEqual([]);
  });

  it('AGE_CONFLICT fires for newborn codes on an adult and maternity codes on a 70-year-old', () => {
    const adult = inpatient([dx(1, 'Z38.00')]);
    expect(findingsOf('AGE_CONFLICT', adult)).toMatchObject([{ severity: 'ERROR', codes: ['Z38.00'] }]);
    // a heuristic list entry (P codes may persist through life, I.C.16.a.1) only warns
    const perinatal = inpatient([dx(1, 'P07.30')]);
    expect(findingsOf('AGE_CONFLICT', perinatal)).toMatchObject([{ severity: 'WARNING', basis: 'HEURISTIC' }]);
    const older = inpatient([dx(1, 'O80')], [], { patientSex: 'female', patientAgeYears: 70 });
    expect(findingsOf('AGE_CONFLICT', older)[0].message).toContain('maternity');
  });

  it('AGE_CONFLICT does not fire inside the range', () => {
    expect(findingsOf('AGE_CONFLICT', inpatient([dx(1, 'Z38.00')], [], { patientAgeYears: 0 }))).toEqual([]);
    expect(
      findingsOf('AGE_CONFLICT', inpatient([dx(1, 'O80')], [], { patientSex: 'female', patientAgeYears: 29 })),
    ).toEqual([]);
  });
});
