import {
  AuthPaths,
  type CreatedUser,
  type LoginComplete,
  type LoginPending,
  type MfaEnrolment,
  type TeamSummary,
  type UserList,
  apiUrl,
} from '@chartdesk/contracts';
import { totpCodeAt } from '@chartdesk/api-identity';
import { DataSource } from 'typeorm';
import { type TestApp, createTestApp } from '../../support/test-app';
import { type TestUser, authHeader, createUser, signIn } from '../../support/auth';

describe('user and team administration (ADMIN only)', () => {
  let t: TestApp;
  let admin: TestUser;
  /** The second administrator who approves account changes (separation of duties). */
  let approver: TestUser;
  const approve = async (userId: string) => {
    const res = await call('POST', `/api/admin/users/${userId}/approve`, undefined, approver.accessToken);
    expect(res.statusCode).toBe(200);
  };

  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    token = admin.accessToken,
  ) => t.app.inject({ method, url, headers: authHeader(token), ...(payload ? { payload } : {}) });
  const post = (path: string, payload: object) => t.app.inject({ method: 'POST', url: apiUrl(path), payload });
  const newUser = (over: object = {}) => ({
    username: `Coder.${Math.random().toString(36).slice(2, 8)}`,
    displayName: 'Pat Example',
    email: 'pat@example.test',
    role: 'CODER',
    clearances: ['BEHAVIORAL_HEALTH'],
    specialties: ['INPATIENT', 'ED'],
    part2TrainingDate: '2026-03-01',
    schedule: { timeZone: 'America/Chicago', weeklyHours: [{ day: 'MON', start: '08:00', end: '16:30' }] },
    linkedPatientIds: ['MRN-E-0001'],
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
    admin = await createUser(t.app, { role: 'ADMIN' });
    approver = await createUser(t.app, { role: 'ADMIN' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates a user with a temporary password who must change it and enrol MFA at first sign-in', async () => {
    const created = await call('POST', '/api/admin/users', newUser());
    expect(created.statusCode).toBe(201);
    const body = created.json<CreatedUser>();
    expect(body.user).toMatchObject({
      role: 'CODER',
      status: 'PENDING_APPROVAL',
      mustChangePassword: true,
      mfaEnrolled: false,
      linkedPatientCount: 1,
      pendingApproval: { change: 'create', role: 'CODER', requestedBy: admin.user.id },
    });
    expect(JSON.stringify(body)).not.toMatch(/password_hash|passwordHash|totp/i);
    // The admin sees that patients are linked, never which ones.
    expect(JSON.stringify(body)).not.toContain('MRN-E-0001');
    await approve(body.user.id);

    const step1 = await post(AuthPaths.login, {
      username: body.user.username.toUpperCase(),
      password: body.temporaryPassword,
    });
    expect(step1.json<LoginPending>().stage).toBe('PASSWORD_CHANGE');
    // Nothing else is reachable with the challenge.
    expect(
      (await call('GET', apiUrl(AuthPaths.me), undefined, step1.json<LoginPending>().challengeToken)).statusCode,
    ).toBe(401);

    const weak = await post(AuthPaths.initialPassword, {
      challengeToken: step1.json<LoginPending>().challengeToken,
      newPassword: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ fieldErrors: { newPassword: [expect.stringMatching(/at least 15/)] } });

    const step2 = await post(AuthPaths.initialPassword, {
      challengeToken: step1.json<LoginPending>().challengeToken,
      newPassword: 'my own new passphrase for work',
    });
    expect(step2.statusCode).toBe(200);
    expect(step2.json<LoginPending>().stage).toBe('MFA_ENROL');
    const challengeToken = step2.json<LoginPending>().challengeToken;

    const enrolment = (await post(AuthPaths.mfaEnrolStart, { challengeToken })).json<MfaEnrolment>();
    expect(enrolment.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(enrolment.manualKey).toMatch(/^[A-Z2-7]{32}$/);
    const wrong = await post(AuthPaths.mfaEnrolConfirm, { challengeToken, code: '123456' });
    expect(wrong.statusCode).toBe(400);
    const code = await totpCodeAt(enrolment.manualKey, Math.floor(Date.now() / 1000));
    const done = await post(AuthPaths.mfaEnrolConfirm, { challengeToken, code });
    expect(done.statusCode).toBe(200);
    const complete = done.json<LoginComplete>();
    expect(complete.stage).toBe('DONE');
    expect(complete.recoveryCodes).toHaveLength(10);

    // The stored secret is encrypted, the recovery codes hashed.
    const rows = (await t.app
      .get(DataSource)
      .query('SELECT totp_secret_enc FROM app_user WHERE id = $1', [body.user.id])) as { totp_secret_enc: string }[];
    expect(rows[0]?.totp_secret_enc).not.toContain(enrolment.manualKey);

    // A recovery code works once in place of a TOTP code.
    const again = await post(AuthPaths.login, {
      username: body.user.username,
      password: 'my own new passphrase for work',
    });
    const viaRecovery = await post(AuthPaths.mfaVerify, {
      challengeToken: again.json<LoginPending>().challengeToken,
      code: complete.recoveryCodes?.[0] ?? '',
    });
    expect(viaRecovery.statusCode).toBe(200);
    const third = await post(AuthPaths.login, {
      username: body.user.username,
      password: 'my own new passphrase for work',
    });
    const reused = await post(AuthPaths.mfaVerify, {
      challengeToken: third.json<LoginPending>().challengeToken,
      code: complete.recoveryCodes?.[0] ?? '',
    });
    expect(reused.statusCode).toBe(401);
  });

  it('answers bad input with 400 and field errors, and changes nothing', async () => {
    const res = await call('POST', '/api/admin/users', {
      ...newUser({ username: 'x', email: 'not-an-email', role: 'ROOT', clearances: ['EVERYTHING'] }),
      schedule: { timeZone: 'Mars/Olympus', weeklyHours: [{ day: 'MON', start: '25:00', end: '08:00' }] },
    });
    expect(res.statusCode).toBe(400);
    const fields = Object.keys(res.json<{ fieldErrors: Record<string, string[]> }>().fieldErrors);
    expect(fields).toEqual(
      expect.arrayContaining([
        'username',
        'email',
        'role',
        'clearances',
        'schedule.timeZone',
        'schedule.weeklyHours.0.start',
      ]),
    );
    const unknownField = await call('POST', '/api/admin/users', { ...newUser(), isSuperuser: true });
    expect(unknownField.statusCode).toBe(400);
    const backwards = await call('POST', '/api/admin/users', {
      ...newUser(),
      schedule: { timeZone: 'UTC', weeklyHours: [{ day: 'TUE', start: '17:00', end: '09:00' }] },
    });
    expect(backwards.statusCode).toBe(400);
  });

  it('refuses a duplicate username regardless of case with 409', async () => {
    const first = await call('POST', '/api/admin/users', newUser({ username: 'Jamie.Dup' }));
    expect(first.statusCode).toBe(201);
    const dup = await call('POST', '/api/admin/users', newUser({ username: 'jamie.dup' }));
    expect(dup.statusCode).toBe(409);
  });

  it('edits role, team, clearances, specialties and schedule, auditing before and after', async () => {
    const team = (await call('POST', '/api/admin/teams', { name: `Inpatient ${Date.now()}` })).json<TeamSummary>();
    const created = (await call('POST', '/api/admin/users', newUser())).json<CreatedUser>();
    const res = await call('PATCH', `/api/admin/users/${created.user.id}`, {
      teamId: team.id,
      clearances: ['BEHAVIORAL_HEALTH', 'SUBSTANCE_USE_PART2'],
      specialties: ['OUTPATIENT'],
      schedule: { timeZone: 'America/New_York', weeklyHours: [{ day: 'WED', start: '07:00', end: '15:00' }] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ teamId: team.id, teamName: team.name, specialties: ['OUTPATIENT'] });
    const audit = (await t.app
      .get(DataSource)
      .query(
        "SELECT details FROM audit_event WHERE action = 'USER_CHANGED' AND resource_id = $1 AND outcome_reason = 'update'",
        [created.user.id],
      )) as { details: { before: { clearances: string[] }; after: Record<string, unknown> } }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details.before.clearances).toEqual(['BEHAVIORAL_HEALTH']);
    expect(audit[0]?.details.after).toMatchObject({
      teamId: team.id,
      clearances: ['BEHAVIORAL_HEALTH', 'SUBSTANCE_USE_PART2'],
    });
    expect(JSON.stringify(audit)).not.toMatch(/argon2|password_hash|totp_secret/);
  });

  it('lists and searches users', async () => {
    await call('POST', '/api/admin/users', newUser({ username: 'searchable.person', displayName: 'Findme Person' }));
    const res = await call('GET', '/api/admin/users?q=findme&role=CODER&limit=10');
    expect(res.statusCode).toBe(200);
    const list = res.json<UserList>();
    expect(list.items.map((u) => u.username)).toEqual(['searchable.person']);
    expect(list.total).toBe(1);
    expect((await call('GET', '/api/admin/users?limit=1000')).statusCode).toBe(400);
  });

  it('disables and enables a user; an admin cannot disable or demote themselves', async () => {
    const coder = await createUser(t.app, { role: 'CODER' });
    expect((await call('POST', `/api/admin/users/${coder.user.id}/disable`)).json()).toMatchObject({
      status: 'DISABLED',
    });
    expect((await call('POST', `/api/admin/users/${coder.user.id}/enable`)).json()).toMatchObject({
      status: 'PENDING_APPROVAL',
    });
    await approve(coder.user.id);
    await expect(signIn(t.app, coder.user.username, coder.password, coder.totpSecret)).resolves.toBeDefined();
    expect((await call('POST', `/api/admin/users/${admin.user.id}/disable`)).statusCode).toBe(409);
    expect((await call('PATCH', `/api/admin/users/${admin.user.id}`, { role: 'CODER' })).statusCode).toBe(409);
  });

  it('resets MFA only with the admin’s own password, and the user must enrol again', async () => {
    const coder = await createUser(t.app, { role: 'CODER' });
    const refused = await call('POST', `/api/admin/users/${coder.user.id}/reset-mfa`, {
      adminPassword: 'wrong password here',
    });
    expect(refused.statusCode).toBe(403);
    const ok = await call('POST', `/api/admin/users/${coder.user.id}/reset-mfa`, { adminPassword: admin.password });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ mfaEnrolled: false });
    expect((await call('GET', apiUrl(AuthPaths.me), undefined, coder.accessToken)).statusCode).toBe(401);
    await approve(coder.user.id);
    const login = await post(AuthPaths.login, { username: coder.user.username, password: coder.password });
    expect(login.json<LoginPending>().stage).toBe('MFA_ENROL');
  });

  it('revokes a user’s sessions and resets a password to a new temporary one', async () => {
    const coder = await createUser(t.app, { role: 'CODER' });
    expect((await call('POST', `/api/admin/users/${coder.user.id}/revoke-sessions`)).statusCode).toBe(200);
    expect((await call('GET', apiUrl(AuthPaths.me), undefined, coder.accessToken)).statusCode).toBe(401);
    const reset = await call('POST', `/api/admin/users/${coder.user.id}/reset-password`);
    const { temporaryPassword } = reset.json<CreatedUser>();
    await approve(coder.user.id);
    const login = await post(AuthPaths.login, { username: coder.user.username, password: temporaryPassword });
    // Enrolled users still prove the second factor before replacing the password.
    expect(login.json<LoginPending>().stage).toBe('MFA_VERIFY');
  });

  it('manages teams: unique names regardless of case, no deleting a team with members', async () => {
    const name = `Outpatient ${Date.now()}`;
    const team = (await call('POST', '/api/admin/teams', { name })).json<TeamSummary>();
    expect((await call('POST', '/api/admin/teams', { name: name.toUpperCase() })).statusCode).toBe(409);
    expect((await call('PATCH', `/api/admin/teams/${team.id}`, { name: `${name} B` })).json()).toMatchObject({
      name: `${name} B`,
    });
    await createUser(t.app, { role: 'CODER', teamId: team.id });
    expect((await call('DELETE', `/api/admin/teams/${team.id}`)).statusCode).toBe(409);
    const empty = (await call('POST', '/api/admin/teams', { name: `Empty ${Date.now()}` })).json<TeamSummary>();
    expect((await call('DELETE', `/api/admin/teams/${empty.id}`)).statusCode).toBe(204);
    expect((await call('GET', '/api/admin/teams')).json<TeamSummary[]>().map((x) => x.id)).toContain(team.id);
    expect((await call('GET', `/api/admin/users/${'0'.repeat(8)}-0000-4000-8000-000000000000`)).statusCode).toBe(404);
  });

  it('refuses every non-admin role on the admin API', async () => {
    for (const role of ['CODER', 'SUPERVISOR', 'COMPLIANCE'] as const) {
      const u = await createUser(t.app, { role });
      expect((await call('GET', '/api/admin/users', undefined, u.accessToken)).statusCode).toBe(403);
      expect((await call('POST', '/api/admin/users', newUser(), u.accessToken)).statusCode).toBe(403);
      expect((await call('GET', '/api/admin/teams', undefined, u.accessToken)).statusCode).toBe(403);
      expect((await call('POST', `/api/admin/users/${u.user.id}/enable`, undefined, u.accessToken)).statusCode).toBe(
        403,
      );
    }
  });
});
