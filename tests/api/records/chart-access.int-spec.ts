import { type ChartView, type DocumentView, RecordsPaths } from '@chartdesk/contracts';
import { type TestUser, createUser } from '../../support/auth';
import { type TestApp, createTestApp } from '../../support/test-app';
import { type ChartFixture, assign, auditFor, createChart, createTeam } from './records-fixtures';

const chartUrl = (id: string): string => `/api/${RecordsPaths.chart.replace(':id', id)}`;
const docUrl = (id: string, docId: string): string =>
  `/api/${RecordsPaths.chartDocument.replace(':id', id).replace(':docId', docId)}`;
const NONEXISTENT = '00000000-0000-4000-8000-000000000000';

describe('GET /api/charts/:id and its documents (policy, projection, audit)', () => {
  let t: TestApp;
  let coder: TestUser;
  let teammate: TestUser;
  let otherTeamCoder: TestUser;
  let supervisor: TestUser;
  let compliance: TestUser;
  let admin: TestUser;
  const c: Record<string, ChartFixture> = {};
  const chart = (key: string): ChartFixture => {
    const found = c[key];
    if (!found) throw new Error(`no fixture ${key}`);
    return found;
  };
  const assignmentIds: Record<string, string> = {};

  const get = (user: TestUser | null, url: string) =>
    t.app.inject({
      method: 'GET',
      url,
      headers: user ? { authorization: `Bearer ${user.accessToken}` } : {},
    });

  beforeAll(async () => {
    t = await createTestApp();
    const teamA = await createTeam(t.app);
    const teamB = await createTeam(t.app);
    c['own'] = await createChart(t.app);
    coder = await createUser(t.app, { role: 'CODER', teamId: teamA, linkedPatientIds: [chart('own').patientId] });
    teammate = await createUser(t.app, { role: 'CODER', teamId: teamA });
    otherTeamCoder = await createUser(t.app, { role: 'CODER', teamId: teamB });
    supervisor = await createUser(t.app, { role: 'SUPERVISOR', teamId: teamA });
    compliance = await createUser(t.app, { role: 'COMPLIANCE' });
    admin = await createUser(t.app, { role: 'ADMIN' });
    c['assigned'] = await createChart(t.app, { documents: [{}, { type: 'DISCHARGE_SUMMARY' }] });
    c['another'] = await createChart(t.app);
    c['otherTeam'] = await createChart(t.app);
    c['pool'] = await createChart(t.app);
    c['aboveClearance'] = await createChart(t.app, { documents: [{}, { labels: ['HIV_STI'] }] });
    c['part2'] = await createChart(t.app, { encounterLabels: ['SUBSTANCE_USE_PART2'] });
    c['mixed'] = await createChart(t.app, { documents: [{}, { labels: ['BEHAVIORAL_HEALTH'] }] });
    assignmentIds['assigned'] = await assign(t.app, chart('assigned').encounterId, coder.user.id);
    await assign(t.app, chart('another').encounterId, teammate.user.id);
    await assign(t.app, chart('otherTeam').encounterId, otherTeamCoder.user.id);
    await assign(t.app, chart('aboveClearance').encounterId, coder.user.id);
    await assign(t.app, chart('own').encounterId, coder.user.id);
    await assign(t.app, chart('part2').encounterId, coder.user.id);
    await assign(t.app, chart('mixed').encounterId, teammate.user.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('opens the assigned chart for its coder, minimum necessary, no-store, audited with the assignment id', async () => {
    const res = await get(coder, chartUrl(chart('assigned').encounterId));
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const view = res.json<ChartView>();
    expect(view.patient).toEqual({
      name: { family: chart('assigned').familyName, given: 'Pat' },
      mrn: chart('assigned').mrn,
      ageAtService: 65,
      sex: 'female',
      payer: 'Acme Health',
    });
    expect(view.access).toEqual({ basis: 'ASSIGNMENT', expiresAt: null });
    expect(view.documents).toHaveLength(2);
    expect(view.lists).toEqual([{ kind: 'PROBLEM', text: 'Essential hypertension', detail: null }]);
    // Never SSN, address, phone, email or member id — not under any key.
    // Nor the date of birth: the age at service is what coding needs (minimum necessary).
    expect(res.body).not.toMatch(/123-45-6789|Secret Lane|555-0100|@example\.test|MEMBER|1960-05-20/);
    expect(Object.keys(view.patient).sort()).toEqual(['ageAtService', 'mrn', 'name', 'payer', 'sex'].sort());
    const audit = await auditFor(t.app, coder.user.id, chart('assigned').encounterId);
    expect(audit).toEqual([
      {
        action: 'CHART_VIEWED',
        outcome: 'success',
        outcome_reason: null,
        purpose: assignmentIds['assigned'],
        patient_id: chart('assigned').patientId,
      },
    ]);
  });

  it('lets the coder read a document of the assigned chart, audited as DOCUMENT_VIEWED', async () => {
    const docId = chart('assigned').documentIds[0] as string;
    const res = await get(coder, docUrl(chart('assigned').encounterId, docId));
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const doc = res.json<DocumentView>();
    expect(doc.text).toBe(`Clinical text 0 for ${chart('assigned').familyName}`);
    expect((await auditFor(t.app, coder.user.id, docId)).map((a) => [a.action, a.purpose])).toEqual([
      ['DOCUMENT_VIEWED', assignmentIds['assigned']],
    ]);
  });

  const coderDenials: [string, string, string][] = [
    ["another coder's chart", 'another', 'NOT_ASSIGNED'],
    ["another team's chart", 'otherTeam', 'NOT_ASSIGNED'],
    ['an unassigned chart', 'pool', 'NOT_ASSIGNED'],
    ['a chart above their clearance', 'aboveClearance', 'ABOVE_CLEARANCE'],
    ['their own record, even assigned', 'own', 'OWN_OR_RELATIVE_RECORD'],
    ['a Part 2 chart without Part 2 authorization', 'part2', 'PART2_NOT_AUTHORIZED'],
  ];

  it.each(coderDenials)(
    'answers the coder 404 for %s, like a missing chart, and audits only the denial',
    async (_n, key, reason) => {
      const chart = c[key] as ChartFixture;
      const res = await get(coder, chartUrl(chart.encounterId));
      const missing = await get(coder, chartUrl(NONEXISTENT));
      expect(res.statusCode).toBe(404);
      const { requestId: _a, ...body } = res.json<Record<string, unknown>>();
      const { requestId: _b, ...missingBody } = missing.json<Record<string, unknown>>();
      expect(body).toEqual(missingBody);
      expect(res.body).not.toContain(chart.familyName);
      expect(res.body).not.toContain(chart.mrn);
      const audit = await auditFor(t.app, coder.user.id, chart.encounterId);
      expect(audit).toEqual([
        {
          action: 'ACCESS_DENIED',
          outcome: 'denied',
          outcome_reason: reason,
          purpose: null,
          patient_id: chart.patientId,
        },
      ]);
      const doc = await get(coder, docUrl(chart.encounterId, chart.documentIds[0] as string));
      expect(doc.statusCode).toBe(404);
      expect(doc.body).not.toContain(chart.familyName);
      const docAudit = await auditFor(t.app, coder.user.id, chart.documentIds[0] as string);
      expect(docAudit.map((a) => a.action)).toEqual(['ACCESS_DENIED']);
    },
  );

  it('audits a request for a chart that does not exist', async () => {
    await get(coder, chartUrl(NONEXISTENT));
    const audit = await auditFor(t.app, coder.user.id, NONEXISTENT);
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((a) => a.action === 'ACCESS_DENIED' && a.outcome_reason === 'NOT_FOUND')).toBe(true);
  });

  it("refuses a document id of another chart under the assigned chart's id", async () => {
    const res = await get(coder, docUrl(chart('assigned').encounterId, chart('another').documentIds[0] as string));
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(chart('another').familyName);
  });

  it("shows the supervisor their team's charts and the pool, not another team's", async () => {
    const team = await get(supervisor, chartUrl(chart('another').encounterId));
    expect(team.statusCode).toBe(200);
    expect(team.json<ChartView>().access.basis).toBe('TEAM');
    const pool = await get(supervisor, chartUrl(chart('pool').encounterId));
    expect(pool.json<ChartView>().access.basis).toBe('UNASSIGNED_POOL');
    const other = await get(supervisor, chartUrl(chart('otherTeam').encounterId));
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain(chart('otherTeam').familyName);
    expect(
      (await auditFor(t.app, supervisor.user.id, chart('otherTeam').encounterId)).map((a) => a.outcome_reason),
    ).toEqual(['NOT_IN_SCOPE']);
  });

  it('withholds a document beyond the supervisor clearance: no title, no content, and its URL is a 404', async () => {
    const res = await get(supervisor, chartUrl(chart('mixed').encounterId));
    expect(res.statusCode).toBe(200);
    const view = res.json<ChartView>();
    const withheldId = chart('mixed').documentIds[1] as string;
    expect(view.documents.find((d) => d.id === withheldId)).toEqual({
      id: withheldId,
      withheld: true,
      notice: 'withheld: restricted',
    });
    expect(res.body).not.toContain('Clinical text 1');
    const doc = await get(supervisor, docUrl(chart('mixed').encounterId, withheldId));
    expect(doc.statusCode).toBe(404);
    expect(doc.body).not.toContain('Clinical text 1');
    expect((await auditFor(t.app, supervisor.user.id, withheldId)).map((a) => a.outcome_reason)).toEqual([
      'DOCUMENT_WITHHELD',
    ]);
  });

  it.each([
    ['compliance', () => compliance, 403],
    ['admin', () => admin, 403],
    ['anonymous', () => null, 401],
  ] as [string, () => TestUser | null, number][])(
    'refuses %s at the door, before any record is read',
    async (_n, who, status) => {
      const user = who();
      const res = await get(user, chartUrl(chart('assigned').encounterId));
      expect(res.statusCode).toBe(status);
      expect(res.body).not.toContain(chart('assigned').familyName);
      const doc = await get(user, docUrl(chart('assigned').encounterId, chart('assigned').documentIds[0] as string));
      expect(doc.statusCode).toBe(status);
      const list = await get(user, '/api/charts');
      expect(list.statusCode).toBe(status);
      if (user) expect(await auditFor(t.app, user.user.id, chart('assigned').encounterId)).toEqual([]);
    },
  );

  it('lists only the charts the coder may open', async () => {
    const res = await get(coder, '/api/charts');
    expect(res.statusCode).toBe(200);
    const ids = res.json<{ encounterId: string }[]>().map((e) => e.encounterId);
    expect(ids).toEqual([chart('assigned').encounterId]);
  });

  it('answers 400 for a malformed id without touching records', async () => {
    const res = await get(coder, '/api/charts/not-a-uuid');
    expect(res.statusCode).toBe(400);
  });
});
