import type { AppConfig } from '@chartdesk/api-platform';
import { hash } from 'argon2';
import { PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher({ passwordHashConcurrency: 2 } as AppConfig);

  it('stores argon2id with m=19456, t=2, p=1', async () => {
    const stored = await hasher.hash('a perfectly fine passphrase');
    expect(stored.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
    expect(hasher.needsRehash(stored)).toBe(false);
  });

  it('verifies the NFKC form, so composed and decomposed input match', async () => {
    const stored = await hasher.hash('caf\u00e9 au lait every morning');
    expect(await hasher.verify(stored, 'cafe\u0301 au lait every morning')).toBe(true);
    expect(await hasher.verify(stored, 'cafe au lait every morning')).toBe(false);
  });

  it('flags hashes made with other parameters for rehashing', async () => {
    const old = await hash('legacy parameters here', { memoryCost: 4096, timeCost: 3, parallelism: 1 });
    expect(hasher.needsRehash(old)).toBe(true);
    expect(await hasher.verify(old, 'legacy parameters here')).toBe(true);
  });

  it('answers false, not an error, for a malformed stored hash', async () => {
    expect(await hasher.verify('not-a-hash', 'whatever it might be')).toBe(false);
  });
});
