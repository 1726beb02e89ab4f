import { AuditVerifier } from '@chartdesk/api-audit';
import { createAdminCommand } from '@chartdesk/api-identity';
import { AuthPaths, type LoginComplete, type LoginPending, type MfaEnrolment, apiUrl } from '@chartdesk/contracts';
import { totpCodeAt } from '@chartdesk/api-identity';
import { DataSource } from 'typeorm';
import { type TestApp, createTestApp } from '../../support/test-app';
import { type ServerRoles, createServerRoles } from '../../support/server-roles';

/** Runs the command as the CLI does and returns its exit code and what it printed. */
async function runCreateAdmin(t: TestApp, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(String(line)));
  const error = jest.spyOn(console, 'error').mockImplementation((line: unknown) => void err.push(String(line)));
  try {
    const code = await createAdminCommand(t.config, args, t.app.get(DataSource));
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

/**
 * A fresh server-mode installation with the two roles the README describes:
 * migrations as the owner, the API as a login role in chartdesk_app. Nobody
 * can sign in until an operator creates the first administrator.
 */
describe('first administrator in server mode (owner + app role)', () => {
  let roles: ServerRoles;
  let t: TestApp;

  beforeAll(async () => {
    roles = await createServerRoles();
    t = await createTestApp({ DATABASE_URL: roles.appUrl, DATABASE_MIGRATION_URL: roles.ownerUrl });
  });
  afterAll(async () => {
    await t?.close();
    await roles?.drop();
  });

  const post = (url: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: apiUrl(url), payload });

  it('connects as the app role, and no user exists yet', async () => {
    const [row] = (await t.app.get(DataSource).query('SELECT current_user AS u')) as { u: string }[];
    expect(row?.u).toBe(roles.appRole);
    const [users] = (await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM app_user')) as { n: number }[];
    expect(users?.n).toBe(0);
  });

  it('creates the first admin with a one-time password, audited; the admin signs in, replaces it and enrols TOTP', async () => {
    const made = await runCreateAdmin(t, ['first.admin', '--display-name', 'First Admin']);
    expect(made.code).toBe(0);
    const password = /One-time password: (\S+)/.exec(made.out)?.[1] ?? '';
    expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);

    const [audit] = (await t.app.get(DataSource).query(
      `SELECT actor_user_id, resource_id, outcome_reason, details FROM audit_event
        WHERE action = 'USER_CHANGED' ORDER BY id DESC LIMIT 1`,
    )) as {
      actor_user_id: string | null;
      resource_id: string;
      outcome_reason: string;
      details: Record<string, unknown>;
    }[];
    expect(audit).toMatchObject({ actor_user_id: null, outcome_reason: 'create' });
    expect(audit?.details).toMatchObject({
      via: 'cli create-admin',
      after: { role: 'ADMIN', mustChangePassword: true },
    });
    expect(JSON.stringify(audit)).not.toContain(password);

    const step1 = await post(AuthPaths.login, { username: 'first.admin', password });
    expect(step1.json<LoginPending>().stage).toBe('PASSWORD_CHANGE');
    const step2 = await post(AuthPaths.initialPassword, {
      challengeToken: step1.json<LoginPending>().challengeToken,
      newPassword: 'a long passphrase of my own choosing',
    });
    expect(step2.json<LoginPending>().stage).toBe('MFA_ENROL');
    const challengeToken = step2.json<LoginPending>().challengeToken;
    const enrolment = (await post(AuthPaths.mfaEnrolStart, { challengeToken })).json<MfaEnrolment>();
    const done = await post(AuthPaths.mfaEnrolConfirm, {
      challengeToken,
      code: await totpCodeAt(enrolment.manualKey, Math.floor(Date.now() / 1000)),
    });
    expect(done.statusCode).toBe(200);
    const complete = done.json<LoginComplete>();
    expect(complete.user.role).toBe('ADMIN');
    const users = await t.app.inject({
      method: 'GET',
      url: '/api/admin/users',
      headers: { authorization: `Bearer ${complete.accessToken}` },
    });
    expect(users.statusCode).toBe(200);

    // The temporary password was one-time: it no longer signs in.
    expect((await post(AuthPaths.login, { username: 'first.admin', password })).statusCode).toBe(401);
  });

  it('refuses a second admin while one is active (the admin pages and a second approver are for that), and recovers with --additional when none is', async () => {
    for (const args of [['second.admin'], ['second.admin', '--additional']]) {
      const again = await runCreateAdmin(t, args);
      expect(again.code).toBe(1);
      expect(again.err).toMatch(/active administrator already exists.*second administrator approves/);
    }
    expect(await t.app.get(DataSource).query(`SELECT 1 FROM app_user WHERE username = 'second.admin'`)).toHaveLength(0);

    // Locked out: the only administrator is disabled. Recovery needs the explicit flag.
    await t.app.get(DataSource).query(`UPDATE app_user SET status = 'DISABLED' WHERE username = 'first.admin'`);
    const refused = await runCreateAdmin(t, ['second.admin']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/none is active.*--additional/);
    const recovered = await runCreateAdmin(t, ['second.admin', '--additional']);
    expect(recovered.code).toBe(0);
    expect(recovered.out).toMatch(/recovery: 1 inactive administrator/);
    expect((await runCreateAdmin(t, ['bad name!', '--additional'])).code).toBe(2);
    expect((await runCreateAdmin(t, [])).code).toBe(2);
  });

  it('leaves a trail that verifies', async () => {
    const result = await t.app.get(AuditVerifier).verify();
    expect(result).toMatchObject({ ok: true });
  });
});
