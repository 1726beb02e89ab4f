import type { LoginPending, MfaEnrolment } from '@chartdesk/contracts';
import { AuditService } from '@chartdesk/api-audit';
import { DomainError, type RequestMeta } from '@chartdesk/api-platform';
import { Inject, Injectable } from '@nestjs/common';
import { toDataURL } from 'qrcode';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../clock';
import { IDENTITY_KEYS, type IdentityKeys } from '../keys/identity-keys';
import { MfaService } from '../mfa/mfa.service';
import { newTotpSecret, totpUri } from '../mfa/totp';
import { openSecret, sealSecret } from '../mfa/secret-box';
import { PasswordHasher } from '../passwords/password-hasher';
import { PasswordService } from '../passwords/password.service';
import type { UserRecord } from '../users/user-record';
import { UsersRepository } from '../users/users.repository';
import { CHALLENGE_TTL_SECONDS, type LoginChallenge, LoginChallengeService } from './login-challenge.service';
import { nextLoginStage } from './login-stage';
import { LoginThrottleService } from './login-throttle.service';
import { type IssuedSession, SessionIssuer } from './session-issuer';
import { usernameKey } from './throttle-policy';

/** The same words for a wrong password, an unknown or a disabled user: no username oracle. */
const BAD_CREDENTIALS = 'The username or password is incorrect.';
const TOO_MANY = 'Too many failed sign-in attempts. Wait a while and try again.';
const CHALLENGE_GONE = 'This sign-in has expired. Start again with your username and password.';

export type StepResult = { readonly pending: LoginPending } | { readonly done: IssuedSession };

/**
 * The sign-in flow: password → (TOTP) → (new password) → (enrolment) → session.
 * Each step runs in one transaction with its audit event; failures are
 * committed (counter, audit) before the error answer is sent.
 */
