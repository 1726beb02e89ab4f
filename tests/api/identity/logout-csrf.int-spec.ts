import { AuthPaths, CSRF_COOKIE, CSRF_HEADER, REFRESH_COOKIE, apiUrl } from '@chartdesk/contracts';
import { type TestApp, createTestApp } from '../../support/test-app';
import { SAME_ORIGIN, authHeader, cookieAuthHeaders, createUser } from '../../support/auth';

/** Logout either really ends the session or refuses; it never says "signed out" and leaves it alive. */
describe('logout and its anti-forgery token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const logout = (headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: apiUrl(AuthPaths.logout), headers });
  const me = (token: string) => t.app.inject({ method: 'GET', url: apiUrl(AuthPaths.me), headers: authHeader(token) });

  it('refuses a forged CSRF value (cookie and header agreeing) with 403, keeping cookies and session', async () => {
    const coder = await createUser(t.app, { role: 'CODER' });
    const forged = 'f'.repeat(coder.csrfToken.length);
    const res = await logout({
      cookie: `${REFRESH_COOKIE}=${coder.refreshToken}; ${CSRF_COOKIE}=${forged}`,
      origin: SAME_ORIGIN,
      [CSRF_HEADER]: forged,
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect((await me(coder.accessToken)).statusCode).toBe(200);
  });

  it('ends the session with the right value, and answers an already-ended one idempotently', async () => {
    const coder = await createUser(t.app, { role: 'CODER' });
    const res = await logout(cookieAuthHeaders(coder));
    expect(res.statusCode).toBe(204);
    expect(String(res.headers['set-cookie'])).toContain(`${REFRESH_COOKIE}=;`);
    expect((await me(coder.accessToken)).statusCode).toBe(401);
    expect((await logout(cookieAuthHeaders(coder))).statusCode).toBe(204);
  });
});
