import { REDACTED_LOG_PATHS, pathOnly } from './logging';

describe('pathOnly', () => {
  it('drops the query string, which can hold a searched patient name', () => {
    expect(pathOnly('/api/patients?name=Doe')).toBe('/api/patients');
    expect(pathOnly('/api/health/ready')).toBe('/api/health/ready');
    expect(pathOnly(undefined)).toBe('');
  });
});

describe('log redaction', () => {
  it('names the patient fields as the code spells them, not names it never uses', () => {
    for (const field of ['family', 'given', 'birthDate', 'familyName', 'givenName', 'mrn', 'ssn', 'memberId']) {
      expect(REDACTED_LOG_PATHS).toContain(`*.${field}`);
    }
    expect(REDACTED_LOG_PATHS).not.toContain('*.firstName');
    expect(REDACTED_LOG_PATHS).not.toContain('*.dob');
  });
});
