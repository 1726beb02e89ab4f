import type { SessionUser } from '@chartdesk/contracts';
import { ROLE_PERMISSIONS } from '@chartdesk/contracts';
import { AuditService } from '@chartdesk/api-audit';
import { type Actor, DomainError, type RequestMeta } from '@chartdesk/api-platform';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IDENTITY_KEYS, type IdentityKeys } from '../keys/identity-keys';
import { type IssuedSession, SessionIssuer } from '../login/session-issuer';
import { LoginThrottleService } from '../login/login-throttle.service';
import { usernameKey } from '../login/throttle-policy';
import { MfaService } from '../mfa/mfa.service';
import { PasswordHasher } from '../passwords/password-hasher';
import { PasswordService } from '../passwords/password.service';
import { SessionService } from '../sessions/session.service';
import { UsersRepository } from '../users/users.repository';
import { hashOpaqueToken } from '../tokens/opaque-token';
import { csrfTokenFor, safeEqual } from './auth-cookies';
import { StepUpService } from '../step-up/step-up.service';

const SESSION_ENDED = 'Your session has ended. Sign in again.';

/** What a signed-in user does with their own session and credentials. */
@Injectable()
export class AccountService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly issuer: SessionIssuer,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly passwords: PasswordService,
    private readonly mfa: MfaService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    private readonly stepUp: StepUpService,
    @Inject(IDENTITY_KEYS) private readonly keys: IdentityKeys,
  ) {}

  csrfToken(sessionId: string): string {
    return csrfTokenFor(this.keys.hmacKey, sessionId);
  }

  /**
   * Rotates the refresh token. Presenting an already-rotated token revokes the
   * whole session (its family) and is audited; the error is committed first.
   */
  async refresh(refreshToken: string, csrfHeader: string, meta: RequestMeta): Promise<IssuedSession> {
    const result = await this.dataSource.transaction(async (m): Promise<{ issued?: IssuedSession; error?: string }> => {
      const outcome = await this.sessions.rotate(m, refreshToken);
      switch (outcome.kind) {
        case 'unknown':
          return { error: SESSION_ENDED };
        case 'reused':
          await this.audit.record(m, {
            action: 'REFRESH_REUSE_DETECTED',
            outcome: 'denied',
            outcomeReason: 'rotated refresh token presented again; session revoked',
            actor: { userId: outcome.userId, role: outcome.role, sessionId: outcome.sessionId },
            meta,
            resourceType: 'session',
            resourceId: outcome.sessionId,
          });
          return { error: SESSION_ENDED };
        case 'ended':
          return { error: SESSION_ENDED };
        case 'rotated': {
          if (!safeEqual(csrfHeader, this.csrfToken(outcome.sessionId))) {
            // Roll back the rotation: the caller did not prove it is our page.
            throw new DomainError('FORBIDDEN', 'The request is missing its anti-forgery token. Reload the page.');
          }
          const user = await this.users.findById(outcome.userId, m);
          if (!user) return { error: SESSION_ENDED };
          return {
            issued: {
              sessionId: outcome.sessionId,
              refreshToken: outcome.refreshToken,
              body: this.issuer.body(user, outcome.sessionId, outcome.absoluteExpiresAt),
            },
          };
        }
      }
    });
    if (!result.issued) throw new DomainError('UNAUTHENTICATED', result.error ?? SESSION_ENDED);
    return result.issued;
  }

  /** Ends the session the refresh cookie belongs to. Idempotent: an unknown cookie is simply cleared. */
  async logoutByRefreshToken(refreshToken: string | undefined, csrfHeader: string, meta: RequestMeta): Promise<void> {
    if (!refreshToken) return;
    await this.dataSource.transaction(async (m) => {
      const rows = (await m.query(
        `SELECT s.id, s.user_id, u.role FROM refresh_token rt JOIN user_session s ON s.id = rt.session_id
           JOIN app_user u ON u.id = s.user_id WHERE rt.token_hash = $1`,
        [hashOpaqueToken(refreshToken)],
      )) as { id: string; user_id: string; role: string }[];
      const row = rows[0];
      // No such session: it is over already, so clearing the cookies is the whole logout.
      if (!row) return;
      // A live session with the wrong anti-forgery token is refused, not half-done: answering
      // "signed out" while the session lives on would mislead someone leaving a shared computer,
      // and ending it would let a forger sign people out.
      if (!safeEqual(csrfHeader, this.csrfToken(row.id))) {
        throw new DomainError('FORBIDDEN', 'The request is missing its anti-forgery token. Reload the page.');
      }
      if (await this.sessions.revoke(m, row.id, 'logout')) {
        await this.audit.record(m, {
          action: 'LOGOUT',
          outcome: 'success',
          actor: { userId: row.user_id, role: row.role, sessionId: row.id },
          meta,
          resourceType: 'session',
          resourceId: row.id,
        });
      }
    });
  }

  async me(actor: Actor): Promise<SessionUser> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw new DomainError('UNAUTHENTICATED', SESSION_ENDED);
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      teamId: user.teamId,
      permissions: ROLE_PERMISSIONS[user.role],
    };
  }

  /** Re-authenticated with the current password; other sessions end, this one stays. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string, meta: RequestMeta): Promise<void> {
    await this.reauthenticate(actor, currentPassword, meta);
    await this.dataSource.transaction(async (m) => {
      const user = await this.users.findById(actor.userId, m, true);
      if (!user) throw new DomainError('UNAUTHENTICATED', SESSION_ENDED);
      await this.passwords.replace(m, user, newPassword, { reason: 'self-service', meta, actor });
    });
  }

  /**
   * Drops the user's own authenticator after password and current code; every
   * session ends, and the next sign-in enrols a new one.
   */
  async resetOwnMfa(actor: Actor, currentPassword: string, code: string, meta: RequestMeta): Promise<void> {
    await this.reauthenticate(actor, currentPassword, meta);
    await this.stepUp.verify(actor, meta, code, 'MFA_RESET');
    await this.dataSource.transaction(async (m) => {
      const user = await this.users.findById(actor.userId, m, true);
      if (!user) throw new DomainError('UNAUTHENTICATED', SESSION_ENDED);
      await this.mfa.reset(m, user.id);
      const revoked = await this.sessions.revokeAllForUser(m, user.id, 'mfa-reset');
      await this.audit.record(m, {
        action: 'MFA_RESET',
        outcome: 'success',
        outcomeReason: 'self-service',
        actor,
        meta,
        resourceType: 'user',
        resourceId: user.id,
        details: { sessionsRevoked: revoked.length },
      });
    });
  }

  /** Password re-check for sensitive changes; failures count toward the account's lock like sign-in failures. */
  async reauthenticate(actor: Actor, password: string, meta: RequestMeta): Promise<void> {
    const user = await this.users.findById(actor.userId);
    const key = usernameKey(user?.username ?? actor.username);
    if ((await this.throttle.waitSeconds(this.dataSource.manager, key)) > 0) {
      throw new DomainError('RATE_LIMITED', 'Too many failed attempts. Wait a while and try again.');
    }
    if (user && (await this.hasher.verify(user.passwordHash, password))) return;
    await this.dataSource.transaction(async (m) => {
      const { failures } = await this.throttle.recordFailure(m, key);
      await this.audit.record(m, {
        action: 'LOGIN_FAILED',
        outcome: 'denied',
        outcomeReason: 'reauthentication',
        actor,
        meta,
        details: { failures },
      });
    });
    throw new DomainError('FORBIDDEN', 'The current password is not correct.');
  }
}
