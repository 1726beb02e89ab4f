import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENERATED_KEY_FILE, loadAuditSigningKey } from './signing-key';

describe('loadAuditSigningKey', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'audit-key-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('generates a key into the data folder with mode 0600 and reuses it', () => {
    const config = {
      env: 'development' as const,
      dataDir: dir,
      databaseUrl: undefined,
      auditSigningKeyFile: undefined,
    };
    const first = loadAuditSigningKey(config);
    expect(statSync(join(dir, GENERATED_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(loadAuditSigningKey(config).keyId).toBe(first.keyId);
  });

  it('reads AUDIT_SIGNING_KEY_FILE and refuses a key that is not Ed25519', () => {
    const file = join(dir, 'rsa.pem');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    writeFileSync(file, rsa);
    const config = { env: 'development' as const, dataDir: dir, databaseUrl: undefined, auditSigningKeyFile: file };
    expect(() => loadAuditSigningKey(config)).toThrow(/Ed25519/);
  });

  it('refuses to generate a key for production against a server', () => {
    const config = {
      env: 'production' as const,
      dataDir: dir,
      databaseUrl: 'postgres://db/x',
      auditSigningKeyFile: undefined,
    };
    expect(() => loadAuditSigningKey(config)).toThrow(/AUDIT_SIGNING_KEY_FILE/);
  });
});
