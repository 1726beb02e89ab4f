import { AuthPaths, type LoginPending, apiUrl } from '@chartdesk/contracts';
import { DataSource } from 'typeorm';
import { type TestApp, createTestApp } from '../../support/test-app';
import { authHeader, createUser, freshTotpCode } from '../../support/auth';

describe('sign-in with password and TOTP (real AppModule, real PostgreSQL)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('signs in with password then TOTP and reaches /auth/me with the access token', async () => {
    const coder = await createUser(t.app, { role: 'CODER' });
    expect(coder.body.user).toMatchObject({ username: coder.user.username, role: 'CODER' });
    expect(coder.body.user.permissions).toContain('chart:read');
    expect(coder.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await t.app.inject({ method: 'GET', url: apiUrl(AuthPaths.me), headers: authHeader(coder.accessToken) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual(coder.body.user);
    expect(me.headers['cache-control']).toBe('no-store');
  });

  it('stores the password as argon2id m=19456,t=2,p=1', async () => {
    const coder = await createUser(t.app, { role: 'CODER' });
    const rows = (await t.app
      .get(DataSource)
      .query('SELECT password_hash FROM app_user WHERE id = $1', [coder.user.id])) as { password_hash: string }[];
    expect((rows[0]?.password_hash ?? '').startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
  });

  it('sets the refresh and CSRF cookies with the __Host- prefix, Secure, SameSite=Strict, Path=/', async () => {
    const coder = await createUser(t.app, { role: 'CODER' });
    const login = await t.app.inject({
      method: 'POST',
      url: apiUrl(AuthPaths.login),
      payload: { username: coder.user.username, password: coder.password },
    });
    const pending = login.json<LoginPending>();
    const done = await t.app.inject({
      method: 'POST',
      url: apiUrl(AuthPaths.mfaVerify),
      payload: { challengeToken: pending.challengeToken, code: await freshTotpCode(t.app, coder.totpSecret) },
    });
    expect(done.statusCode).toBe(200);
    const cookies = done.headers['set-cookie'] as string[];
    const refresh = cookies.find((c) => c.startsWith('__Host-chartdesk-refresh=')) ?? '';
    expect(refresh).toMatch(/; Path=\/;/);
    expect(refresh).toContain('Secure');
    expect(refresh).toContain('SameSite=Strict');
    expect(refresh).toContain('HttpOnly');
    const csrf = cookies.find((c) => c.startsWith('__Host-chartdesk-csrf=')) ?? '';
    expect(csrf).toContain('Secure');
    expect(csrf).not.toContain('HttpOnly');
  });

  it('reaches nothing but the next step before the second factor', async () => {
    const coder = await createUser(t.app, { role: 'CODER' });
    const login = await t.app.inject({
      method: 'POST',
      url: apiUrl(AuthPaths.login),
      payload: { username: coder.user.username, password: coder.password },
    });
    const pending = login.json<LoginPending>();
    expect(pending.stage).toBe('MFA_VERIFY');
    expect(login.headers['set-cookie']).toBeUndefined();
    expect(JSON.stringify(pending)).not.toMatch(/accessToken/);
    const me = await t.app.inject({
      method: 'GET',
      url: apiUrl(AuthPaths.me),
      headers: authHeader(pending.challengeToken),
    });
    expect(me.statusCode).toBe(401);
  });
});
