import { randomInt } from 'node:crypto';

// No look-alike characters: the admin reads it out or types it across.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** 20 characters from 31 symbols ≈ 99 bits; used once, then replaced at first sign-in. */
export function newTemporaryPassword(): string {
  const chars = Array.from({ length: 20 }, () => ALPHABET.charAt(randomInt(ALPHABET.length))).join('');
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5)).join('-');
}
