import {
  AuthPaths,
  CompliancePaths,
  type CreatedUser,
  type LoginStepResponse,
  type MfaEnrolment,
  type ReviewItemPage,
  apiUrl,
} from '@chartdesk/contracts';
import { totpCodeAt } from '@chartdesk/api-identity';
import { DataSource } from 'typeorm';
import { type TestUser, authHeader, createUser } from '../../support/auth';
import { type TestApp, createTestApp } from '../../support/test-app';
import { type TestDatabase, createTestDatabase } from '../../support/test-database';
import { createChart } from '../records/records-fixtures';

/**
 * An administrator alone never reaches patient data: every account change
 * that would hand them a way in waits for a second administrator, and every
 * grant of a privileged role becomes a compliance review item.
 */
describe('separation of duties in account administration', () => {
  let db: TestDatabase;
  let t: TestApp;
  let admin: TestUser;
  let second: TestUser;
  let familyName: string;

  // The anomaly scan's watermark is database-wide, so this suite has its own database.
  beforeAll(async () => {
    db = await createTestDatabase('chartdesk_sod');
    t = await createTestApp({
      DATABASE_URL: db.url,
      LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
      ANOMALY_SCAN_SETTLE_SECONDS: '0',
    });
    admin = await createUser(t.app, { role: 'ADMIN' });
    second = await createUser(t.app, { role: 'ADMIN' });
    familyName = (await createChart(t.app)).familyName;
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const as = (who: TestUser, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: authHeader(who.accessToken), ...(payload ? { payload } : {}) });
  const login = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: apiUrl(AuthPaths.login), payload: { username, password } });
  const create = async (role: string): Promise<CreatedUser> => {
    const res = await as(admin, 'POST', '/api/admin/users', {
      username: `sod.${role.toLowerCase()}.${Math.random().toString(36).slice(2, 8)}`,
      displayName: 'Casey Example',
      email: 'casey@example.test',
      role,
    });
    expect(res.statusCode).toBe(201);
    return res.json<CreatedUser>();
  };

  /** The whole first sign-in, as the admin holding the temporary password would do it. */
  const takeOver = async (username: string, password: string): Promise<string | null> => {
    const step1 = await login(username, password);
    if (step1.statusCode !== 200) return null;
    const pending = step1.json<LoginStepResponse>();
    if (!('stage' in pending) || pending.stage !== 'PASSWORD_CHANGE') return null;
    const newPassword = `violet harbour ${Math.random().toString(36).slice(2)} lamp`;
    const changed = await t.app.inject({
      method: 'POST',
      url: apiUrl(AuthPaths.initialPassword),
      payload: { challengeToken: pending.challengeToken, newPassword },
    });
    const enrolStage = changed.json<LoginStepResponse>();
    if (!('stage' in enrolStage) || enrolStage.stage !== 'MFA_ENROL') return null;
    const start = await t.app.inject({
      method: 'POST',
      url: apiUrl(AuthPaths.mfaEnrolStart),
      payload: { challengeToken: enrolStage.challengeToken },
    });
    const secret = start.json<MfaEnrolment>().manualKey.replace(/\s/g, '');
    const done = await t.app.inject({
      method: 'POST',
      url: apiUrl(AuthPaths.mfaEnrolConfirm),
      payload: {
        challengeToken: enrolStage.challengeToken,
        code: await totpCodeAt(secret, Math.floor(Date.now() / 1000)),
      },
    });
    return done.statusCode === 200 ? done.json<{ accessToken: string }>().accessToken : null;
  };

  it('an admin who creates a compliance account cannot sign in with it, nor approve it', async () => {
    const created = await create('COMPLIANCE');
    expect(created.user).toMatchObject({ status: 'PENDING_APPROVAL', pendingApproval: { change: 'create' } });
    expect(await takeOver(created.user.username, created.temporaryPassword)).toBeNull();
    const self = await as(admin, 'POST', `/api/admin/users/${created.user.id}/approve`);
    expect(self.statusCode).toBe(403);
    // Enabling it directly is no way round.
    expect((await as(admin, 'POST', `/api/admin/users/${created.user.id}/enable`)).statusCode).toBe(409);
  });

  it('a puppet admin account cannot sign in to approve, and admins cannot change each other’s roles alone', async () => {
    const puppet = await create('ADMIN');
    expect(await takeOver(puppet.user.username, puppet.temporaryPassword)).toBeNull();
    const demoted = await as(admin, 'PATCH', `/api/admin/users/${second.user.id}`, { role: 'COMPLIANCE' });
    expect(demoted.json()).toMatchObject({ role: 'COMPLIANCE', status: 'PENDING_APPROVAL' });
    // The second admin's session ended with the role change; the change waits for someone else.
    expect((await as(second, 'GET', apiUrl(AuthPaths.me))).statusCode).toBe(401);
    // Rejected by the requester: role restored, account disabled until re-enabled (and approved again).
    const withdrawn = await as(admin, 'POST', `/api/admin/users/${second.user.id}/reject`);
    expect(withdrawn.json()).toMatchObject({ role: 'ADMIN', status: 'DISABLED' });
    expect((await as(admin, 'POST', `/api/admin/users/${second.user.id}/enable`)).json()).toMatchObject({
      status: 'PENDING_APPROVAL',
    });
    // Only a third administrator could approve now; restore the second one for the next test.
    await t.app.get(DataSource).query(`UPDATE app_user SET status = 'ACTIVE' WHERE id = $1`, [second.user.id]);
    await t.app.get(DataSource).query(`DELETE FROM account_approval WHERE user_id = $1`, [second.user.id]);
    second = await createUser(t.app, { role: 'ADMIN' });
  });

  it('resetting an existing compliance account’s password and authenticator does not hand it over', async () => {
    const officer = await createUser(t.app, { role: 'COMPLIANCE' });
    const reset = (await as(admin, 'POST', `/api/admin/users/${officer.user.id}/reset-password`)).json<CreatedUser>();
    expect(
      (await as(admin, 'POST', `/api/admin/users/${officer.user.id}/reset-mfa`, { adminPassword: admin.password }))
        .statusCode,
    ).toBe(200);
    expect(await takeOver(officer.user.username, reset.temporaryPassword)).toBeNull();
  });

  it('after every sequence above the admin has read no patient data; a second admin’s approval opens the account', async () => {
    const adminSessions = [admin.accessToken];
    for (const token of adminSessions) {
      for (const url of [
        '/api/compliance/patient-search?q=Testfamily',
        '/api/charts',
        '/api/compliance/review-items',
      ]) {
        const res = await t.app.inject({ method: 'GET', url, headers: authHeader(token) });
        expect(res.statusCode).toBe(403);
        expect(res.body).not.toContain(familyName);
      }
    }
    const created = await create('COMPLIANCE');
    const approved = await as(second, 'POST', `/api/admin/users/${created.user.id}/approve`);
    expect(approved.json()).toMatchObject({ status: 'ACTIVE', pendingApproval: null });
    expect(await takeOver(created.user.username, created.temporaryPassword)).not.toBeNull();

    // Every privileged grant is audited and becomes a compliance review item.
    const granted = (await t.app
      .get(DataSource)
      .query(
        `SELECT actor_user_id, details FROM audit_event WHERE action = 'USER_CHANGED' AND outcome_reason = 'privileged-role-granted' AND resource_id = $1`,
        [created.user.id],
      )) as { actor_user_id: string; details: { requestedBy: string; role: string } }[];
    expect(granted).toEqual([
      {
        actor_user_id: second.user.id,
        details: expect.objectContaining({ requestedBy: admin.user.id, role: 'COMPLIANCE' }),
      },
    ]);
    const officer = await createUser(t.app, { role: 'COMPLIANCE' });
    expect((await as(officer, 'POST', apiUrl(CompliancePaths.anomalyScans))).statusCode).toBe(200);
    const items = await as(
      officer,
      'GET',
      `${apiUrl(CompliancePaths.reviewItems)}?rule=PRIVILEGED_ROLE_GRANT&limit=100`,
    );
    expect(items.json<ReviewItemPage>().items.map((i) => i.subject?.userId)).toContain(created.user.id);
  });
});
