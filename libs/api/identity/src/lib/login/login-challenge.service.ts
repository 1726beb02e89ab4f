import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock';
import { hashOpaqueToken, looksLikeOpaqueToken, newOpaqueToken } from '../tokens/opaque-token';

/** A sign-in between its steps. The token is opaque and stored hashed; it grants nothing but the next step. */
export interface LoginChallenge {
  readonly tokenHash: Buffer;
  readonly userId: string;
  readonly mfaVerified: boolean;
  readonly pendingTotpSecretEnc: string | null;
  readonly failedCodes: number;
}

export const CHALLENGE_TTL_SECONDS = 300;
/** Wrong codes one challenge tolerates before the password must be entered again. */
export const CHALLENGE_MAX_FAILED_CODES = 5;

@Injectable()
export class LoginChallengeService {
  constructor(private readonly clock: Clock) {}

  async create(manager: EntityManager, userId: string, mfaVerified: boolean): Promise<string> {
    const token = newOpaqueToken();
    // One pending sign-in per user: a new password step replaces older challenges.
    await manager.query('DELETE FROM login_challenge WHERE user_id = $1', [userId]);
    await manager.query(
      'INSERT INTO login_challenge (token_hash, user_id, mfa_verified, expires_at) VALUES ($1, $2, $3, $4)',
      [hashOpaqueToken(token), userId, mfaVerified, new Date(this.clock.nowMs() + CHALLENGE_TTL_SECONDS * 1000)],
    );
    return token;
  }

  /** Locks and returns a live challenge, or null for anything unknown or expired. */
  async load(manager: EntityManager, token: string): Promise<LoginChallenge | null> {
    if (!looksLikeOpaqueToken(token)) return null;
    const rows = (await manager.query(
      `SELECT token_hash, user_id, mfa_verified, pending_totp_secret_enc, failed_codes
         FROM login_challenge WHERE token_hash = $1 AND expires_at > $2 FOR UPDATE`,
      [hashOpaqueToken(token), this.clock.now()],
    )) as {
      token_hash: Buffer;
      user_id: string;
      mfa_verified: boolean;
      pending_totp_secret_enc: string | null;
      failed_codes: number;
    }[];
    const r = rows[0];
    return r
      ? {
          tokenHash: r.token_hash,
          userId: r.user_id,
          mfaVerified: r.mfa_verified,
          pendingTotpSecretEnc: r.pending_totp_secret_enc,
          failedCodes: r.failed_codes,
        }
      : null;
  }

  async markMfaVerified(manager: EntityManager, c: LoginChallenge): Promise<void> {
    await manager.query('UPDATE login_challenge SET mfa_verified = true, failed_codes = 0 WHERE token_hash = $1', [
      c.tokenHash,
    ]);
  }

  async setPendingSecret(manager: EntityManager, c: LoginChallenge, sealed: string): Promise<void> {
    await manager.query('UPDATE login_challenge SET pending_totp_secret_enc = $2 WHERE token_hash = $1', [
      c.tokenHash,
      sealed,
    ]);
  }

  /** Counts a wrong code; the challenge is dropped once it has had too many. */
  async recordFailedCode(manager: EntityManager, c: LoginChallenge): Promise<void> {
    if (c.failedCodes + 1 >= CHALLENGE_MAX_FAILED_CODES) await this.remove(manager, c);
    else
      await manager.query('UPDATE login_challenge SET failed_codes = failed_codes + 1 WHERE token_hash = $1', [
        c.tokenHash,
      ]);
  }

  async remove(manager: EntityManager, c: LoginChallenge): Promise<void> {
    await manager.query('DELETE FROM login_challenge WHERE token_hash = $1', [c.tokenHash]);
  }
}
