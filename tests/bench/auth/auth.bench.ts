import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../support/app-process';
import { createUser } from '../../support/auth';
import { type TestApp, createTestApp } from '../../support/test-app';
import { type TestDatabase, createTestDatabase } from '../../support/test-database';
import { progress, reportBench } from '../support/report';

const run = promisify(execFile);
const SECONDS = Number(process.env['AUTH_BENCH_SECONDS'] ?? 8);

interface Load {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  non2xx: number;
  errors: number;
}

async function load(cfg: {
  baseUrl: string;
  method: 'GET' | 'POST';
  path: string;
  token?: string;
  connections: number;
  seconds: number;
}): Promise<Load> {
  const { stdout } = await run(process.execPath, [join(__dirname, 'load-runner.js'), JSON.stringify(cfg)], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as Load;
}

/**
 * What authentication costs per request, and whether a sign-in flood starves
 * other requests. Ratios against baselines measured in the same run:
 * - authenticated /api/auth/me (JWT verify + live session and user read + the handler's read)
 *   against public /api/health/ready (one database round trip);
 * - /api/health/live latency during a flood of argon2id logins against the same latency at rest.
 */
describe('auth benchmark', () => {
  let db: TestDatabase;
  let t: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    db = await createTestDatabase('chartdesk_bench_auth');
    t = await createTestApp({ DATABASE_URL: db.url ?? '', DB_POOL_SIZE: '16', LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
    const port = await freePort();
    await t.app.listen({ port, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('prints per-request auth overhead and login-flood isolation', async () => {
    const coder = await createUser(t.app, { role: 'CODER' });
    progress('warm-up');
    await load({ baseUrl, method: 'GET', path: '/api/auth/me', token: coder.accessToken, connections: 16, seconds: 2 });

    progress('baseline: GET /api/health/ready (public, one DB round trip)');
    const ready = await load({ baseUrl, method: 'GET', path: '/api/health/ready', connections: 16, seconds: SECONDS });
    progress('GET /api/auth/me (access token + live session check)');
    const me = await load({
      baseUrl,
      method: 'GET',
      path: '/api/auth/me',
      token: coder.accessToken,
      connections: 16,
      seconds: SECONDS,
    });
    expect(me.non2xx + me.errors + ready.non2xx + ready.errors).toBe(0);

    progress('baseline: GET /api/health/live latency at rest');
    const idle = await load({ baseUrl, method: 'GET', path: '/api/health/live', connections: 4, seconds: SECONDS });
    progress('GET /api/health/live latency during a login flood');
    const [flood, during] = await Promise.all([
      load({ baseUrl, method: 'POST', path: '/api/auth/login', connections: 64, seconds: SECONDS }),
      load({ baseUrl, method: 'GET', path: '/api/health/live', connections: 4, seconds: SECONDS }),
    ]);

    reportBench('auth', {
      seconds: SECONDS,
      authenticatedVsPublicThroughput: +(me.reqPerSec / ready.reqPerSec).toFixed(3),
      meReqPerSec: Math.round(me.reqPerSec),
      readyReqPerSec: Math.round(ready.reqPerSec),
      meP99Ms: me.p99Ms,
      loginFlood: {
        loginsPerSec: +flood.reqPerSec.toFixed(1),
        loginP99Ms: flood.p99Ms,
        liveP99AtRestMs: idle.p99Ms,
        liveP99DuringFloodMs: during.p99Ms,
        liveP99Ratio: +(during.p99Ms / Math.max(1, idle.p99Ms)).toFixed(2),
        liveThroughputRatio: +(during.reqPerSec / idle.reqPerSec).toFixed(3),
      },
    });
  });
});
