import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '@chartdesk/api-platform';

export const RECORDS_KEY_FILE = 'records-encryption.key';

/**
 * The key for patient fields at rest: RECORDS_ENCRYPTION_KEY when configured
 * (required in production with a database server, checked at config load);
 * otherwise one generated once into the data folder with mode 0600, so an
 * embedded install keeps working across restarts.
 */
export function loadRecordsKey(config: Pick<AppConfig, 'recordsEncryptionKey' | 'dataDir'>): Buffer {
  if (config.recordsEncryptionKey) return Buffer.from(config.recordsEncryptionKey, 'base64');
  const file = join(config.dataDir, RECORDS_KEY_FILE);
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${file} does not hold a base64 32-byte key`);
    return key;
  }
  mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}
