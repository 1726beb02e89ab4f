import { type LoginComplete, ROLE_PERMISSIONS } from '@chartdesk/contracts';
import type { RequestMeta } from '@chartdesk/api-platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SessionService } from '../sessions/session.service';
import { AccessTokenService } from '../tokens/access-token.service';
import type { UserRecord } from '../users/user-record';

/** What the controller needs to answer a completed sign-in or refresh: the body and the cookie values. */
export interface IssuedSession {
  readonly body: LoginComplete;
  readonly sessionId: string;
  readonly refreshToken: string;
}

@Injectable()
export class SessionIssuer {
  constructor(
    private readonly sessions: SessionService,
    private readonly accessTokens: AccessTokenService,
  ) {}

  async start(manager: EntityManager, user: UserRecord, meta: RequestMeta): Promise<IssuedSession> {
    const s = await this.sessions.create(manager, user.id, meta);
    return {
      sessionId: s.sessionId,
      refreshToken: s.refreshToken,
      body: this.body(user, s.sessionId, s.absoluteExpiresAt),
    };
  }

  body(user: UserRecord, sessionId: string, absoluteExpiresAt: Date): LoginComplete {
    return {
      stage: 'DONE',
      accessToken: this.accessTokens.issue(user.id, user.role, sessionId),
      expiresInSeconds: this.accessTokens.ttlSeconds,
      user: {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        teamId: user.teamId,
        permissions: ROLE_PERMISSIONS[user.role],
      },
      session: { idleSeconds: this.sessions.idleSeconds, absoluteExpiresAt: absoluteExpiresAt.toISOString() },
    };
  }
}
