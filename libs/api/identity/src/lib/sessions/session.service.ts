import { type Role, type SensitivityLabel } from '@chartdesk/contracts';
import { APP_CONFIG, type Actor, type AppConfig, type RequestMeta } from '@chartdesk/api-platform';
import { AuditService } from '@chartdesk/api-audit';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../clock';
import { hashOpaqueToken, newOpaqueToken } from '../tokens/opaque-token';
import { LAST_SEEN_RESOLUTION_MS, type SessionEnd, sessionEnd } from './session-limits';

interface SessionActorRow {
  session_id: string;
  user_id: string;
  last_seen_at: Date;
  absolute_expires_at: Date;
  revoked_at: Date | null;
  username: string;
  role: Role;
  status: string;
  team_id: string | null;
  clearances: SensitivityLabel[];
}

export interface NewSession {
  readonly sessionId: string;
  readonly refreshToken: string;
  readonly absoluteExpiresAt: Date;
}

export type RefreshOutcome =
  | {
      readonly kind: 'rotated';
      readonly sessionId: string;
      readonly userId: string;
      readonly refreshToken: string;
      readonly absoluteExpiresAt: Date;
    }
  | { readonly kind: 'reused'; readonly sessionId: string; readonly userId: string; readonly role: Role }
  | { readonly kind: 'ended'; readonly sessionId: string; readonly userId: string; readonly reason: string }
  | { readonly kind: 'unknown' };

