import { AuditService } from '@chartdesk/api-audit';
import type { RequestMeta } from '@chartdesk/api-platform';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock';
import { IDENTITY_KEYS, type IdentityKeys } from '../keys/identity-keys';
import type { UserRecord } from '../users/user-record';
import { RECOVERY_CODE_COUNT, hashRecoveryCode, newRecoveryCode, normalizeRecoveryCode } from './recovery-codes';
import { openSecret, sealSecret } from './secret-box';
import { matchTotp } from './totp';

/** TOTP and recovery codes for one user, always inside the caller's transaction. */
@Injectable()
export class MfaService {
  constructor(
    private readonly clock: Clock,
    private readonly audit: AuditService,
    @Inject(IDENTITY_KEYS) private readonly keys: IdentityKeys,
  ) {}

  /** Accepts a fresh TOTP code or an unused recovery code, consuming it; returns which, or null. */
  async acceptCode(m: EntityManager, user: UserRecord, code: string): Promise<'totp' | 'recovery' | null> {
    const trimmed = code.replace(/\s/g, '');
    if (/^\d{6}$/.test(trimmed)) return (await this.acceptTotp(m, user, trimmed)) ? 'totp' : null;
    const normalized = normalizeRecoveryCode(code);
    if (!normalized) return null;
    const rows = (await m.query(
      `UPDATE mfa_recovery_code SET used_at = $3
        WHERE code_hash = $1 AND user_id = $2 AND used_at IS NULL RETURNING user_id`,
      [hashRecoveryCode(this.keys.hmacKey, normalized), user.id, this.clock.now()],
    )) as unknown;
    return updatedCount(rows) > 0 ? 'recovery' : null;
  }

  /** The step is claimed with a conditional UPDATE, so two requests cannot both use one code. */
  private async acceptTotp(m: EntityManager, user: UserRecord, code: string): Promise<boolean> {
    if (!user.totpSecretEnc) return false;
    const secret = openSecret(this.keys.mfaEncryptionKey, user.totpSecretEnc, user.id);
    const step = await matchTotp(secret, code, Math.floor(this.clock.nowMs() / 1000), user.totpLastStep);
    if (step === null) return false;
    const rows = (await m.query(
      'UPDATE app_user SET totp_last_step = $2 WHERE id = $1 AND totp_last_step < $2 RETURNING id',
      [user.id, step],
    )) as unknown;
    return updatedCount(rows) > 0;
  }

  /** Stores the secret once a code proves the authenticator has it; returns the new recovery codes. */
  async enrol(
    m: EntityManager,
    user: UserRecord,
    secret: string,
    code: string,
    meta: RequestMeta | undefined,
  ): Promise<string[] | null> {
    const step = await matchTotp(secret, code.replace(/\s/g, ''), Math.floor(this.clock.nowMs() / 1000), 0);
    if (step === null) return null;
    await m.query(
      `UPDATE app_user SET totp_secret_enc = $2, totp_last_step = $3, mfa_enrolled_at = $4, updated_at = $4 WHERE id = $1`,
      [user.id, sealSecret(this.keys.mfaEncryptionKey, secret, user.id), step, this.clock.now()],
    );
    const codes = await this.replaceRecoveryCodes(m, user.id);
    await this.audit.record(m, {
      action: 'MFA_ENROLLED',
      outcome: 'success',
      actor: { userId: user.id, role: user.role, sessionId: null },
      meta,
      resourceType: 'user',
      resourceId: user.id,
      details: { recoveryCodes: codes.length },
    });
    return codes;
  }

  async replaceRecoveryCodes(m: EntityManager, userId: string): Promise<string[]> {
    await m.query('DELETE FROM mfa_recovery_code WHERE user_id = $1', [userId]);
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    for (const c of codes) {
      await m.query('INSERT INTO mfa_recovery_code (code_hash, user_id) VALUES ($1, $2)', [
        hashRecoveryCode(this.keys.hmacKey, c.replace(/-/g, '')),
        userId,
      ]);
    }
    return codes;
  }

  /** Forgets the authenticator and recovery codes; the next sign-in enrols again. */
  async reset(m: EntityManager, userId: string): Promise<void> {
    await m.query(
      `UPDATE app_user SET totp_secret_enc = NULL, totp_last_step = 0, mfa_enrolled_at = NULL, updated_at = $2 WHERE id = $1`,
      [userId, this.clock.now()],
    );
    await m.query('DELETE FROM mfa_recovery_code WHERE user_id = $1', [userId]);
    await m.query('DELETE FROM login_challenge WHERE user_id = $1', [userId]);
  }

  /** Fixed secret for seeded demo users and test helpers only. */
  async setSecretDirectly(m: EntityManager, userId: string, secret: string): Promise<void> {
    await m.query('UPDATE app_user SET totp_secret_enc = $2, mfa_enrolled_at = $3 WHERE id = $1', [
      userId,
      sealSecret(this.keys.mfaEncryptionKey, secret, userId),
      this.clock.now(),
    ]);
  }
}

/** UPDATE … RETURNING through TypeORM's pg driver answers [rows, count]. */
export function updatedCount(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0].length;
  }
  return Array.isArray(result) ? result.length : 0;
}
