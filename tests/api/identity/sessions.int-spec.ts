import { AuthPaths, type LoginComplete, apiUrl } from '@chartdesk/contracts';
import { Clock } from '@chartdesk/api-identity';
import { DataSource } from 'typeorm';
import { type TestApp, createTestApp } from '../../support/test-app';
import { type SignedIn, authHeader, cookieAuthHeaders, createUser, fromComplete, signIn } from '../../support/auth';

describe('sessions: refresh rotation, reuse, CSRF, idle and absolute limits, logout, revocation', () => {
  let t: TestApp;
  let clock: Clock;
  let admin: Awaited<ReturnType<typeof createUser>>;

  const me = (token: string) => t.app.inject({ method: 'GET', url: apiUrl(AuthPaths.me), headers: authHeader(token) });
  const refresh = (s: Pick<SignedIn, 'refreshToken' | 'csrfToken'>, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: apiUrl(AuthPaths.refresh), headers: { ...cookieAuthHeaders(s), ...headers } });
  const auditCount = async (action: string, userId: string): Promise<number> => {
    const rows = (await t.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM audit_event WHERE action = $1 AND actor_user_id = $2', [
        action,
        userId,
      ])) as {
      n: number;
    }[];
    return rows[0]?.n ?? 0;
  };
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
    clock = t.app.get(Clock);
    admin = await createUser(t.app, { role: 'ADMIN' });
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await t?.close();
  });

  it('rotates the refresh token on every use and issues a working access token', async () => {
    const coder = await createUser(t.app, { role: 'CODER' });
    const res = await refresh(coder);
    expect(res.statusCode).toBe(200);
    const next = fromComplete(res.json<LoginComplete>(), res.headers['set-cookie']);
    expect(next.refreshToken).not.toBe(coder.refreshToken);
    expect(next.csrfToken).toBe(coder.csrfToken);
    expect((await me(next.accessToken)).statusCode).toBe(200);
    expect((await refresh(next)).statusCode).toBe(200);
  });

  it('revokes the whole family when a rotated refresh token is used again, and audits it', async () => {
    const coder = await createUser(t.app, { role: 'CODER' });
    const first = await refresh(coder);
    const next = fromComplete(first.json<LoginComplete>(), first.headers['set-cookie']);
    const replay = await refresh(coder);
    expect(replay.statusCode).toBe(401);
    // The thief's replay also ends the legitimate holder's session.
    expect((await refresh(next)).statusCode).toBe(401);
    expect((await me(next.accessToken)).statusCode).toBe(401);
    expect(await auditCount('REFRESH_REUSE_DETECTED', coder.user.id)).toBe(1);
  });

  it('refuses refresh without the right Origin or CSRF token, and changes nothing', async () => {
    const coder = await createUser(t.app, { role: 'CODER' });
    expect((await refresh(coder, { origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await refresh(coder, { 'x-csrf-token': 'forged' })).statusCode).toBe(403);
    const noOrigin = cookieAuthHeaders(coder);
    delete noOrigin['origin'];
    expect((await t.app.inject({ method: 'POST', url: apiUrl(AuthPaths.refresh), headers: noOrigin })).statusCode).toBe(
      403,
    );
    // A CSRF value matching its own cookie but not bound to the session is refused too.
    const planted = await refresh({ refreshToken: coder.refreshToken, csrfToken: 'planted-value' });
    expect(planted.statusCode).toBe(403);
    expect((await refresh(coder)).statusCode).toBe(200);
  });

  /** Pins the identity clock at base + offset; real time (and JWT library checks) stay untouched. */
  const at = (base: number, offsetMs: number): void => {
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(base + offsetMs));
  };
  const sessionRow = async (userId: string) =>
    (
      (await t.app.get(DataSource).query('SELECT revoked_reason FROM user_session WHERE user_id = $1', [userId])) as {
        revoked_reason: string | null;
      }[]
    )[0];

  it('ends a session after 15 minutes without activity (server-enforced, controllable clock)', async () => {
    const coder = await createUser(t.app, { role: 'CODER' });
    const base = Date.now();
    at(base, 9 * 60_000);
    expect((await me(coder.accessToken)).statusCode).toBe(200); // activity at +9 min
    at(base, 23 * 60_000); // 14 min idle: still alive
    const r = await refresh(coder);
    expect(r.statusCode).toBe(200);
    const next = fromComplete(r.json<LoginComplete>(), r.headers['set-cookie']);
    at(base, 9 * 60_000 + 15 * 60_000 + 1000); // 15 min after the last activity
    expect((await me(next.accessToken)).statusCode).toBe(401);
    expect((await refresh(next)).statusCode).toBe(401);
    expect(await sessionRow(coder.user.id)).toEqual({ revoked_reason: 'idle' });
    const audits = (await t.app
      .get(DataSource)
      .query("SELECT outcome_reason FROM audit_event WHERE action = 'SESSION_REVOKED' AND actor_user_id = $1", [
        coder.user.id,
      ])) as { outcome_reason: string }[];
    expect(audits).toEqual([{ outcome_reason: 'idle' }]);
  });

  it('does not count a silent refresh as activity', async () => {
    const coder = await createUser(t.app, { role: 'CODER' });
    const base = Date.now();
    at(base, 10 * 60_000);
    const r1 = await refresh(coder);
    expect(r1.statusCode).toBe(200);
    at(base, 16 * 60_000);
    expect((await refresh(fromComplete(r1.json<LoginComplete>(), r1.headers['set-cookie']))).statusCode).toBe(401);
  });

  it('ends an active session at the 12-hour absolute limit', async () => {
    const coder = await createUser(t.app, { role: 'CODER' });
    const base = Date.now();
    const almost = 12 * 3600_000 - 60_000;
    // The user has been active all day: last activity a minute ago.
    await t.app
      .get(DataSource)
      .query('UPDATE user_session SET last_seen_at = $2 WHERE user_id = $1', [
        coder.user.id,
        new Date(base + almost - 60_000),
      ]);
    at(base, almost);
    const r = await refresh(coder);
    expect(r.statusCode).toBe(200);
    const next = fromComplete(r.json<LoginComplete>(), r.headers['set-cookie']);
    expect((await me(next.accessToken)).statusCode).toBe(200);
    at(base, 12 * 3600_000 + 1000);
    expect((await me(next.accessToken)).statusCode).toBe(401);
    expect(await sessionRow(coder.user.id)).toEqual({ revoked_reason: 'absolute' });
  });

  it('logs out: the session is revoked, cookies cleared, the access token dead at once, and it is audited', async () => {
    const coder = await createUser(t.app, { role: 'CODER' });
    const out = await t.app.inject({
      method: 'POST',
      url: apiUrl(AuthPaths.logout),
      headers: cookieAuthHeaders(coder),
    });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/__Host-chartdesk-refresh=; Path=\/; Max-Age=0/);
    expect((await me(coder.accessToken)).statusCode).toBe(401);
    expect((await refresh(coder)).statusCode).toBe(401);
    expect(await auditCount('LOGOUT', coder.user.id)).toBe(1);
  });

  it('refuses a disabled user’s still-valid token at once', async () => {
    const coder = await createUser(t.app, { role: 'CODER' });
    expect((await me(coder.accessToken)).statusCode).toBe(200);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/admin/users/${coder.user.id}/disable`,
      headers: authHeader(admin.accessToken),
    });
    expect(res.statusCode).toBe(200);
    expect((await me(coder.accessToken)).statusCode).toBe(401);
    expect((await refresh(coder)).statusCode).toBe(401);
    await expect(signIn(t.app, coder.user.username, coder.password, coder.totpSecret)).rejects.toThrow(/401/);
  });

  it('applies a role change at once: old token refused, new sign-in carries the new role', async () => {
    const user = await createUser(t.app, { role: 'CODER' });
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${user.user.id}`,
      headers: authHeader(admin.accessToken),
      payload: { role: 'SUPERVISOR' },
    });
    expect(res.statusCode).toBe(200);
    expect((await me(user.accessToken)).statusCode).toBe(401);
    // A role change waits for a second administrator (separation of duties).
    const approver = await createUser(t.app, { role: 'ADMIN' });
    const approved = await t.app.inject({
      method: 'POST',
      url: `/api/admin/users/${user.user.id}/approve`,
      headers: authHeader(approver.accessToken),
    });
    expect(approved.statusCode).toBe(200);
    const again = await signIn(t.app, user.user.username, user.password, user.totpSecret);
    expect(again.body.user.role).toBe('SUPERVISOR');
    expect((await me(again.accessToken)).json()).toMatchObject({ role: 'SUPERVISOR' });
  });

  it('changing the password needs the current one and ends the user’s other sessions only', async () => {
    const coder = await createUser(t.app, { role: 'CODER' });
    const second = await signIn(t.app, coder.user.username, coder.password, coder.totpSecret);
    const wrong = await t.app.inject({
      method: 'POST',
      url: apiUrl(AuthPaths.changePassword),
      headers: authHeader(coder.accessToken),
      payload: { currentPassword: 'not the password at all', newPassword: 'a brand new passphrase here' },
    });
    expect(wrong.statusCode).toBe(403);
    expect((await me(second.accessToken)).statusCode).toBe(200);
    const ok = await t.app.inject({
      method: 'POST',
      url: apiUrl(AuthPaths.changePassword),
      headers: authHeader(coder.accessToken),
      payload: { currentPassword: coder.password, newPassword: 'a brand new passphrase here' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await me(coder.accessToken)).statusCode).toBe(200);
    expect((await me(second.accessToken)).statusCode).toBe(401);
  });

  it('refuses a breached password with a message that says why, and keeps the old one', async () => {
    const coder = await createUser(t.app, { role: 'CODER' });
    const res = await t.app.inject({
      method: 'POST',
      url: apiUrl(AuthPaths.changePassword),
      headers: authHeader(coder.accessToken),
      payload: { currentPassword: coder.password, newPassword: 'passwordpassword' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ fieldErrors: { newPassword: [expect.stringMatching(/common or breached/)] } });
    await expect(signIn(t.app, coder.user.username, coder.password, coder.totpSecret)).resolves.toBeDefined();
  });
});
