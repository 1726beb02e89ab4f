import { type KeyObject, createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '@chartdesk/api-platform';

/** The Ed25519 key that signs checkpoints. It lives in a file, never in the database. */
export interface AuditSigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly publicKeyPem: string;
  /** Hex SHA-256 of the public key (SPKI DER). */
  readonly keyId: string;
}

export const AUDIT_SIGNING_KEY = Symbol('AUDIT_SIGNING_KEY');
export const GENERATED_KEY_FILE = 'audit-signing-key.pem';

/**
 * AUDIT_SIGNING_KEY_FILE when set; otherwise (embedded mode, or a non-production
 * server) a key generated once into the data folder with mode 0600. Production
 * against a server never gets here without the file: loadConfig refuses it.
 */
export function loadAuditSigningKey(
  config: Pick<AppConfig, 'auditSigningKeyFile' | 'env' | 'databaseUrl' | 'dataDir'>,
): AuditSigningKey {
  if (config.auditSigningKeyFile) return fromPem(readFileSync(config.auditSigningKeyFile, 'utf8'));
  if (config.env === 'production' && config.databaseUrl !== undefined) {
    throw new Error('AUDIT_SIGNING_KEY_FILE is required in production with DATABASE_URL');
  }
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const path = join(config.dataDir, GENERATED_KEY_FILE);
  try {
    return fromPem(readFileSync(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  try {
    // 'wx': if another process made the key a moment ago, use theirs.
    writeFileSync(path, pem, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return fromPem(readFileSync(path, 'utf8'));
  }
  return fromPem(pem);
}

export function fromPem(pem: string): AuditSigningKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('The audit signing key must be an Ed25519 key');
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: keyIdOf(publicKey),
  };
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}
