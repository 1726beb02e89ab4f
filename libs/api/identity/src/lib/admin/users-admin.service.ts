import type { CreatedUser, UpdateUserRequest, UserDetail, UserList, UserListQuery } from '@chartdesk/contracts';
import { AuditService } from '@chartdesk/api-audit';
import { type Actor, DomainError, type RequestMeta } from '@chartdesk/api-platform';
import { BadRequestException, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccountService } from '../auth/account.service';
import { Clock } from '../clock';
import { LoginThrottleService } from '../login/login-throttle.service';
import { usernameKey } from '../login/throttle-policy';
import { MfaService } from '../mfa/mfa.service';
import { PasswordHasher } from '../passwords/password-hasher';
import { passwordProblem } from '../passwords/password-policy';
import { SessionService } from '../sessions/session.service';
import { UserProvisioningService } from '../users/user-provisioning.service';
import {
  USER_COLUMNS,
  USER_FROM,
  type UserRecord,
  auditableFields,
  toUserDetail,
  toUserRecord,
  toUserSummary,
} from '../users/user-record';
import { UsersRepository } from '../users/users.repository';
import type { CreateUserDto } from './dto/user-admin.dto';
import { newTemporaryPassword } from './temporary-password';
import { AccountApprovals } from './account-approvals';

const NOT_FOUND = 'No such user.';

/**
 * User administration (ADMIN only). Every change runs in one transaction with
 * its USER_CHANGED audit event holding before/after values of non-secret fields.
 */
