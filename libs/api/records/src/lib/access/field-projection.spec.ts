import { ROLES } from '@chartdesk/contracts';
import { projectPatient, VISIBLE_PATIENT_FIELDS } from './field-projection';

const everything = {
  name: { family: 'Rivera', given: 'Ana' },
  mrn: 'MRN-1',
  birthDate: '1970-01-02',
  ageAtService: 56,
  sex: 'female',
  payer: 'Acme Health',
  facility: 'MAIN',
  ssnLast4: '1234',
  vipOrEmployee: true,
};

describe('VISIBLE_PATIENT_FIELDS (projection as data)', () => {
  it('is the reviewed table: a change here changes every response carrying patient fields', () => {
    expect(VISIBLE_PATIENT_FIELDS).toMatchSnapshot();
  });

  it.each(ROLES)('projectPatient cuts a full record to the %s row of the table', (role) => {
    const projected = projectPatient(role, everything);
    expect(Object.keys(projected).sort()).toEqual([...VISIBLE_PATIENT_FIELDS[role]].sort());
  });

  it('never gives coders or supervisors identifiers beyond what coding needs', () => {
    for (const role of ['CODER', 'SUPERVISOR'] as const) {
      expect(VISIBLE_PATIENT_FIELDS[role]).not.toContain('ssnLast4');
      expect(VISIBLE_PATIENT_FIELDS[role]).not.toContain('facility');
    }
    expect(VISIBLE_PATIENT_FIELDS.ADMIN).toEqual([]);
  });
});
