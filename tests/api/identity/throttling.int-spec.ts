import { AuthPaths, type LoginPending, apiUrl } from '@chartdesk/contracts';
import { Clock, totpCodeAt } from '@chartdesk/api-identity';
import { DataSource } from 'typeorm';
import { type TestApp, createTestApp } from '../../support/test-app';
import { createUser, freshTotpCode, signIn } from '../../support/auth';

describe('throttling, lockout and single-use TOTP', () => {
  let t: TestApp;
  let clock: Clock;
  let ip = 1;

  /** Each call from its own address, so the per-IP limit does not hide the per-account rules. */
  const login = (username: string, password: string, remoteAddress = `10.0.0.${ip++ % 250}`) =>
    t.app.inject({ method: 'POST', url: apiUrl(AuthPaths.login), payload: { username, password }, remoteAddress });
  const at = (ms: number): void => {
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(ms));
  };
  const audits = async (action: string): Promise<number> => {
    const rows = (await t.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM audit_event WHERE action = $1', [action])) as { n: number }[];
    return rows[0]?.n ?? 0;
  };

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
    clock = t.app.get(Clock);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await t?.close();
  });

  it('answers a wrong password and an unknown username the same way', async () => {
    const coder = await createUser(t.app, { role: 'CODER' });
    const wrong = await login(coder.user.username, 'definitely not the password');
    const unknown = await login('nobody-by-this-name', 'definitely not the password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
  });

  it('delays progressively, then locks for 15 minutes after 10 failures, and audits the lock', async () => {
    const coder = await createUser(t.app, { role: 'CODER' });
    const locksBefore = await audits('LOGIN_LOCKED');
    let now = Date.now();
    for (let i = 1; i <= 10; i++) {
      at(now);
      expect((await login(coder.user.username, `wrong password number ${i}`)).statusCode).toBe(401);
      if (i >= 5) {
        // Straight away again: refused without checking the password.
        expect((await login(coder.user.username, coder.password)).statusCode).toBe(429);
      }
      now += 20_000; // beyond the longest delay before the lock (16 s)
    }
    expect(await audits('LOGIN_LOCKED')).toBe(locksBefore + 1);
    at(now + 14 * 60_000);
    const locked = await login(coder.user.username, coder.password);
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'RATE_LIMITED' });
    at(now + 16 * 60_000);
    const after = await login(coder.user.username, coder.password);
    expect(after.statusCode).toBe(200);
    expect(after.json<LoginPending>().stage).toBe('MFA_VERIFY');
  });

  it('locks unknown usernames exactly like real ones', async () => {
    const now = Date.now();
    for (let i = 1; i <= 10; i++) {
      at(now + i * 20_000);
      expect((await login('ghost-user-xyz', 'some wrong password')).statusCode).toBe(401);
    }
    at(now + 11 * 20_000);
    expect((await login('ghost-user-xyz', 'some wrong password')).statusCode).toBe(429);
  });

  it('counts wrong TOTP codes toward the same lock and audits MFA failures', async () => {
    const coder = await createUser(t.app, { role: 'CODER' });
    const before = await audits('MFA_FAILED');
    const first = await login(coder.user.username, coder.password);
    const bad = await t.app.inject({
      method: 'POST',
      url: apiUrl(AuthPaths.mfaVerify),
      payload: { challengeToken: first.json<LoginPending>().challengeToken, code: '000000' },
    });
    expect(bad.statusCode).toBe(401);
    expect(await audits('MFA_FAILED')).toBe(before + 1);
    const rows = (await t.app
      .get(DataSource)
      .query('SELECT consecutive_failures FROM login_throttle WHERE username_key = $1', [coder.user.username])) as {
      consecutive_failures: number;
    }[];
    expect(rows[0]?.consecutive_failures).toBe(1);
  });

  it('accepts a TOTP code once: the same code replayed in a new sign-in is refused', async () => {
    const coder = await createUser(t.app, { role: 'CODER' });
    const code = await freshTotpCode(t.app, coder.totpSecret);
    const a = await login(coder.user.username, coder.password);
    const ok = await t.app.inject({
      method: 'POST',
      url: apiUrl(AuthPaths.mfaVerify),
      payload: { challengeToken: a.json<LoginPending>().challengeToken, code },
    });
    expect(ok.statusCode).toBe(200);
    const b = await login(coder.user.username, coder.password);
    const replay = await t.app.inject({
      method: 'POST',
      url: apiUrl(AuthPaths.mfaVerify),
      payload: { challengeToken: b.json<LoginPending>().challengeToken, code },
    });
    expect(replay.statusCode).toBe(401);
    // An older code (previous step) is refused as well once a newer one was used.
    const older = await totpCodeAt(coder.totpSecret, Math.floor(Date.now() / 1000) - 30);
    const replayOlder = await t.app.inject({
      method: 'POST',
      url: apiUrl(AuthPaths.mfaVerify),
      payload: { challengeToken: b.json<LoginPending>().challengeToken, code: older },
    });
    expect(replayOlder.statusCode).toBe(401);
  });

  it('drops a challenge after 5 wrong codes: the password is needed again', async () => {
    const coder = await createUser(t.app, { role: 'CODER' });
    const first = await login(coder.user.username, coder.password);
    const challengeToken = first.json<LoginPending>().challengeToken;
    for (let i = 0; i < 5; i++) {
      await t.app.inject({
        method: 'POST',
        url: apiUrl(AuthPaths.mfaVerify),
        payload: { challengeToken, code: '111111' },
      });
    }
    const good = await t.app.inject({
      method: 'POST',
      url: apiUrl(AuthPaths.mfaVerify),
      payload: { challengeToken, code: await freshTotpCode(t.app, coder.totpSecret) },
    });
    expect(good.statusCode).toBe(401);
    expect(good.json().message).toMatch(/expired/);
  });

  it('throttles sign-in attempts per IP address', async () => {
    const small = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '5' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await small.app.inject({
          method: 'POST',
          url: apiUrl(AuthPaths.login),
          payload: { username: `someone-${i}`, password: 'whatever it is here' },
          remoteAddress: '192.0.2.7',
        });
        statuses.push(res.statusCode);
      }
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.slice(5)).toEqual([429, 429]);
      const otherIp = await small.app.inject({
        method: 'POST',
        url: apiUrl(AuthPaths.login),
        payload: { username: 'someone-else', password: 'whatever it is here' },
        remoteAddress: '192.0.2.8',
      });
      expect(otherIp.statusCode).toBe(401);
    } finally {
      await small.close();
    }
  });

  it('signs in again normally after a success clears the counter', async () => {
    const coder = await createUser(t.app, { role: 'CODER' });
    for (let i = 0; i < 3; i++) await login(coder.user.username, 'not the right one at all');
    await signIn(t.app, coder.user.username, coder.password, coder.totpSecret);
    const rows = (await t.app
      .get(DataSource)
      .query('SELECT 1 FROM login_throttle WHERE username_key = $1', [coder.user.username])) as unknown[];
    expect(rows).toEqual([]);
  });
});
