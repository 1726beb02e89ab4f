import { userInfo } from 'node:os';
import { AuditService } from '@chartdesk/api-audit';
import { type AppConfig, DomainError, parseCommandArgs } from '@chartdesk/api-platform';
import type { DataSource } from 'typeorm';
import { Clock } from '../clock';
import { PasswordHasher } from '../passwords/password-hasher';
import { passwordProblem } from '../passwords/password-policy';
import { UserProvisioningService } from '../users/user-provisioning.service';
import { auditableFields } from '../users/user-record';
import { UsersRepository } from '../users/users.repository';
import { newTemporaryPassword } from './temporary-password';

export const USERNAME_PATTERN = /^[A-Za-z0-9._-]{3,64}$/;

export interface CreateAdminInput {
  readonly username: string;
  readonly displayName?: string;
  readonly email?: string;
  /** Recovery: create one although (inactive) administrator accounts exist (`--additional`). */
  readonly additional: boolean;
}

export interface CreatedAdmin {
  readonly userId: string;
  readonly username: string;
  readonly temporaryPassword: string;
  readonly existingAdmins: number;
}

/** Serialises two operators running the command at once, so both cannot be "the first". */
const CREATE_ADMIN_LOCK = 727_274_018;

/**
 * The first administrator of a server-mode installation, from the operator's
 * shell: server mode seeds no users, so without this nobody could sign in. The
 * password is a one-time temporary one that must be replaced at first sign-in,
 * where TOTP enrolment follows. Refused while an active administrator exists
 * (further ones need a second administrator's approval on the admin pages);
 * when only disabled or pending ones exist, `additional` recovers access. The creation is audited (USER_CHANGED, via the CLI, with
 * the operating-system user that ran it) in the same transaction.
 */
export async function createAdminAccount(
  dataSource: DataSource,
  config: AppConfig,
  input: CreateAdminInput,
): Promise<CreatedAdmin> {
  if (!USERNAME_PATTERN.test(input.username)) {
    throw new DomainError('VALIDATION', 'The username must be 3–64 letters, digits, dots, dashes or underscores.');
  }
  const displayName = input.displayName ?? input.username;
  const email = input.email ?? `${input.username}@localhost`;
  const provisioning = new UserProvisioningService(
    new PasswordHasher(config),
    new UsersRepository(dataSource),
    new Clock(),
  );
  const audit = new AuditService(dataSource);
  return dataSource.transaction(async (m) => {
    await m.query('SELECT pg_advisory_xact_lock($1)', [CREATE_ADMIN_LOCK]);
    const [{ active, other }] = (await m.query(
      `SELECT count(*) FILTER (WHERE status = 'ACTIVE')::int AS active,
              count(*) FILTER (WHERE status <> 'ACTIVE')::int AS other
         FROM app_user WHERE role = 'ADMIN'`,
    )) as [{ active: number; other: number }];
    if (active > 0) {
      // Separation of duties: while an administrator can act, new ones come from the admin pages,
      // where a second administrator approves. The shell is for the first one and for recovery.
      throw new DomainError(
        'CONFLICT',
        `An active administrator already exists (${active}). Create further administrators from the admin pages, where a second administrator approves them.`,
      );
    }
    if (other > 0 && !input.additional) {
      throw new DomainError(
        'CONFLICT',
        `${other} administrator account(s) exist but none is active. To recover access, run again with --additional.`,
      );
    }
    const n = other;
    let temporaryPassword = newTemporaryPassword();
    while (passwordProblem(temporaryPassword, { username: input.username, displayName })) {
      temporaryPassword = newTemporaryPassword();
    }
    const user = await provisioning.create(
      m,
      { username: input.username, displayName, email, role: 'ADMIN' },
      temporaryPassword,
      { mustChangePassword: true },
    );
    await audit.record(m, {
      action: 'USER_CHANGED',
      outcome: 'success',
      outcomeReason: 'create',
      actor: null,
      resourceType: 'user',
      resourceId: user.id,
      details: {
        change: 'create',
        via: 'cli create-admin',
        recovery: n > 0,
        operatingSystemUser: operatingSystemUser(),
        after: auditableFields(user),
      },
    });
    return { userId: user.id, username: user.username, temporaryPassword, existingAdmins: n };
  });
}

function operatingSystemUser(): string | null {
  try {
    return userInfo().username;
  } catch {
    return null;
  }
}

const CREATE_ADMIN_USAGE = 'Usage: create-admin <username> [--display-name "Name"] [--email address] [--additional]';

/** `create-admin <username> …`: prints the one-time password once. Exit 0 made, 1 refused, 2 usage. */
export async function createAdminCommand(
  config: AppConfig,
  args: readonly string[],
  dataSource: DataSource,
): Promise<number> {
  const parsed = parseCommandArgs(args, {
    options: { 'display-name': { type: 'string' }, email: { type: 'string' }, additional: { type: 'boolean' } },
    positionals: { min: 1, max: 1 },
    usage: CREATE_ADMIN_USAGE,
  });
  if (!parsed) return 2;
  const [username = ''] = parsed.positionals;
  try {
    const created = await createAdminAccount(dataSource, config, {
      username,
      displayName: parsed.values['display-name'],
      email: parsed.values.email,
      additional: parsed.values.additional === true,
    });
    console.log(
      [
        `Administrator "${created.username}" created${created.existingAdmins > 0 ? ` (recovery: ${created.existingAdmins} inactive administrator account(s) exist)` : ''}.`,
        `One-time password: ${created.temporaryPassword}`,
        'It is shown only now. Sign in with it, choose a new password and enrol TOTP at the first sign-in.',
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    if (error instanceof DomainError) {
      console.error(error.userMessage);
      return error.code === 'VALIDATION' ? 2 : 1;
    }
    throw error;
  }
}
