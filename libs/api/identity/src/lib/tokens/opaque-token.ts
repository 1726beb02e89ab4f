import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url: refresh tokens and sign-in challenges. */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Stored form of an opaque token. A plain SHA-256 is enough: the input has
 * 256 bits of entropy, so there is nothing to brute-force.
 */
export function hashOpaqueToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Rejects anything that is not the shape we issue before touching the database. */
export function looksLikeOpaqueToken(token: unknown): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}
