import { randomBytes } from 'node:crypto';
import { openSecret, sealSecret } from './secret-box';

describe('secret box (AES-256-GCM)', () => {
  const key = randomBytes(32);

  it('round-trips and never stores the plaintext', () => {
    const sealed = sealSecret(key, 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'user-1');
    expect(sealed).not.toContain('JBSWY3DP');
    expect(openSecret(key, sealed, 'user-1')).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
  });

  it('refuses a ciphertext moved to another user, a wrong key or a flipped bit', () => {
    const sealed = sealSecret(key, 'secret', 'user-1');
    expect(() => openSecret(key, sealed, 'user-2')).toThrow();
    expect(() => openSecret(randomBytes(32), sealed, 'user-1')).toThrow();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3] ?? '', 'base64url');
    body.writeUInt8(body.readUInt8(0) ^ 1, 0);
    expect(() =>
      openSecret(key, [parts[0], parts[1], parts[2], body.toString('base64url')].join('.'), 'user-1'),
    ).toThrow();
  });

  it('refuses a truncated authentication tag', () => {
    const [version, iv, tag, body] = sealSecret(key, 'secret', 'user-1').split('.');
    const short = Buffer.from(tag ?? '', 'base64url')
      .subarray(0, 4)
      .toString('base64url');
    expect(() => openSecret(key, [version, iv, short, body].join('.'), 'user-1')).toThrow();
  });
});
