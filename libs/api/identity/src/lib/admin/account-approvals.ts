import { AuditService } from '@chartdesk/api-audit';
import { type Actor, DomainError, type RequestMeta } from '@chartdesk/api-platform';
import type { ApprovalChange, PendingApproval, Role } from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock';
import { SessionService } from '../sessions/session.service';
import type { UserRecord } from '../users/user-record';

/** Roles whose grant also opens a compliance review item (PRIVILEGED_ROLE_GRANT), whoever approved it. */
export const PRIVILEGED_ROLES: readonly Role[] = ['SUPERVISOR', 'COMPLIANCE', 'ADMIN'];

interface ApprovalRow {
  id: string;
  change: ApprovalChange;
  role: Role;
  previous_role: Role | null;
  requested_by: string;
  requested_at: Date;
}

/**
 * Separation of duties for account administration. Every change that could
 * let the administrator making it into the account — creating it (they hold
 * the temporary password), promoting it, enabling it, resetting its password
 * or authenticator — parks the account in PENDING_APPROVAL with its sessions
 * ended, until a *different* administrator, who is not the account itself,
 * approves. The database refuses a self-approval too.
 */
@Injectable()
export class AccountApprovals {
  constructor(
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Inside the change's transaction: the account waits for a second administrator. */
  async request(
    m: EntityManager,
    actor: Actor,
    user: UserRecord,
    change: ApprovalChange,
    previousRole: Role | null = null,
  ): Promise<void> {
    await this.supersede(m, user.id);
    await m.query(
      `INSERT INTO account_approval (user_id, change, role, previous_role, requested_by, requested_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [user.id, change, user.role, previousRole, actor.userId, this.clock.now()],
    );
    await m.query(`UPDATE app_user SET status = 'PENDING_APPROVAL', updated_at = $2 WHERE id = $1`, [
      user.id,
      this.clock.now(),
    ]);
    await this.sessions.revokeAllForUser(m, user.id, 'approval-pending');
  }

  /** A pending request no longer applies (the account was disabled, or changed again). */
  async supersede(m: EntityManager, userId: string): Promise<void> {
    await m.query(
      `UPDATE account_approval SET status = 'REJECTED', decided_at = $2 WHERE user_id = $1 AND status = 'PENDING'`,
      [userId, this.clock.now()],
    );
  }

  async pending(m: EntityManager, userId: string): Promise<PendingApproval | null> {
    const row = await this.pendingRow(m, userId);
    return row
      ? {
          change: row.change,
          role: row.role,
          requestedBy: row.requested_by,
          requestedAt: row.requested_at.toISOString(),
        }
      : null;
  }

  /** The second administrator's decision; the account becomes ACTIVE (approved) or DISABLED (rejected). */
  async decide(m: EntityManager, actor: Actor, meta: RequestMeta, user: UserRecord, approve: boolean): Promise<void> {
    const row = await this.pendingRow(m, user.id);
    if (!row) throw new DomainError('CONFLICT', 'Nothing on this account is waiting for approval.');
    if (approve && (row.requested_by === actor.userId || user.id === actor.userId)) {
      throw new DomainError('FORBIDDEN', 'A second administrator must approve this change, not the one who made it.');
    }
    const now = this.clock.now();
    await m.query(`UPDATE account_approval SET status = $2, decided_by = $3, decided_at = $4 WHERE id = $1`, [
      row.id,
      approve ? 'APPROVED' : 'REJECTED',
      // A requester withdrawing their own request is not a second person's decision.
      row.requested_by === actor.userId ? null : actor.userId,
      now,
    ]);
    if (approve) {
      await m.query(`UPDATE app_user SET status = 'ACTIVE', updated_at = $2 WHERE id = $1`, [user.id, now]);
    } else {
      await m.query(
        `UPDATE app_user SET status = 'DISABLED', role = COALESCE($2, role), updated_at = $3 WHERE id = $1`,
        [user.id, row.change === 'role-change' ? row.previous_role : null, now],
      );
    }
    const privileged = approve && PRIVILEGED_ROLES.includes(row.role);
    await this.audit.record(m, {
      action: 'USER_CHANGED',
      outcome: 'success',
      outcomeReason: privileged ? 'privileged-role-granted' : approve ? 'approval-granted' : 'approval-rejected',
      actor,
      meta,
      resourceType: 'user',
      resourceId: user.id,
      details: { change: row.change, role: row.role, requestedBy: row.requested_by, approved: approve },
    });
  }

  private async pendingRow(m: EntityManager, userId: string): Promise<ApprovalRow | undefined> {
    const rows = (await m.query(
      `SELECT id, change, role, previous_role, requested_by, requested_at FROM account_approval
        WHERE user_id = $1 AND status = 'PENDING'`,
      [userId],
    )) as ApprovalRow[];
    return rows[0];
  }
}