@Injectable()
export class UsersAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly provisioning: UserProvisioningService,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleService,
    private readonly mfa: MfaService,
    private readonly hasher: PasswordHasher,
    private readonly account: AccountService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly approvals: AccountApprovals,
  ) {}

  async list(query: UserListQuery): Promise<UserList> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.q) {
      params.push(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(
        `(u.username ILIKE $${params.length} OR u.display_name ILIKE $${params.length} OR u.email ILIKE $${params.length})`,
      );
    }
    if (query.role) where.push(`u.role = $${params.push(query.role)}`);
    if (query.status) where.push(`u.status = $${params.push(query.status)}`);
    if (query.teamId) where.push(`u.team_id = $${params.push(query.teamId)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const totalRows = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM ${USER_FROM} ${clause}`,
      params,
    )) as {
      n: number;
    }[];
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const rows = (await this.dataSource.query(
      `SELECT ${USER_COLUMNS},
              EXISTS (SELECT 1 FROM login_throttle lt WHERE lt.username_key = lower(u.username)
                        AND lt.locked_until > $${params.length + 1}) AS locked
         FROM ${USER_FROM} ${clause}
        ORDER BY lower(u.username) LIMIT ${limit} OFFSET ${offset}`,
      [...params, this.clock.now()],
    )) as Record<string, unknown>[];
    return {
      items: rows.map((r) => toUserSummary(toUserRecord(r), r['locked'] === true)),
      total: totalRows[0]?.n ?? 0,
    };
  }

  async get(id: string): Promise<UserDetail> {
    const user = await this.users.findById(id);
    if (!user) throw new DomainError('NOT_FOUND', NOT_FOUND);
    return this.detail(this.dataSource.manager, user);
  }

  async create(actor: Actor, input: CreateUserDto, meta: RequestMeta): Promise<CreatedUser> {
    this.assertScheduleWindows(input);
    const temporaryPassword = this.temporaryPasswordFor(input.username, input.displayName);
    return this.dataSource.transaction(async (m) => {
      const created = await this.provisioning.create(m, input, temporaryPassword, { mustChangePassword: true });
      await this.approvals.request(m, actor, created, 'create');
      const user = await this.lockUser(m, created.id);
      await this.auditChange(m, actor, meta, user, 'create', null, auditableFields(user), { approvalRequested: true });
      return { user: await this.detail(m, user), temporaryPassword };
    });
  }

  /** Role changes end the user's sessions at once, so the new role applies to the very next request. */
  async update(actor: Actor, id: string, input: UpdateUserRequest, meta: RequestMeta): Promise<UserDetail> {
    this.assertScheduleWindows(input);
    return this.dataSource.transaction(async (m) => {
      const before = await this.lockUser(m, id);
      if (input.role && input.role !== before.role && before.id === actor.userId) {
        throw new DomainError('CONFLICT', 'You cannot change your own role; ask another administrator.');
      }
      if (input.teamId) await this.provisioning.assertTeamExists(m, input.teamId);
      const sets: string[] = [];
      const params: unknown[] = [id];
      const set = (column: string, value: unknown): void => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };
      if (input.displayName !== undefined) set('display_name', input.displayName);
      if (input.email !== undefined) set('email', input.email);
      if (input.role !== undefined) set('role', input.role);
      if (input.teamId !== undefined) set('team_id', input.teamId);
      if (input.clearances !== undefined) set('clearances', input.clearances);
      if (input.part2TrainingDate !== undefined) set('part2_training_date', input.part2TrainingDate);
      if (input.specialties !== undefined) set('specialties', input.specialties);
      if (input.schedule !== undefined) set('schedule', input.schedule ? JSON.stringify(input.schedule) : null);
      if (input.linkedPatientIds !== undefined) set('linked_patient_ids', input.linkedPatientIds);
      if (sets.length === 0) return this.detail(m, before);
      set('updated_at', this.clock.now());
      await m.query(`UPDATE app_user SET ${sets.join(', ')} WHERE id = $1`, params);
      const after = await this.lockUser(m, id);
      let revoked: string[] = [];
      if (after.role !== before.role) {
        // Ends the sessions too, so the new role applies to the very next request — once approved.
        revoked = await this.sessions.revokeAllForUser(m, id, 'role-changed');
        await this.approvals.request(m, actor, after, 'role-change', before.role);
      }
      const current = await this.lockUser(m, id);
      await this.auditChange(m, actor, meta, current, 'update', auditableFields(before), auditableFields(current), {
        sessionsRevoked: revoked.length,
        approvalRequested: after.role !== before.role,
      });
      return this.detail(m, current);
    });
  }

  async setStatus(actor: Actor, id: string, status: 'ACTIVE' | 'DISABLED', meta: RequestMeta): Promise<UserDetail> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.lockUser(m, id);
      if (status === 'DISABLED' && before.id === actor.userId) {
        throw new DomainError('CONFLICT', 'You cannot disable your own account.');
      }
      if (status === 'ACTIVE' && before.status === 'PENDING_APPROVAL') {
        throw new DomainError('CONFLICT', 'This account is waiting for a second administrator to approve it.');
      }
      let revoked: string[] = [];
      if (status === 'DISABLED') {
        await m.query('UPDATE app_user SET status = $2, updated_at = $3 WHERE id = $1', [id, status, this.clock.now()]);
        await this.approvals.supersede(m, id);
        revoked = await this.sessions.revokeAllForUser(m, id, 'user-disabled');
      } else if (before.status === 'DISABLED') {
        // Enabling waits for a second administrator; it also lifts a lock, including the permanent one.
        await this.approvals.request(m, actor, before, 'enable');
        await this.throttle.clear(m, usernameKey(before.username));
      }
      const after = await this.lockUser(m, id);
      await this.auditChange(
        m,
        actor,
        meta,
        after,
        status === 'DISABLED' ? 'disable' : 'enable',
        auditableFields(before),
        auditableFields(after),
        { sessionsRevoked: revoked.length },
      );
      return this.detail(m, after);
    });
  }

  /** Re-authenticated with the admin's own password; the user enrols again at next sign-in. */
  async resetMfa(actor: Actor, id: string, adminPassword: string, meta: RequestMeta): Promise<UserDetail> {
    await this.account.reauthenticate(actor, adminPassword, meta);
    return this.dataSource.transaction(async (m) => {
      const before = await this.lockUser(m, id);
      await this.mfa.reset(m, id);
      const revoked = await this.sessions.revokeAllForUser(m, id, 'mfa-reset');
      // Whoever enrols the next authenticator must not be this administrator alone.
      await this.approvals.request(m, actor, before, 'mfa-reset');
      const after = await this.lockUser(m, id);
      await this.audit.record(m, {
        action: 'MFA_RESET',
        outcome: 'success',
        outcomeReason: 'administrator',
        actor,
        meta,
        resourceType: 'user',
        resourceId: id,
        details: { before: auditableFields(before), after: auditableFields(after), sessionsRevoked: revoked.length },
      });
      return this.detail(m, after);
    });
  }

  async resetPassword(actor: Actor, id: string, meta: RequestMeta): Promise<CreatedUser> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.lockUser(m, id);
      const temporaryPassword = this.temporaryPasswordFor(before.username, before.displayName);
      const now = this.clock.now();
      await m.query(
        `UPDATE app_user SET password_hash = $2, must_change_password = true, password_changed_at = $3, updated_at = $3
          WHERE id = $1`,
        [id, await this.hasher.hash(temporaryPassword), now],
      );
      const revoked = await this.sessions.revokeAllForUser(m, id, 'password-reset');
      await this.throttle.clear(m, usernameKey(before.username));
      // This administrator now holds the temporary password: a second one must approve.
      await this.approvals.request(m, actor, before, 'password-reset');
      const after = await this.lockUser(m, id);
      await this.auditChange(m, actor, meta, after, 'password-reset', auditableFields(before), auditableFields(after), {
        sessionsRevoked: revoked.length,
      });
      return { user: await this.detail(m, after), temporaryPassword };
    });
  }

  async revokeSessions(actor: Actor, id: string, meta: RequestMeta): Promise<UserDetail> {
    return this.dataSource.transaction(async (m) => {
      const user = await this.lockUser(m, id);
      const revoked = await this.sessions.revokeAllForUser(m, id, 'administrator');
      await this.audit.record(m, {
        action: 'SESSION_REVOKED',
        outcome: 'success',
        outcomeReason: 'administrator',
        actor,
        meta,
        resourceType: 'user',
        resourceId: id,
        details: { sessionsRevoked: revoked.length },
      });
      return this.detail(m, user);
    });
  }

  /** A second administrator approves (or either rejects) the change waiting on the account. */
  async decide(actor: Actor, id: string, approve: boolean, meta: RequestMeta): Promise<UserDetail> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.lockUser(m, id);
      await this.approvals.decide(m, actor, meta, before, approve);
      return this.detail(m, await this.lockUser(m, id));
    });
  }

  private async lockUser(m: EntityManager, id: string): Promise<UserRecord> {
    const user = await this.users.findById(id, m, true);
    if (!user) throw new DomainError('NOT_FOUND', NOT_FOUND);
    return user;
  }

  private async detail(m: EntityManager, user: UserRecord): Promise<UserDetail> {
    const locked = await this.throttle.isLocked(m, usernameKey(user.username));
    return toUserDetail(
      user,
      locked,
      await this.sessions.countLive(m, user.id),
      await this.approvals.pending(m, user.id),
    );
  }

  private temporaryPasswordFor(username: string, displayName: string): string {
    for (;;) {
      const candidate = newTemporaryPassword();
      if (!passwordProblem(candidate, { username, displayName })) return candidate;
    }
  }

  private assertScheduleWindows(input: UpdateUserRequest): void {
    const windows = input.schedule?.weeklyHours ?? [];
    const bad = windows.findIndex((w) => w.end <= w.start);
    if (bad >= 0) {
      throw new BadRequestException({
        message: 'Validation failed',
        fieldErrors: { [`schedule.weeklyHours.${bad}.end`]: ['end must be after start'] },
      });
    }
  }

  private async auditChange(
    m: EntityManager,
    actor: Actor,
    meta: RequestMeta,
    user: UserRecord,
    change: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    await this.audit.record(m, {
      action: 'USER_CHANGED',
      outcome: 'success',
      outcomeReason: change,
      actor,
      meta,
      resourceType: 'user',
      resourceId: user.id,
      details: { change, before, after: changedOnly(before, after), ...extra },
    });
  }
}

/** After-values of the fields that changed (all of them on create), keeping the audit row small. */
function changedOnly(before: Record<string, unknown> | null, after: Record<string, unknown>): Record<string, unknown> {
  if (!before) return after;
  return Object.fromEntries(Object.entries(after).filter(([k, v]) => JSON.stringify(before[k]) !== JSON.stringify(v)));
}
