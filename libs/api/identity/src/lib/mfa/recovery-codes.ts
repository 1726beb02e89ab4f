import { createHmac, randomInt } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
// No 0/O/1/I/L: codes are read off paper.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** 16 characters from 31 symbols ≈ 79 bits, shown as XXXX-XXXX-XXXX-XXXX. */
export function newRecoveryCode(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET.charAt(randomInt(ALPHABET.length))).join('');
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4)).join('-');
}

export function normalizeRecoveryCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z0-9]{16}$/.test(compact) ? compact : null;
}

/**
 * Keyed hash: the codes have ~79 bits of entropy, and without the server key a
 * stolen table cannot even be brute-forced offline.
 */
export function hashRecoveryCode(hmacKey: Buffer, normalized: string): Buffer {
  return createHmac('sha256', hmacKey).update(`recovery:${normalized}`).digest();
}