@Injectable()
export class SignInService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly passwords: PasswordService,
    private readonly throttle: LoginThrottleService,
    private readonly challenges: LoginChallengeService,
    private readonly mfa: MfaService,
    private readonly issuer: SessionIssuer,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(IDENTITY_KEYS) private readonly keys: IdentityKeys,
  ) {}

  async passwordStep(username: string, password: string, meta: RequestMeta): Promise<StepResult> {
    const key = usernameKey(username);
    const wait = await this.throttle.waitSeconds(this.dataSource.manager, key);
    if (wait > 0) {
      const user = await this.users.findByUsername(username);
      await this.audit.recordStandalone({
        action: 'LOGIN_FAILED',
        outcome: 'denied',
        outcomeReason: 'throttled',
        actor: user ? { userId: user.id, role: user.role, sessionId: null } : null,
        meta,
        details: { retryAfterSeconds: wait },
      });
      throw new DomainError('RATE_LIMITED', TOO_MANY, { retryAfterSeconds: wait });
    }
    const user = await this.users.findByUsername(username);
    const ok = user ? await this.hasher.verify(user.passwordHash, password) : await this.hasher.verifyNothing(password);
    if (!user || !ok || user.status !== 'ACTIVE') {
      const reason = !user ? 'unknown-user' : !ok ? 'bad-password' : 'disabled';
      await this.failure(key, user, reason, meta, 'LOGIN_FAILED');
      throw new DomainError('UNAUTHENTICATED', BAD_CREDENTIALS);
    }
    if (this.hasher.needsRehash(user.passwordHash)) {
      await this.dataSource.query('UPDATE app_user SET password_hash = $2 WHERE id = $1', [
        user.id,
        await this.hasher.hash(password),
      ]);
    }
    return this.dataSource.transaction(async (m) => this.advance(m, user, await this.newChallenge(m, user), meta));
  }

  /** A TOTP code or a recovery code, for a user who has enrolled. */
  async verifyMfa(challengeToken: string, code: string, meta: RequestMeta): Promise<StepResult> {
    const failed = await this.dataSource.transaction(
      async (m): Promise<{ result?: StepResult; failedUser?: UserRecord }> => {
        const { challenge, user } = await this.openChallenge(m, challengeToken);
        if (nextLoginStage(this.flags(user), challenge) !== 'MFA_VERIFY') throw this.wrongStep();
        const method = await this.mfa.acceptCode(m, user, code);
        if (method) {
          await this.challenges.markMfaVerified(m, challenge);
          return { result: await this.advance(m, user, { ...challenge, mfaVerified: true }, meta, method) };
        }
        await this.challenges.recordFailedCode(m, challenge);
        return { failedUser: user };
      },
    );
    if (failed.result) return failed.result;
    const user = failed.failedUser;
    if (!user) throw this.wrongStep();
    await this.failure(usernameKey(user.username), user, 'bad-code', meta, 'MFA_FAILED');
    throw new DomainError('UNAUTHENTICATED', 'That code is not valid. Codes work once; wait for the next one.');
  }

  async initialPassword(challengeToken: string, newPassword: string, meta: RequestMeta): Promise<StepResult> {
    return this.dataSource.transaction(async (m) => {
      const { challenge, user } = await this.openChallenge(m, challengeToken);
      if (nextLoginStage(this.flags(user), challenge) !== 'PASSWORD_CHANGE') throw this.wrongStep();
      await this.passwords.replace(m, user, newPassword, { reason: 'first-sign-in', meta });
      const updated = { ...user, mustChangePassword: false };
      return this.advance(m, updated, challenge, meta);
    });
  }

  async startEnrolment(challengeToken: string): Promise<MfaEnrolment> {
    return this.dataSource.transaction(async (m) => {
      const { challenge, user } = await this.openChallenge(m, challengeToken);
      if (nextLoginStage(this.flags(user), challenge) !== 'MFA_ENROL') throw this.wrongStep();
      const secret = newTotpSecret();
      await this.challenges.setPendingSecret(m, challenge, sealSecret(this.keys.mfaEncryptionKey, secret, user.id));
      const uri = totpUri(secret, user.username);
      return {
        qrDataUrl: await toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 220 }),
        manualKey: secret,
      };
    });
  }

  async confirmEnrolment(challengeToken: string, code: string, meta: RequestMeta): Promise<StepResult> {
    const outcome = await this.dataSource.transaction(async (m) => {
      const { challenge, user } = await this.openChallenge(m, challengeToken);
      if (nextLoginStage(this.flags(user), challenge) !== 'MFA_ENROL' || !challenge.pendingTotpSecretEnc) {
        throw this.wrongStep();
      }
      const secret = openSecret(this.keys.mfaEncryptionKey, challenge.pendingTotpSecretEnc, user.id);
      const recoveryCodes = await this.mfa.enrol(m, user, secret, code, meta);
      if (!recoveryCodes) {
        await this.challenges.recordFailedCode(m, challenge);
        return { failed: true as const };
      }
      const enrolled = { ...user, mfaEnrolledAt: this.clock.now() };
      const result = await this.advance(m, enrolled, { ...challenge, mfaVerified: true }, meta, 'totp-enrolment');
      if (!('done' in result)) return { result };
      return { result: { done: { ...result.done, body: { ...result.done.body, recoveryCodes } } } };
    });
    if ('failed' in outcome) {
      throw new DomainError(
        'VALIDATION',
        'That code does not match. Check the time on your device and try the next code.',
      );
    }
    return outcome.result;
  }

  private async advance(
    m: EntityManager,
    user: UserRecord,
    challenge: LoginChallenge,
    meta: RequestMeta,
    mfaMethod?: string,
  ): Promise<StepResult> {
    const stage = nextLoginStage(this.flags(user), challenge);
    if (stage !== 'DONE') {
      return {
        pending: {
          stage,
          challengeToken: await this.refreshChallenge(m, user, challenge),
          expiresInSeconds: CHALLENGE_TTL_SECONDS,
        },
      };
    }
    await this.challenges.remove(m, challenge);
    await this.throttle.clear(m, usernameKey(user.username));
    const issued = await this.issuer.start(m, user, meta);
    await this.audit.record(m, {
      action: 'LOGIN_SUCCEEDED',
      outcome: 'success',
      actor: { userId: user.id, role: user.role, sessionId: issued.sessionId },
      meta,
      resourceType: 'user',
      resourceId: user.id,
      details: { mfa: mfaMethod ?? 'totp' },
    });
    return { done: issued };
  }

  /** A fresh challenge token per step, so a token seen once is useless for the next step. */
  private async refreshChallenge(m: EntityManager, user: UserRecord, c: LoginChallenge): Promise<string> {
    const token = await this.challenges.create(m, user.id, c.mfaVerified);
    if (c.pendingTotpSecretEnc) {
      const fresh = await this.challenges.load(m, token);
      if (fresh) await this.challenges.setPendingSecret(m, fresh, c.pendingTotpSecretEnc);
    }
    return token;
  }

  private async newChallenge(m: EntityManager, user: UserRecord): Promise<LoginChallenge> {
    const token = await this.challenges.create(m, user.id, false);
    const c = await this.challenges.load(m, token);
    if (!c) throw new Error('challenge vanished');
    return c;
  }

  private async openChallenge(
    m: EntityManager,
    token: string,
  ): Promise<{ challenge: LoginChallenge; user: UserRecord }> {
    const challenge = await this.challenges.load(m, token);
    const user = challenge ? await this.users.findById(challenge.userId, m, true) : null;
    if (!challenge || !user || user.status !== 'ACTIVE') throw new DomainError('UNAUTHENTICATED', CHALLENGE_GONE);
    return { challenge, user };
  }

  private flags(user: UserRecord): { mfaEnrolled: boolean; mustChangePassword: boolean } {
    return { mfaEnrolled: user.mfaEnrolledAt !== null, mustChangePassword: user.mustChangePassword };
  }

  private wrongStep(): DomainError {
    return new DomainError('UNAUTHENTICATED', CHALLENGE_GONE);
  }

  /** Counts the failure and audits it (and a lock) in a committed transaction of its own. */
  private async failure(
    key: string,
    user: UserRecord | null,
    reason: string,
    meta: RequestMeta,
    action: 'LOGIN_FAILED' | 'MFA_FAILED',
  ): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const { failures, justLocked } = await this.throttle.recordFailure(m, key);
      const actor = user ? { userId: user.id, role: user.role, sessionId: null } : null;
      await this.audit.record(m, {
        action,
        outcome: 'denied',
        outcomeReason: reason,
        actor,
        meta,
        details: { failures },
      });
      if (justLocked) {
        await this.audit.record(m, {
          action: 'LOGIN_LOCKED',
          outcome: 'denied',
          outcomeReason: `${failures} consecutive failures`,
          actor,
          meta,
        });
      }
    });
  }
}
