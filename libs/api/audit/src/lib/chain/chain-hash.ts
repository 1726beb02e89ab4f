import { createHash } from 'node:crypto';

/** The hash a stream starts from: 32 zero bytes. */
export const GENESIS_HASH: Buffer = Buffer.alloc(32);

/** hash = SHA-256(previous hash || UTF-8 canonical text). */
export function chainHash(previous: Buffer, canonicalText: string): Buffer {
  return createHash('sha256').update(previous).update(canonicalText, 'utf8').digest();
}