/**
 * Server-side sessions. The access token only names a session; every request
 * re-reads it with its user, so logout, disabling, a role change or an idle
 * timeout take effect on the very next request, on every API instance.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  get idleSeconds(): number {
    return this.config.sessionIdleSeconds;
  }

  /** The per-request check behind the JWT strategy: one indexed read, a write at most every 15 s. */
  async resolveActor(userId: string, sessionId: string, role: Role): Promise<Actor | null> {
    const rows = (await this.dataSource.query(
      `SELECT s.id AS session_id, s.user_id, s.last_seen_at, s.absolute_expires_at, s.revoked_at,
              u.username, u.role, u.status, u.team_id, u.clearances
         FROM user_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.id = $1`,
      [sessionId],
    )) as SessionActorRow[];
    const row = rows[0];
    if (!row || row.user_id !== userId) return null;
    const now = this.clock.nowMs();
    const end = sessionEnd(
      { lastSeenAt: row.last_seen_at, absoluteExpiresAt: row.absolute_expires_at, revokedAt: row.revoked_at },
      now,
      this.config.sessionIdleSeconds,
    );
    if (end !== null) {
      if (end !== 'revoked') await this.expire(row.user_id, row.role, sessionId, end);
      return null;
    }
    if (row.status !== 'ACTIVE' || row.role !== role) return null;
    if (now - row.last_seen_at.getTime() >= LAST_SEEN_RESOLUTION_MS) {
      await this.dataSource.query(
        'UPDATE user_session SET last_seen_at = $2 WHERE id = $1 AND revoked_at IS NULL AND last_seen_at < $2',
        [sessionId, new Date(now)],
      );
    }
    return {
      userId: row.user_id,
      username: row.username,
      role: row.role,
      sessionId: row.session_id,
      teamId: row.team_id,
      clearances: row.clearances,
    };
  }

  async create(manager: EntityManager, userId: string, meta: RequestMeta): Promise<NewSession> {
    const now = this.clock.now();
    const absoluteExpiresAt = new Date(now.getTime() + this.config.sessionAbsoluteSeconds * 1000);
    const rows = (await manager.query(
      `INSERT INTO user_session (user_id, created_at, last_seen_at, absolute_expires_at, ip, user_agent)
       VALUES ($1, $2, $2, $3, $4, $5) RETURNING id`,
      [userId, now, absoluteExpiresAt, meta.ip, meta.userAgent],
    )) as { id: string }[];
    const sessionId = rows[0]?.id;
    if (!sessionId) throw new Error('session insert returned no id');
    const refreshToken = await this.addRefreshToken(manager, sessionId, now);
    return { sessionId, refreshToken, absoluteExpiresAt };
  }

  /**
   * Rotates a refresh token inside the caller's transaction. A token that was
   * already rotated means a copy is in someone else's hands: the whole family
   * (the session) is revoked.
   */
  async rotate(manager: EntityManager, refreshToken: string): Promise<RefreshOutcome> {
    const rows = (await manager.query(
      `SELECT rt.session_id, rt.rotated_at, s.user_id, s.last_seen_at, s.absolute_expires_at, s.revoked_at,
              u.status, u.role
         FROM refresh_token rt
         JOIN user_session s ON s.id = rt.session_id
         JOIN app_user u ON u.id = s.user_id
        WHERE rt.token_hash = $1
          FOR UPDATE OF rt, s`,
      [hashOpaqueToken(refreshToken)],
    )) as {
      session_id: string;
      rotated_at: Date | null;
      user_id: string;
      last_seen_at: Date;
      absolute_expires_at: Date;
      revoked_at: Date | null;
      status: string;
      role: Role;
    }[];
    const row = rows[0];
    if (!row) return { kind: 'unknown' };
    const ids = { sessionId: row.session_id, userId: row.user_id };
    if (row.rotated_at) {
      await this.revoke(manager, row.session_id, 'refresh-reuse');
      return { kind: 'reused', ...ids, role: row.role };
    }
    const now = this.clock.nowMs();
    const end: SessionEnd | 'disabled' =
      sessionEnd(
        { lastSeenAt: row.last_seen_at, absoluteExpiresAt: row.absolute_expires_at, revokedAt: row.revoked_at },
        now,
        this.config.sessionIdleSeconds,
      ) ?? (row.status !== 'ACTIVE' ? 'disabled' : null);
    if (end !== null) {
      if (end !== 'revoked' && (await this.revoke(manager, row.session_id, end))) {
        await this.audit.record(manager, this.expiryEvent(row.user_id, row.role, row.session_id, end));
      }
      return { kind: 'ended', ...ids, reason: end };
    }
    await manager.query('UPDATE refresh_token SET rotated_at = $2 WHERE token_hash = $1', [
      hashOpaqueToken(refreshToken),
      new Date(now),
    ]);
    // Refreshing is not user activity: last_seen_at stays, so silent refresh cannot defeat the idle limit.
    const next = await this.addRefreshToken(manager, row.session_id, new Date(now));
    return { kind: 'rotated', ...ids, refreshToken: next, absoluteExpiresAt: row.absolute_expires_at };
  }

  /** The server ended a session by policy (idle, absolute limit): revoke and audit, committed on their own. */
  private async expire(userId: string, role: Role, sessionId: string, reason: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      if (await this.revoke(m, sessionId, reason))
        await this.audit.record(m, this.expiryEvent(userId, role, sessionId, reason));
    });
  }

  private expiryEvent(userId: string, role: Role, sessionId: string, reason: string) {
    return {
      action: 'SESSION_REVOKED' as const,
      outcome: 'success' as const,
      outcomeReason: reason,
      actor: { userId, role, sessionId },
      resourceType: 'session',
      resourceId: sessionId,
    };
  }

  /** Ends one session; true if it was live. */
  async revoke(manager: EntityManager, sessionId: string, reason: string): Promise<boolean> {
    const rows = (await manager.query(
      `UPDATE user_session SET revoked_at = $2, revoked_reason = $3
        WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
      [sessionId, this.clock.now(), reason],
    )) as unknown[];
    return rowCount(rows) > 0;
  }

  /** Ends every live session of a user (optionally but one); returns the ended session ids. */
  async revokeAllForUser(
    manager: EntityManager,
    userId: string,
    reason: string,
    exceptSessionId?: string,
  ): Promise<string[]> {
    const rows = (await manager.query(
      `UPDATE user_session SET revoked_at = $2, revoked_reason = $3
        WHERE user_id = $1 AND revoked_at IS NULL AND ($4::uuid IS NULL OR id <> $4::uuid) RETURNING id`,
      [userId, this.clock.now(), reason, exceptSessionId ?? null],
    )) as unknown;
    return returnedRows<{ id: string }>(rows).map((r) => r.id);
  }

  async countLive(manager: EntityManager, userId: string): Promise<number> {
    const rows = (await manager.query(
      `SELECT count(*)::int AS n FROM user_session
        WHERE user_id = $1 AND revoked_at IS NULL AND absolute_expires_at > $2 AND last_seen_at > $3`,
      [userId, this.clock.now(), new Date(this.clock.nowMs() - this.config.sessionIdleSeconds * 1000)],
    )) as { n: number }[];
    return rows[0]?.n ?? 0;
  }

  private async addRefreshToken(manager: EntityManager, sessionId: string, now: Date): Promise<string> {
    const token = newOpaqueToken();
    await manager.query('INSERT INTO refresh_token (token_hash, session_id, created_at) VALUES ($1, $2, $3)', [
      hashOpaqueToken(token),
      sessionId,
      now,
    ]);
    return token;
  }
}

/** TypeORM's pg driver answers UPDATE … RETURNING with [rows, count]. */
function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return Array.isArray(result) ? (result as T[]) : [];
}

function rowCount(result: unknown): number {
  return returnedRows(result).length;
}
