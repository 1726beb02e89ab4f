import { AuditService } from '@chartdesk/api-audit';
import { type Actor, DomainError, type RequestMeta } from '@chartdesk/api-platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../clock';
import { secondsUntilAllowed } from '../login/throttle-policy';
import { MfaService } from '../mfa/mfa.service';
import { SessionService } from '../sessions/session.service';
import { UsersRepository } from '../users/users.repository';
import { type StepUpPurpose, shouldRevokeSession, stepUpStateAfter } from './step-up-policy';

const BAD_CODE = 'The authenticator code is not valid. Enter a fresh code.';
const TOO_MANY = 'Too many wrong codes. Wait a while before trying again.';
const SESSION_ENDED = 'Too many wrong codes: this session has ended. Sign in again.';

type Verdict = { ok: true } | { ok: false; error: DomainError };

/** What the step-up was for (audited with each refusal); the user themself when omitted. */
export interface StepUpTarget {
  readonly resourceType: string;
  readonly resourceId: string;
}

/**
 * Step-up verification (a fresh TOTP code inside a live session) with its own
 * throttle: checked before the code is, counted per user and per session,
 * every refusal audited, the session ended after repeated refusals. Runs and
 * commits in its own transaction so a refusal's count survives the caller's
 * error; a right code while throttled is refused like a wrong one.
 */
@Injectable()
export class StepUpService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mfa: MfaService,
    private readonly users: UsersRepository,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Resolves when `code` is a fresh TOTP code of the actor; throws 403, 429 or 401 otherwise. */
  async verify(
    actor: Actor,
    meta: RequestMeta,
    code: string,
    purpose: StepUpPurpose,
    target: StepUpTarget = { resourceType: 'user', resourceId: actor.userId },
  ): Promise<void> {
    const verdict = await this.dataSource.transaction(async (m): Promise<Verdict> => {
      const keys = keysOf(actor);
      const wait = Math.max(await this.waitSeconds(m, keys[0]), await this.waitSeconds(m, keys[1]));
      if (wait > 0) return this.refuse(m, { actor, meta, purpose, target }, 'STEP_UP_THROTTLED', wait);
      const user = await this.users.findById(actor.userId, m, true);
      const accepted = user ? await this.mfa.acceptCode(m, user, code) : null;
      // A recovery code may reset a lost authenticator, but never opens a chart.
      if (accepted === 'totp' || (accepted === 'recovery' && purpose === 'MFA_RESET')) {
        await m.query('DELETE FROM step_up_throttle WHERE throttle_key = ANY($1)', [keys]);
        return { ok: true };
      }
      return this.refuse(m, { actor, meta, purpose, target }, 'STEP_UP_BAD_CODE', 0);
    });
    if (!verdict.ok) throw verdict.error;
  }

  private async refuse(
    m: EntityManager,
    { actor, meta, purpose, target }: { actor: Actor; meta: RequestMeta; purpose: StepUpPurpose; target: StepUpTarget },
    reason: 'STEP_UP_BAD_CODE' | 'STEP_UP_THROTTLED',
    retryAfterSeconds: number,
  ): Promise<Verdict> {
    const [userKey, sessionKey] = keysOf(actor);
    const userFailures = await this.recordFailure(m, userKey);
    const sessionFailures = await this.recordFailure(m, sessionKey);
    const revoke = shouldRevokeSession(sessionFailures);
    if (revoke) await this.sessions.revoke(m, actor.sessionId, 'step-up-failures');
    await this.audit.record(m, {
      action: 'MFA_FAILED',
      outcome: 'denied',
      outcomeReason: reason,
      actor,
      meta,
      ...target,
      details: { purpose, userFailures, sessionFailures, sessionRevoked: revoke, retryAfterSeconds },
    });
    if (revoke) {
      await this.audit.record(m, {
        action: 'SESSION_REVOKED',
        outcome: 'success',
        outcomeReason: 'step-up-failures',
        actor,
        meta,
        resourceType: 'session',
        resourceId: actor.sessionId,
      });
      return { ok: false, error: new DomainError('UNAUTHENTICATED', SESSION_ENDED) };
    }
    if (reason === 'STEP_UP_THROTTLED') {
      return { ok: false, error: new DomainError('RATE_LIMITED', TOO_MANY, { retryAfterSeconds }) };
    }
    return { ok: false, error: new DomainError('FORBIDDEN', BAD_CODE) };
  }

  private async waitSeconds(m: EntityManager, key: string): Promise<number> {
    const rows = (await m.query('SELECT not_before, locked_until FROM step_up_throttle WHERE throttle_key = $1', [
      key,
    ])) as { not_before: Date | null; locked_until: Date | null }[];
    const row = rows[0];
    return row
      ? secondsUntilAllowed({ notBefore: row.not_before, lockedUntil: row.locked_until }, this.clock.now())
      : 0;
  }

  private async recordFailure(m: EntityManager, key: string): Promise<number> {
    const now = this.clock.now();
    const rows = (await m.query(
      `INSERT INTO step_up_throttle (throttle_key, consecutive_failures, updated_at) VALUES ($1, 1, $2)
       ON CONFLICT (throttle_key) DO UPDATE
         SET consecutive_failures = step_up_throttle.consecutive_failures + 1, updated_at = $2
       RETURNING consecutive_failures`,
      [key, now],
    )) as { consecutive_failures: number }[];
    const failures = rows[0]?.consecutive_failures ?? 1;
    const state = stepUpStateAfter(failures, now);
    // Never shorten a lock already in force (a throttled attempt must not end it early).
    await m.query(
      `UPDATE step_up_throttle
          SET not_before = GREATEST(not_before, $2), locked_until = GREATEST(locked_until, $3)
        WHERE throttle_key = $1`,
      [key, state.notBefore, state.lockedUntil],
    );
    return failures;
  }
}

function keysOf(actor: Actor): [userKey: string, sessionKey: string] {
  return [`user:${actor.userId}`, `session:${actor.sessionId}`];
}
