import { randomBytes } from 'node:crypto';
import { FieldCipher } from './field-cipher';

describe('FieldCipher', () => {
  const cipher = new FieldCipher(randomBytes(32));

  it('round-trips a value bound to its row', () => {
    const sealed = cipher.encrypt('123-45-6789', 'patient-1');
    expect(sealed.includes(Buffer.from('123-45-6789'))).toBe(false);
    expect(cipher.decrypt(sealed, 'patient-1')).toBe('123-45-6789');
  });

  it('uses a fresh IV each time', () => {
    expect(cipher.encrypt('x', 'p').equals(cipher.encrypt('x', 'p'))).toBe(false);
  });

  it('refuses a value moved to another row, tampered with, or under another key', () => {
    const sealed = cipher.encrypt('123-45-6789', 'patient-1');
    expect(cipher.decrypt(sealed, 'patient-2')).toBeNull();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(cipher.decrypt(tampered, 'patient-1')).toBeNull();
    expect(new FieldCipher(randomBytes(32)).decrypt(sealed, 'patient-1')).toBeNull();
    expect(cipher.decrypt(Buffer.from([1, 2, 3]), 'patient-1')).toBeNull();
  });

  it('refuses a key of the wrong size', () => {
    expect(() => new FieldCipher(randomBytes(16))).toThrow(/32-byte/);
  });
});
