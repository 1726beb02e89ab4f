import { ApiPaths, AuthPaths, CompliancePaths, RecordsPaths, apiUrl, compliancePath } from '@chartdesk/contracts';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { type TestUser, authHeader, createUser } from '../../support/auth';
import { PgFaultProxy } from '../../support/pg-fault-proxy';
import { type TestApp, createTestApp } from '../../support/test-app';
import { assign, createChart } from '../records/records-fixtures';

const chartUrl = (id: string): string => `/api/${RecordsPaths.chart.replace(':id', id)}`;
const range = `from=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}&to=${encodeURIComponent(
  new Date(Date.now() + 3_600_000).toISOString(),
)}`;

/**
 * The real PostgreSQL behind a TCP proxy this test controls: the server
 * killed, frozen (TCP open, nothing answers) and the audit chain heads locked
 * by another session. Authenticated requests must answer 503 with
 * Retry-After within 5 s — never 401, which would sign the user out — serve
 * nothing without its audit row, and recover by themselves.
 */
describe('database outages answer 503 fast and keep the session (fault injection)', () => {
  let proxy: Awaited<ReturnType<typeof PgFaultProxy.start>>;
  let t: TestApp;
  let coder: TestUser;
  let officer: TestUser;
  let encounterId: string;
  let patientId: string;

  beforeAll(async () => {
    proxy = await PgFaultProxy.start(process.env['CHARTDESK_TEST_DB_URL'] ?? '');
    // The production defaults, set explicitly (tests otherwise allow slow statements).
    t = await createTestApp({
      DATABASE_URL: proxy.url,
      DB_STATEMENT_TIMEOUT_MS: '4000',
      DB_LOCK_TIMEOUT_MS: '2000',
      DB_CONNECT_TIMEOUT_MS: '3000',
    });
    coder = await createUser(t.app, { role: 'CODER' });
    officer = await createUser(t.app, { role: 'COMPLIANCE' });
    const chart = await createChart(t.app);
    encounterId = chart.encounterId;
    patientId = chart.patientId;
    await assign(t.app, encounterId, coder.user.id);
  });
  afterAll(async () => {
    await proxy?.restore();
    await t?.close();
    await proxy?.close();
  });

  /** Audit rows of chart reads, counted on a direct connection (not through the proxy). */
  async function chartReadAudits(): Promise<number> {
    const c = new Client({ connectionString: process.env['CHARTDESK_TEST_DB_URL'] });
    await c.connect();
    try {
      const { rows } = await c.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'CHART_VIEWED' AND resource_id = $1`,
        [encounterId],
      );
      return rows[0]?.n ?? 0;
    } finally {
      await c.end();
    }
  }

  async function timed(method: 'GET', url: string, user?: TestUser) {
    const started = Date.now();
    const res = await t.app.inject({ method, url, headers: user ? authHeader(user.accessToken) : {} });
    return { res, ms: Date.now() - started };
  }

  /** Asks until the chart opens again: the app recovers without a restart. */
  async function recovers(): Promise<number> {
    const started = Date.now();
    for (;;) {
      const { res } = await timed('GET', chartUrl(encounterId), coder);
      if (res.statusCode === 200) return Date.now() - started;
      expect(res.statusCode).toBe(503);
      if (Date.now() - started > 20_000) throw new Error('did not recover within 20 s');
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  function expectOutage(res: { statusCode: number; headers: Record<string, unknown>; body: string }): void {
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body).not.toMatch(/Testfamily|Pat|123-45/);
  }

  it('works before any fault', async () => {
    expect((await timed('GET', chartUrl(encounterId), coder)).res.statusCode).toBe(200);
  });

  it('server killed: 503 (not 401) at once, health 503, then the same token works again', async () => {
    const before = await chartReadAudits();
    await proxy.kill();
    for (const url of [chartUrl(encounterId), apiUrl(AuthPaths.me)]) {
      const { res, ms } = await timed('GET', url, coder);
      expectOutage(res);
      expect(res.json()).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
      expect(ms).toBeLessThan(5000);
    }
    expect((await timed('GET', apiUrl(ApiPaths.healthReady))).res.statusCode).toBe(503);
    expect(await chartReadAudits()).toBe(before);
    await proxy.restore();
    await recovers();
    expect(await chartReadAudits()).toBe(before + 1);
  });

  it('server frozen: 503 within 5 s instead of hanging for the outage, then recovers by itself', async () => {
    const before = await chartReadAudits();
    proxy.pause();
    const results = await Promise.all([
      timed('GET', chartUrl(encounterId), coder),
      timed('GET', apiUrl(AuthPaths.me), coder),
      timed('GET', apiUrl(ApiPaths.healthReady)),
    ]);
    for (const { res, ms } of results) {
      expect(res.statusCode).toBe(503);
      expect(ms).toBeLessThan(5000);
    }
    // Still frozen: a second wave fails as fast (stalled connections were dropped, not reused).
    const second = await timed('GET', chartUrl(encounterId), coder);
    expectOutage(second.res);
    expect(second.ms).toBeLessThan(5000);
    await proxy.restore();
    const ms = await recovers();
    expect(ms).toBeLessThan(10_000);
    expect(await chartReadAudits()).toBe(before + 1);
  });

  it('audit chain heads locked by another session: chart read and export fail closed with 503, then recover', async () => {
    const before = await chartReadAudits();
    const locker = new Client({ connectionString: process.env['CHARTDESK_TEST_DB_URL'] });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE audit_chain_head IN EXCLUSIVE MODE');
      const read = await timed('GET', chartUrl(encounterId), coder);
      expectOutage(read.res);
      expect(read.res.json()).toMatchObject({ code: 'AUDIT_UNAVAILABLE' });
      expect(read.ms).toBeLessThan(5000);
      const exportUrl = `${apiUrl(compliancePath(CompliancePaths.export, { report: 'patient-access' }))}?${range}&patientId=${patientId}&format=csv`;
      const exported = await timed('GET', exportUrl, officer);
      expectOutage(exported.res);
      expect(exported.ms).toBeLessThan(5000);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    expect(await chartReadAudits()).toBe(before);
    await recovers();
    expect(await chartReadAudits()).toBe(before + 1);
  });

  it('kept every session: the signed-in users were never signed out', async () => {
    const [row] = (await t.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM user_session WHERE user_id = ANY($1) AND revoked_at IS NULL', [
        [coder.user.id, officer.user.id],
      ])) as { n: number }[];
    expect(row?.n).toBe(2);
    for (const user of [coder, officer]) {
      expect((await timed('GET', apiUrl(AuthPaths.me), user)).res.statusCode).toBe(200);
    }
  });
});
