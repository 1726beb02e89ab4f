import { AuditService } from '@chartdesk/api-audit';
import type { Actor, RequestMeta } from '@chartdesk/api-platform';
import { BadRequestException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock';
import { SessionService } from '../sessions/session.service';
import type { UserRecord } from '../users/user-record';
import { PasswordHasher } from './password-hasher';
import { passwordProblem } from './password-policy';

/** Why a new password is refused, as a 400 with a field error the form can show. */
export function assertAcceptablePassword(
  password: string,
  context: { username: string; displayName: string },
  field = 'newPassword',
): void {
  const problem = passwordProblem(password, context);
  // Same shape as the ValidationPipe's answer: top-level fieldErrors the form can show.
  if (problem) throw new BadRequestException({ message: problem, fieldErrors: { [field]: [problem] } });
}

@Injectable()
export class PasswordService {
  constructor(
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Sets a user's own new password: policy check, argon2id, and every other
   * session revoked (a stolen session does not survive the change).
   */
  async replace(
    m: EntityManager,
    user: UserRecord,
    newPassword: string,
    opts: { reason: string; meta: RequestMeta; actor?: Actor },
  ): Promise<void> {
    assertAcceptablePassword(newPassword, user);
    if (await this.hasher.verify(user.passwordHash, newPassword)) {
      const message = 'Choose a password different from the current one.';
      throw new BadRequestException({ message, fieldErrors: { newPassword: [message] } });
    }
    const now = this.clock.now();
    await m.query(
      `UPDATE app_user SET password_hash = $2, must_change_password = false, password_changed_at = $3, updated_at = $3
        WHERE id = $1`,
      [user.id, await this.hasher.hash(newPassword), now],
    );
    const revoked = await this.sessions.revokeAllForUser(m, user.id, 'password-changed', opts.actor?.sessionId);
    await this.audit.record(m, {
      action: 'PASSWORD_CHANGED',
      outcome: 'success',
      outcomeReason: opts.reason,
      actor: opts.actor ?? { userId: user.id, role: user.role, sessionId: null },
      meta: opts.meta,
      resourceType: 'user',
      resourceId: user.id,
      details: { otherSessionsRevoked: revoked.length },
    });
  }
}
