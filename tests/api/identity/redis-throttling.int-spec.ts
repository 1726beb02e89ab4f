import { randomInt } from 'node:crypto';
import { AuthPaths, apiUrl } from '@chartdesk/contracts';
import { type TestApp, createTestApp } from '../../support/test-app';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** Two API instances sharing Redis throttle sign-ins per IP as one. */
describe('per-IP sign-in throttling shared through Redis', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    const env = { REDIS_URL, LOGIN_RATE_LIMIT_PER_MINUTE: '6' };
    a = await createTestApp(env);
    b = await createTestApp(env);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('counts attempts from one address across both instances', async () => {
    // A fresh address per run: counters live in Redis for a minute.
    const ip = `198.51.100.${randomInt(1, 254)}`;
    const attempt = (t: TestApp, i: number) =>
      t.app.inject({
        method: 'POST',
        url: apiUrl(AuthPaths.login),
        payload: { username: `redis-probe-${Date.now()}-${i}`, password: 'not the password at all' },
        remoteAddress: ip,
      });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await attempt(i % 2 === 0 ? a : b, i)).statusCode);
    expect(statuses.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(statuses.slice(6)).toEqual([429, 429]);
  });
});
