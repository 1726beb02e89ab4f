import { type BreakGlassGrantView, type ChartView, type ReviewItemView, RecordsPaths } from '@chartdesk/contracts';
import { DataSource } from 'typeorm';
import { type TestUser, createUser, freshTotpCode } from '../../support/auth';
import { type TestApp, createTestApp } from '../../support/test-app';
import { type ChartFixture, assign, auditFor, createChart, createTeam } from './records-fixtures';

const chartUrl = (id: string): string => `/api/${RecordsPaths.chart.replace(':id', id)}`;
const complianceChartUrl = (id: string): string => `/api/${RecordsPaths.complianceChart.replace(':id', id)}`;

describe('break-the-glass, investigations and the compliance identity view', () => {
  let t: TestApp;
  let supervisor: TestUser;
  let coder: TestUser;
  let compliance: TestUser;
  let admin: TestUser;
  let otherTeamChart: ChartFixture;
  let part2Chart: ChartFixture;
  let bhChart: ChartFixture;

  const call = (user: TestUser, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: { authorization: `Bearer ${user.accessToken}` } });
  const breakGlass = async (user: TestUser, encounterId: string, code?: string) =>
    call(user, 'POST', `/api/${RecordsPaths.breakGlass}`, {
      encounterId,
      reasonCode: 'PATIENT_SAFETY',
      reasonText: 'Coder escalation about a possible wrong-patient document',
      totpCode: code ?? (await freshTotpCode(t.app, user.totpSecret)),
    });

  beforeAll(async () => {
    t = await createTestApp();
    const teamA = await createTeam(t.app);
    const teamB = await createTeam(t.app);
    supervisor = await createUser(t.app, { role: 'SUPERVISOR', teamId: teamA });
    coder = await createUser(t.app, { role: 'CODER', teamId: teamB });
    compliance = await createUser(t.app, { role: 'COMPLIANCE' });
    admin = await createUser(t.app, { role: 'ADMIN' });
    otherTeamChart = await createChart(t.app, {
      documents: [
        {},
        { labels: ['BEHAVIORAL_HEALTH'] },
        { labels: ['SUBSTANCE_USE_PART2'], text: 'Part 2 counselling' },
      ],
    });
    part2Chart = await createChart(t.app, { encounterLabels: ['SUBSTANCE_USE_PART2'] });
    bhChart = await createChart(t.app, { encounterLabels: ['BEHAVIORAL_HEALTH'] });
    await assign(t.app, otherTeamChart.encounterId, coder.user.id);
    await assign(t.app, part2Chart.encounterId, coder.user.id);
    await assign(t.app, bhChart.encounterId, coder.user.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a wrong TOTP code with 403 and grants nothing', async () => {
    const res = await breakGlass(supervisor, otherTeamChart.encounterId, '000000');
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain(otherTeamChart.familyName);
    expect((await call(supervisor, 'GET', chartUrl(otherTeamChart.encounterId))).statusCode).toBe(404);
  });

  it('refuses roles without break-glass:request', async () => {
    expect((await breakGlass(coder, otherTeamChart.encounterId, '123456')).statusCode).toBe(403);
    expect((await breakGlass(admin, otherTeamChart.encounterId, '123456')).statusCode).toBe(403);
  });

  it('runs the lifecycle: grant with step-up → 60 min access without Part 2 → review item → expiry', async () => {
    const res = await breakGlass(supervisor, otherTeamChart.encounterId);
    expect(res.statusCode).toBe(201);
    const grant = res.json<BreakGlassGrantView>();
    expect(new Date(grant.expiresAt).getTime() - new Date(grant.grantedAt).getTime()).toBe(60 * 60_000);

    const chart = await call(supervisor, 'GET', chartUrl(otherTeamChart.encounterId));
    expect(chart.statusCode).toBe(200);
    const view = chart.json<ChartView>();
    expect(view.access).toEqual({ basis: 'BREAK_GLASS', expiresAt: grant.expiresAt });
    const [plain, bh, part2] = otherTeamChart.documentIds;
    expect(view.documents.find((d) => d.id === plain)?.withheld).toBe(false);
    expect(view.documents.find((d) => d.id === bh)?.withheld).toBe(false);
    expect(view.documents.find((d) => d.id === part2)?.withheld).toBe(true);
    expect(chart.body).not.toContain('Part 2 counselling');
    const docUrl = (docId: string | undefined): string =>
      `/api/${RecordsPaths.chartDocument.replace(':id', otherTeamChart.encounterId).replace(':docId', docId ?? '')}`;
    expect((await call(supervisor, 'GET', docUrl(bh))).statusCode).toBe(200);
    const part2Doc = await call(supervisor, 'GET', docUrl(part2));
    expect(part2Doc.statusCode).toBe(404);
    expect(part2Doc.body).not.toContain('Part 2 counselling');
    expect(
      (await auditFor(t.app, supervisor.user.id, otherTeamChart.encounterId)).map((a) => [a.action, a.purpose]),
    ).toEqual([
      ['MFA_FAILED', null],
      ['ACCESS_DENIED', null],
      ['BREAK_GLASS_GRANTED', 'break-glass:PATIENT_SAFETY'],
      ['CHART_VIEWED', grant.id],
    ]);

    const items = await call(compliance, 'GET', `/api/${RecordsPaths.reviewItems}`);
    expect(items.statusCode).toBe(200);
    expect(items.json<ReviewItemView[]>().find((i) => i.grantId === grant.id)).toMatchObject({
      id: grant.reviewItemId,
      kind: 'BREAK_GLASS',
      status: 'OPEN',
      userId: supervisor.user.id,
      encounterId: otherTeamChart.encounterId,
      reasonCode: 'PATIENT_SAFETY',
    });
    expect((await call(supervisor, 'GET', `/api/${RecordsPaths.reviewItems}`)).statusCode).toBe(403);

    // Time passes: the grant ends and the chart is closed again.
    await t.app
      .get(DataSource)
      .query(
        "UPDATE break_glass_grant SET granted_at = now() - interval '2 hours', expires_at = now() - interval '1 hour' WHERE id = $1",
        [grant.id],
      );
    expect((await call(supervisor, 'GET', chartUrl(otherTeamChart.encounterId))).statusCode).toBe(404);
  });

  it('never breaks the glass on a Part 2 encounter', async () => {
    const res = await breakGlass(supervisor, part2Chart.encounterId);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(part2Chart.familyName);
    const audit = await auditFor(t.app, supervisor.user.id, part2Chart.encounterId);
    expect(audit.map((a) => a.outcome_reason)).toEqual(['PART2_NEVER_BREAK_GLASS']);
  });

  it('lets compliance see identifiers and access metadata, without contact details', async () => {
    const res = await call(
      compliance,
      'GET',
      `/api/${RecordsPaths.patientLookup}?facility=TEST&mrn=${otherTeamChart.mrn}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      patientId: otherTeamChart.patientId,
      mrn: otherTeamChart.mrn,
      ssnLast4: '6789',
      encounters: [
        { encounterId: otherTeamChart.encounterId, assignments: [{ coderId: coder.user.id, active: true }] },
      ],
    });
    expect(res.body).not.toMatch(/Secret Lane|555-0100|@example\.test|MEMBER|123-45/);
    for (const who of [coder, supervisor, admin]) {
      expect(
        (await call(who, 'GET', `/api/${RecordsPaths.patientLookup}?facility=TEST&mrn=${otherTeamChart.mrn}`))
          .statusCode,
      ).toBe(403);
    }
  });

  it('gives compliance clinical content only through an investigation', async () => {
    const before = await call(compliance, 'GET', complianceChartUrl(bhChart.encounterId));
    expect(before.statusCode).toBe(404);
    expect(before.body).not.toContain(bhChart.familyName);
    const bad = await call(compliance, 'POST', `/api/${RecordsPaths.investigations}`, {
      patientId: bhChart.patientId,
      reason: 'short',
      durationMinutes: 60,
    });
    expect(bad.statusCode).toBe(400);
    const opened = await call(compliance, 'POST', `/api/${RecordsPaths.investigations}`, {
      patientId: bhChart.patientId,
      reason: 'Complaint 2026-041 about disclosure of this record',
      durationMinutes: 60,
    });
    expect(opened.statusCode).toBe(201);
    const after = await call(compliance, 'GET', complianceChartUrl(bhChart.encounterId));
    expect(after.statusCode).toBe(200);
    expect(after.json<ChartView>().access.basis).toBe('INVESTIGATION');
    for (const who of [coder, supervisor, admin]) {
      expect((await call(who, 'GET', complianceChartUrl(bhChart.encounterId))).statusCode).toBe(403);
      const inv = await call(who, 'POST', `/api/${RecordsPaths.investigations}`, {
        patientId: bhChart.patientId,
        reason: 'Complaint 2026-041 about disclosure of this record',
        durationMinutes: 60,
      });
      expect(inv.statusCode).toBe(403);
    }
  });

  it('refuses every records endpoint to the roles that must not reach it, and to anonymous callers', async () => {
    const id = bhChart.encounterId;
    const doc = bhChart.documentIds[0] ?? '';
    const endpoints: [string, string, object | undefined, TestUser[]][] = [
      ['GET', `/api/${RecordsPaths.charts}`, undefined, [compliance, admin]],
      ['GET', `/api/${RecordsPaths.chart.replace(':id', id)}`, undefined, [compliance, admin]],
      [
        'GET',
        `/api/${RecordsPaths.chartDocument.replace(':id', id).replace(':docId', doc)}`,
        undefined,
        [compliance, admin],
      ],
      ['GET', complianceChartUrl(id), undefined, [coder, supervisor, admin]],
      [
        'GET',
        `/api/${RecordsPaths.complianceChartDocument.replace(':id', id).replace(':docId', doc)}`,
        undefined,
        [coder, supervisor, admin],
      ],
      [
        'GET',
        `/api/${RecordsPaths.patientLookup}?facility=TEST&mrn=${bhChart.mrn}`,
        undefined,
        [coder, supervisor, admin],
      ],
      [
        'POST',
        `/api/${RecordsPaths.investigations}`,
        { patientId: bhChart.patientId, reason: 'Matrix test reason text', durationMinutes: 30 },
        [coder, supervisor, admin],
      ],
      [
        'POST',
        `/api/${RecordsPaths.breakGlass}`,
        { encounterId: id, reasonCode: 'PATIENT_SAFETY', reasonText: 'Matrix test reason text', totpCode: '123456' },
        [coder, admin],
      ],
      ['GET', `/api/${RecordsPaths.reviewItems}`, undefined, [coder, supervisor, admin]],
      [
        'POST',
        `/api/${RecordsPaths.fhirImport}`,
        { resourceType: 'Bundle', type: 'collection', entry: [] },
        [coder, supervisor, compliance],
      ],
    ];
    for (const [method, url, payload, refused] of endpoints) {
      for (const who of refused) {
        const res = await call(who, method as 'GET' | 'POST', url, payload);
        expect({ url, role: who.user.role, status: res.statusCode }).toEqual({ url, role: who.user.role, status: 403 });
        expect(res.body).not.toContain(bhChart.familyName);
      }
      const anonymous = await t.app.inject({ method: method as 'GET' | 'POST', url, payload });
      expect({ url, status: anonymous.statusCode }).toEqual({ url, status: 401 });
    }
  });
});
