import { randomBytes } from 'node:crypto';
import { AuditVerifier } from '@chartdesk/api-audit';
import { RecordsPaths } from '@chartdesk/contracts';
import { Client } from 'pg';
import { type TestUser, authHeader, createUser } from '../../support/auth';
import { type TestApp, createTestApp } from '../../support/test-app';
import { assign, createChart } from '../records/records-fixtures';

const TOKEN = randomBytes(32).toString('hex');

/** Prometheus metrics for the operations team: only with the monitoring token, and never an id or a name. */
describe('GET /api/metrics', () => {
  let t: TestApp;
  let coder: TestUser;
  let encounterId: string;

  beforeAll(async () => {
    t = await createTestApp({ METRICS_TOKEN: TOKEN, DB_STATEMENT_TIMEOUT_MS: '4000', DB_LOCK_TIMEOUT_MS: '300' });
    coder = await createUser(t.app, { role: 'CODER' });
    encounterId = (await createChart(t.app)).encounterId;
    await assign(t.app, encounterId, coder.user.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  const scrape = (authorization?: string) =>
    t.app.inject({ method: 'GET', url: '/api/metrics', headers: authorization ? { authorization } : {} });

  it("refuses without the token, with a wrong one, and with a signed-in user's access token", async () => {
    expect((await scrape()).statusCode).toBe(401);
    expect((await scrape(`Bearer ${'x'.repeat(64)}`)).statusCode).toBe(401);
    expect((await scrape(`Bearer ${coder.accessToken}`)).statusCode).toBe(401);
  });

  it('counts requests by route template and status, times them, and shows the pool', async () => {
    const chartUrl = `/api/${RecordsPaths.chart.replace(':id', encounterId)}`;
    for (let i = 0; i < 3; i++) {
      expect(
        (await t.app.inject({ method: 'GET', url: chartUrl, headers: authHeader(coder.accessToken) })).statusCode,
      ).toBe(200);
    }
    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const text = res.body;
    expect(text).toMatch(/chartdesk_http_requests_total\{method="GET",route="\/api\/charts\/:id",status="200"\} 3/);
    expect(text).toMatch(
      /chartdesk_http_request_duration_seconds_count\{method="GET",route="\/api\/charts\/:id",status_class="2xx"\} 3/,
    );
    expect(text).toMatch(/chartdesk_db_pool_max_connections 5/);
    expect(text).toMatch(/chartdesk_db_pool_connections [1-5]/);
    expect(text).toMatch(/chartdesk_audit_write_duration_seconds_count [1-9]/);
    // Templates only: no concrete id, username or patient name reaches a label.
    expect(text).not.toContain(encounterId);
    expect(text).not.toContain(coder.user.username);
  });

  it('counts audit write failures and shows the last chain verification', async () => {
    const locker = new Client({ connectionString: process.env['CHARTDESK_TEST_DB_URL'] });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE audit_chain_head IN EXCLUSIVE MODE');
      const chartUrl = `/api/${RecordsPaths.chart.replace(':id', encounterId)}`;
      const refused = await t.app.inject({ method: 'GET', url: chartUrl, headers: authHeader(coder.accessToken) });
      expect(refused.statusCode).toBe(503);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    await t.app.get(AuditVerifier).verify();
    const text = (await scrape(`Bearer ${TOKEN}`)).body;
    expect(text).toMatch(/chartdesk_audit_write_failures_total\{pg_code="55P03"\} 1/);
    expect(text).toMatch(/chartdesk_http_requests_total\{method="GET",route="\/api\/charts\/:id",status="503"\} 1/);
    expect(text).toMatch(/chartdesk_audit_chain_verification_ok [01]/);
    expect(text).toMatch(/chartdesk_audit_chain_verification_timestamp_seconds \d/);
  });

  it('does not exist without a configured token', async () => {
    const off = await createTestApp();
    try {
      expect((await off.app.inject({ method: 'GET', url: '/api/metrics' })).statusCode).toBe(404);
    } finally {
      await off.close();
    }
  });
});
