import { matchTotp, newTotpSecret, totpCodeAt, totpUri } from './totp';

describe('TOTP', () => {
  const secret = newTotpSecret();
  const now = 1_795_000_000;

  it('accepts the current code and one step either side, nothing further', async () => {
    expect(await matchTotp(secret, await totpCodeAt(secret, now), now, 0)).toBe(Math.floor(now / 30));
    expect(await matchTotp(secret, await totpCodeAt(secret, now - 30), now, 0)).not.toBeNull();
    expect(await matchTotp(secret, await totpCodeAt(secret, now + 30), now, 0)).not.toBeNull();
    expect(await matchTotp(secret, await totpCodeAt(secret, now - 90), now, 0)).toBeNull();
    expect(await matchTotp(secret, await totpCodeAt(secret, now + 90), now, 0)).toBeNull();
  });

  it('refuses a code from a step already used (single use)', async () => {
    const code = await totpCodeAt(secret, now);
    const step = await matchTotp(secret, code, now, 0);
    expect(step).not.toBeNull();
    expect(await matchTotp(secret, code, now, step ?? 0)).toBeNull();
    expect(await matchTotp(secret, await totpCodeAt(secret, now - 30), now, step ?? 0)).toBeNull();
  });

  it('refuses malformed codes without throwing', async () => {
    expect(await matchTotp(secret, '12345', now, 0)).toBeNull();
    expect(await matchTotp(secret, 'abcdef', now, 0)).toBeNull();
  });

  it('builds an otpauth URI for authenticator apps', () => {
    expect(totpUri(secret, 'jdoe')).toMatch(/^otpauth:\/\/totp\/ChartDesk:jdoe\?/);
  });
});
