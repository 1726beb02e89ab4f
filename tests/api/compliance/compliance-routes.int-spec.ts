import { randomUUID } from 'node:crypto';
import { CompliancePaths, type ReportPage, type Role, apiUrl, compliancePath } from '@chartdesk/contracts';
import { DataSource } from 'typeorm';
import { type TestUser, authHeader, createUser } from '../../support/auth';
import { type TestApp, createTestApp } from '../../support/test-app';

const RANGE = `from=${encodeURIComponent('2026-01-01T00:00:00Z')}&to=${encodeURIComponent('2027-01-01T00:00:00Z')}`;
const ID = randomUUID();

/** Every compliance route, with a request that would succeed for compliance. */
const ROUTES: readonly { method: 'GET' | 'POST' | 'PATCH' | 'PUT'; url: string; payload?: object }[] = [
  { method: 'GET', url: `${apiUrl(compliancePath(CompliancePaths.report, { report: 'denials' }))}?${RANGE}` },
  {
    method: 'GET',
    url: `${apiUrl(compliancePath(CompliancePaths.export, { report: 'denials' }))}?${RANGE}&format=csv`,
  },
  { method: 'GET', url: apiUrl(compliancePath(CompliancePaths.exportManifest, { id: ID })) },
  {
    method: 'POST',
    url: apiUrl(CompliancePaths.exportVerify),
    payload: { manifest: {}, sha256: '0'.repeat(64), byteLength: 0, rowCount: 0 },
  },
  { method: 'GET', url: `${apiUrl(CompliancePaths.patientSearch)}?q=smith` },
  { method: 'GET', url: `${apiUrl(CompliancePaths.userSearch)}?q=co` },
  { method: 'GET', url: apiUrl(CompliancePaths.reviewItems) },
  { method: 'GET', url: apiUrl(compliancePath(CompliancePaths.reviewItem, { id: ID })) },
  { method: 'PATCH', url: apiUrl(compliancePath(CompliancePaths.reviewItem, { id: ID })), payload: { version: 1 } },
  { method: 'POST', url: apiUrl(compliancePath(CompliancePaths.reviewItemNotes, { id: ID })), payload: { text: 'x' } },
  { method: 'GET', url: apiUrl(CompliancePaths.anomalyRules) },
  {
    method: 'PUT',
    url: apiUrl(compliancePath(CompliancePaths.anomalyRule, { rule: 'BREAK_GLASS' })),
    payload: { enabled: true, severity: 'MEDIUM', params: {} },
  },
  { method: 'POST', url: apiUrl(CompliancePaths.anomalyScans) },
  { method: 'GET', url: apiUrl(CompliancePaths.dashboard) },
  { method: 'POST', url: apiUrl(CompliancePaths.integrityVerify) },
  { method: 'GET', url: apiUrl(CompliancePaths.integrityCheckpoint) },
];

