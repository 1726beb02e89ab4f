import {
  type KeyObject,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '@chartdesk/api-platform';

/** Key material for identity: token signing, TOTP secret encryption, keyed hashes. */
export interface IdentityKeys {
  /** ES256 (P-256) private key, PEM. */
  readonly jwtPrivateKeyPem: string;
  readonly jwtPublicKeyPem: string;
  /** The same keys parsed once: jsonwebtoken re-parses a PEM string on every sign and verify. */
  readonly jwtPrivateKey: KeyObject;
  readonly jwtPublicKey: KeyObject;
  /** AES-256-GCM key for TOTP secrets at rest. */
  readonly mfaEncryptionKey: Buffer;
  /** HMAC key for recovery-code hashes and the signed CSRF token, derived so one secret is configured. */
  readonly hmacKey: Buffer;
}

export const IDENTITY_KEYS = Symbol('IDENTITY_KEYS');

const JWT_KEY_FILE = 'jwt-es256-private.pem';
const MFA_KEY_FILE = 'mfa-encryption.key';

/**
 * Keys come from configuration. Without it (embedded mode, development, tests)
 * they are generated once into the data folder with mode 0600, so restarts
 * keep sessions and enrolled authenticators valid.
 */
export function loadIdentityKeys(config: AppConfig): IdentityKeys {
  const jwtPrivateKeyPem = config.jwtPrivateKeyFile
    ? readFileSync(config.jwtPrivateKeyFile, 'utf8')
    : readOrCreate(config.dataDir, JWT_KEY_FILE, () =>
        generateKeyPairSync('ec', { namedCurve: 'P-256' })
          .privateKey.export({ type: 'pkcs8', format: 'pem' })
          .toString(),
      );
  const privateKey = createPrivateKey(jwtPrivateKeyPem);
  if (privateKey.asymmetricKeyType !== 'ec' || privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error('The JWT private key must be an EC P-256 key (ES256)');
  }
  const mfaKeyB64 =
    config.mfaEncryptionKey ?? readOrCreate(config.dataDir, MFA_KEY_FILE, () => randomBytes(32).toString('base64'));
  const mfaEncryptionKey = Buffer.from(mfaKeyB64.trim(), 'base64');
  if (mfaEncryptionKey.length !== 32) throw new Error('The MFA encryption key must be 32 bytes');
  return {
    jwtPrivateKeyPem,
    jwtPublicKeyPem: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString(),
    jwtPrivateKey: privateKey,
    jwtPublicKey: createPublicKey(privateKey),
    mfaEncryptionKey,
    hmacKey: Buffer.from(hkdfSync('sha256', mfaEncryptionKey, Buffer.alloc(0), 'chartdesk identity hmac', 32)),
  };
}

function readOrCreate(dir: string, name: string, create: () => string): string {
  const path = join(dir, name);
  if (existsSync(path)) return readFileSync(path, 'utf8');
  mkdirSync(dir, { recursive: true });
  const value = create();
  // 'wx' fails if another process created it meanwhile; then read theirs.
  try {
    writeFileSync(path, value, { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600);
    return value;
  } catch {
    return readFileSync(path, 'utf8');
  }
}
