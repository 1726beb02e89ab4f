import { createHmac } from 'node:crypto';
import { AuthPaths, apiUrl } from '@chartdesk/contracts';
import { IDENTITY_KEYS, type IdentityKeys } from '@chartdesk/api-identity';
import { sign } from 'jsonwebtoken';
import { DataSource } from 'typeorm';
import { type TestApp, createTestApp } from '../support/test-app';
import { type TestUser, authHeader, createUser } from '../support/auth';

const b64url = (v: unknown): string => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

/** Every forged or misused token is refused with the same 401, before any handler runs. */
describe('access token forgery (real AppModule, real PostgreSQL)', () => {
  let t: TestApp;
  let keys: IdentityKeys;
  let coder: TestUser;
  let claims: Record<string, unknown>;

  const me = (token: string) => t.app.inject({ method: 'GET', url: apiUrl(AuthPaths.me), headers: authHeader(token) });

  const signWithRealKey = (payload: Record<string, unknown>, header: Record<string, unknown> = {}) =>
    sign(payload, keys.jwtPrivateKeyPem, { algorithm: 'ES256', header: { alg: 'ES256', typ: 'at+jwt', ...header } });

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
    keys = t.app.get<IdentityKeys>(IDENTITY_KEYS);
    coder = await createUser(t.app, { role: 'CODER' });
    const [, payload] = coder.accessToken.split('.');
    claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('accepts the genuine token (control)', async () => {
    expect((await me(coder.accessToken)).statusCode).toBe(200);
    expect(claims).toMatchObject({
      sub: coder.user.id,
      role: 'CODER',
      typ: 'access',
      iss: 'chartdesk',
      aud: 'chartdesk-api',
    });
    expect(typeof claims['sid']).toBe('string');
  });

  it('refuses alg "none"', async () => {
    const token = `${b64url({ alg: 'none', typ: 'at+jwt' })}.${b64url(claims)}.`;
    expect((await me(token)).statusCode).toBe(401);
  });

  it('refuses HS256 signed with the public key (algorithm confusion)', async () => {
    const head = `${b64url({ alg: 'HS256', typ: 'at+jwt' })}.${b64url(claims)}`;
    const mac = createHmac('sha256', keys.jwtPublicKeyPem).update(head).digest('base64url');
    expect((await me(`${head}.${mac}`)).statusCode).toBe(401);
  });

  it('refuses a wrong issuer, audience or token type even with the real key', async () => {
    for (const change of [{ iss: 'someone-else' }, { aud: 'another-api' }, { typ: 'refresh' }, { typ: undefined }]) {
      expect((await me(signWithRealKey({ ...claims, ...change }))).statusCode).toBe(401);
    }
  });

  it('refuses an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await me(signWithRealKey({ ...claims, iat: now - 1200, exp: now - 600 }))).statusCode).toBe(401);
  });

  it('refuses a tampered payload (role raised to ADMIN, signature kept)', async () => {
    const [h, , s] = coder.accessToken.split('.');
    const tampered = `${h}.${b64url({ ...claims, role: 'ADMIN' })}.${s}`;
    expect((await me(tampered)).statusCode).toBe(401);
    const adminList = await t.app.inject({ method: 'GET', url: '/api/admin/users', headers: authHeader(tampered) });
    expect(adminList.statusCode).toBe(401);
  });

  it('refuses a validly signed token whose role claim differs from the user’s role', async () => {
    expect((await me(signWithRealKey({ ...claims, role: 'ADMIN' }))).statusCode).toBe(401);
  });

  it('refuses the refresh token and the CSRF token used as access tokens', async () => {
    expect((await me(coder.refreshToken)).statusCode).toBe(401);
    expect((await me(coder.csrfToken)).statusCode).toBe(401);
  });

  it('refuses a token for a session that was revoked, at once', async () => {
    const other = await createUser(t.app, { role: 'CODER' });
    expect((await me(other.accessToken)).statusCode).toBe(200);
    await t.app
      .get(DataSource)
      .query("UPDATE user_session SET revoked_at = now(), revoked_reason = 'test' WHERE user_id = $1", [other.user.id]);
    expect((await me(other.accessToken)).statusCode).toBe(401);
  });

  it('refuses a token naming another user’s session', async () => {
    const other = await createUser(t.app, { role: 'CODER' });
    const otherSid = JSON.parse(Buffer.from(other.accessToken.split('.')[1] ?? '', 'base64url').toString())
      .sid as string;
    expect((await me(signWithRealKey({ ...claims, sid: otherSid }))).statusCode).toBe(401);
  });

  it('answers every refusal with the same body shape and no detail', async () => {
    const res = await me('not.a.jwt');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ statusCode: 401, error: 'Unauthorized', code: 'UNAUTHENTICATED' });
    expect(res.body).not.toMatch(/jwt|signature|expired|algorithm/i);
  });
});
