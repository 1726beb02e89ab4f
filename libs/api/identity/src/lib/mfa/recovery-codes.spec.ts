import { randomBytes } from 'node:crypto';
import { hashRecoveryCode, newRecoveryCode, normalizeRecoveryCode } from './recovery-codes';

describe('recovery codes', () => {
  it('are unique, readable and normalise regardless of case and dashes', () => {
    const codes = new Set(Array.from({ length: 200 }, newRecoveryCode));
    expect(codes.size).toBe(200);
    const code = [...codes][0] ?? '';
    expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    expect(normalizeRecoveryCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code.replace(/-/g, ''));
    expect(normalizeRecoveryCode('123456')).toBeNull();
  });

  it('hash with the server key only', () => {
    const k1 = randomBytes(32);
    expect(hashRecoveryCode(k1, 'ABCD').equals(hashRecoveryCode(k1, 'ABCD'))).toBe(true);
    expect(hashRecoveryCode(k1, 'ABCD').equals(hashRecoveryCode(randomBytes(32), 'ABCD'))).toBe(false);
  });
});