describe('compliance routes: who may reach them, and what bad input gets', () => {
  let t: TestApp;
  const users = {} as Record<Role, TestUser>;

  beforeAll(async () => {
    t = await createTestApp({ ANOMALY_SCAN_SETTLE_SECONDS: '0' });
    for (const role of ['CODER', 'SUPERVISOR', 'ADMIN', 'COMPLIANCE'] as const) {
      users[role] = await createUser(t.app, { role });
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  describe.each(['CODER', 'SUPERVISOR', 'ADMIN'] as const)('%s', (role) => {
    it.each(ROUTES.map((r) => [`${r.method} ${r.url.split('?')[0]}`, r] as const))(
      'is refused %s with 403 and nothing is written',
      async (_name, route) => {
        const ds = t.app.get(DataSource);
        const before = (await ds.query('SELECT count(*)::int AS n FROM review_item')) as { n: number }[];
        const res = await t.app.inject({
          method: route.method,
          url: route.url,
          payload: route.payload,
          headers: authHeader(users[role].accessToken),
        });
        expect(res.statusCode).toBe(403);
        expect(res.body).not.toMatch(/event_id|AuditEvent/);
        const after = (await ds.query('SELECT count(*)::int AS n FROM review_item')) as { n: number }[];
        expect(after[0]?.n).toBe(before[0]?.n);
      },
    );
  });

  it.each(ROUTES.map((r) => [`${r.method} ${r.url.split('?')[0]}`, r] as const))(
    'refuses %s without a token (401)',
    async (_name, route) => {
      const res = await t.app.inject({ method: route.method, url: route.url, payload: route.payload });
      expect(res.statusCode).toBe(401);
    },
  );

  const reportUrl = (query: string): string =>
    `${apiUrl(compliancePath(CompliancePaths.report, { report: 'denials' }))}?${RANGE}&${query}`;

  it.each([
    ['an SQL fragment as sort column', 'sort=recorded_at%3B%20DROP%20TABLE%20audit_event%3B--'],
    ['a real but unlisted column', 'sort=actor_user_id'],
    ['a CASE expression', 'sort=(CASE%20WHEN%201%3D1%20THEN%20id%20END)'],
    ['an SQL direction', 'direction=desc%2C%20(SELECT%201)'],
    ['an oversize page', 'limit=100000'],
    ['an unknown parameter', 'orderBy=id'],
    ['a forged cursor', `cursor=${Buffer.from('["denials:desc","x\'; --","1"]').toString('base64url')}`],
  ])('answers %s with 400', async (_name, query) => {
    const ds = t.app.get(DataSource);
    const res = await t.app.inject({
      method: 'GET',
      url: reportUrl(query),
      headers: authHeader(users.COMPLIANCE.accessToken),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ statusCode: 400 });
    expect(res.body).not.toMatch(/at .*\.ts:\d+|stack/i);
    // The table is still there and still answers.
    await expect(ds.query('SELECT count(*) FROM audit_event')).resolves.toBeDefined();
  });

  it('answers a review-queue sort injection with 400', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `${apiUrl(CompliancePaths.reviewItems)}?sort=created_at%20desc%3B%20DELETE%20FROM%20review_item`,
      headers: authHeader(users.COMPLIANCE.accessToken),
    });
    expect(res.statusCode).toBe(400);
  });

  it('needs a patient for the patient access report and a user for the user activity report', async () => {
    for (const report of ['patient-access', 'user-activity']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `${apiUrl(compliancePath(CompliancePaths.report, { report }))}?${RANGE}`,
        headers: authHeader(users.COMPLIANCE.accessToken),
      });
      expect(res.statusCode).toBe(400);
    }
  });

  it('refuses an unknown report name and a backwards or oversize range', async () => {
    const h = authHeader(users.COMPLIANCE.accessToken);
    const unknown = await t.app.inject({
      method: 'GET',
      url: `${apiUrl(compliancePath(CompliancePaths.report, { report: 'everything' }))}?${RANGE}`,
      headers: h,
    });
    expect(unknown.statusCode).toBe(400);
    const backwards = await t.app.inject({
      method: 'GET',
      url: `${apiUrl(compliancePath(CompliancePaths.report, { report: 'denials' }))}?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z`,
      headers: h,
    });
    expect(backwards.statusCode).toBe(400);
    const huge = await t.app.inject({
      method: 'GET',
      url: `${apiUrl(compliancePath(CompliancePaths.report, { report: 'denials' }))}?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z`,
      headers: h,
    });
    expect(huge.statusCode).toBe(400);
  });

  it('lets compliance run a report, and audits the run with its filters', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `${apiUrl(compliancePath(CompliancePaths.report, { report: 'failed-logins' }))}?${RANGE}&limit=5`,
      headers: authHeader(users.COMPLIANCE.accessToken),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const page = res.json<ReportPage>();
    expect(page.report).toBe('failed-logins');
    const [event] = (await t.app
      .get(DataSource)
      .query(
        `SELECT details FROM audit_event WHERE action = 'REPORT_RUN' AND actor_user_id = $1 ORDER BY id DESC LIMIT 1`,
        [users.COMPLIANCE.user.id],
      )) as { details: Record<string, unknown> }[];
    expect(event?.details).toMatchObject({
      report: 'failed-logins',
      filters: { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' },
      rows: page.rows.length,
    });
  });
});
