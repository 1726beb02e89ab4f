import { AnomalyDetector } from '@chartdesk/api-compliance';
import {
  type AnomalyRule,
  type AnomalyScanResult,
  type ComplianceDashboard,
  CompliancePaths,
  type IntegrityProgressLine,
  RecordsPaths,
  type ReviewItemDetail,
  type ReviewItemPage,
  type ReviewItemSummary,
  WEEKDAYS,
  apiUrl,
  compliancePath,
} from '@chartdesk/contracts';
import { DataSource } from 'typeorm';
import { type TestUser, authHeader, createUser, freshTotpCode } from '../../support/auth';
import { type TestApp, createTestApp } from '../../support/test-app';
import { type TestDatabase, createTestDatabase } from '../../support/test-database';
import { type ChartFixture, assign, createChart } from './compliance-fixtures';

/**
 * Every rule gets a user who trips it and a user who does not. The file has a
 * database of its own: it tampers with the chain and moves the scan watermark.
 */
describe('anomaly detection and the review queue', () => {
  let db: TestDatabase;
  let t: TestApp;
  let ds: DataSource;
  let officer: TestUser;
  let items: ReviewItemSummary[];
  const u = {} as Record<
    'night' | 'day' | 'denied' | 'oneDenial' | 'vip' | 'surname' | 'address' | 'busy' | 'calm',
    TestUser
  >;
  let supervisor: TestUser;
  let glassChart: ChartFixture;

  const open = (user: TestUser, chart: ChartFixture) =>
    t.app.inject({ method: 'GET', url: apiUrl(`charts/${chart.encounterId}`), headers: authHeader(user.accessToken) });
  const assignedChart = async (user: TestUser, opts: Parameters<typeof createChart>[1] = {}): Promise<ChartFixture> => {
    const chart = await createChart(t.app, opts);
    await assign(t.app, chart.encounterId, user.user.id);
    return chart;
  };
  const itemsFor = (rule: AnomalyRule, user: TestUser) =>
    items.filter((i) => i.rule === rule && i.subject?.userId === user.user.id);

  beforeAll(async () => {
    db = await createTestDatabase('chartdesk_compliance');
    t = await createTestApp({ DATABASE_URL: db.url ?? '', ANOMALY_SCAN_SETTLE_SECONDS: '0' });
    ds = t.app.get(DataSource);
    officer = await createUser(t.app, { role: 'COMPLIANCE', displayName: 'Olive Officer' });
    supervisor = await createUser(t.app, { role: 'SUPERVISOR', displayName: 'Sam Supervisor' });
    for (const key of Object.keys({ night: 1, day: 1, denied: 1, oneDenial: 1, busy: 1, calm: 1, address: 1 })) {
      u[key as keyof typeof u] = await createUser(t.app, { role: 'CODER', displayName: `Coder ${key}` });
    }
    u.vip = await createUser(t.app, { role: 'CODER', clearances: ['VIP'], displayName: 'Coder Vip' });
    u.surname = await createUser(t.app, { role: 'CODER', displayName: 'Robin Whitfield' });

    // Shifts: "night" works only on a weekday three days from now; "day" every day, all day.
    const today = (new Date().getUTCDay() + 6) % 7;
    await ds.query('UPDATE app_user SET schedule = $2 WHERE id = $1', [
      u.night.user.id,
      JSON.stringify({
        timeZone: 'UTC',
        weeklyHours: [{ day: WEEKDAYS[(today + 3) % 7], start: '09:00', end: '10:00' }],
      }),
    ]);
    await ds.query('UPDATE app_user SET schedule = $2 WHERE id = $1', [
      u.day.user.id,
      JSON.stringify({ timeZone: 'UTC', weeklyHours: WEEKDAYS.map((day) => ({ day, start: '00:00', end: '23:59' })) }),
    ]);
    expect((await open(u.night, await assignedChart(u.night))).statusCode).toBe(200);
    expect((await open(u.day, await assignedChart(u.day))).statusCode).toBe(200);

    // Denials: five in a minute, and two.
    const unassigned = await createChart(t.app);
    for (let i = 0; i < 5; i++) expect((await open(u.denied, unassigned)).statusCode).toBe(404);
    for (let i = 0; i < 2; i++) await open(u.oneDenial, unassigned);

    // A VIP patient; a patient who shares a coder's surname; one who shares a coder's address.
    expect((await open(u.vip, await assignedChart(u.vip, { isVip: true }))).statusCode).toBe(200);
    expect((await open(u.surname, await assignedChart(u.surname, { familyName: 'Whitfield' }))).statusCode).toBe(200);
    await ds.query(
      `INSERT INTO workforce_profile (user_id, family_name, address_line, postal_code) VALUES ($1, 'Ng', '12 Oak Street, Apt 4', '60601')`,
      [u.address.user.id],
    );
    const neighbour = await assignedChart(u.address, { addressLine: '12 oak st apt 4', postalCode: '60601-1234' });
    expect((await open(u.address, neighbour)).statusCode).toBe(200);

    // Volume: twelve charts in this hour, and three.
    for (let i = 0; i < 12; i++) expect((await open(u.busy, await assignedChart(u.busy))).statusCode).toBe(200);
    for (let i = 0; i < 3; i++) await open(u.calm, await assignedChart(u.calm));

    // Break-the-glass by the supervisor: the records lib opens the review item when it grants.
    glassChart = await createChart(t.app);
    const grant = await t.app.inject({
      method: 'POST',
      url: apiUrl(RecordsPaths.breakGlass),
      headers: authHeader(supervisor.accessToken),
      payload: {
        encounterId: glassChart.encounterId,
        reasonCode: 'CODING_ESCALATION',
        reasonText: 'Query from the billing office needs the chart',
        totpCode: await freshTotpCode(t.app, supervisor.totpSecret),
      },
    });
    expect(grant.statusCode).toBe(201);

    const scan = await t.app.inject({
      method: 'POST',
      url: apiUrl(CompliancePaths.anomalyScans),
      headers: authHeader(officer.accessToken),
    });
    expect(scan.statusCode).toBe(200);
    expect(scan.json<AnomalyScanResult>().itemsCreated).toBeGreaterThan(0);
    const list = await t.app.inject({
      method: 'GET',
      url: `${apiUrl(CompliancePaths.reviewItems)}?limit=500`,
      headers: authHeader(officer.accessToken),
    });
    items = list.json<ReviewItemPage>().items as ReviewItemSummary[];
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('flags access outside the shift schedule, and not inside it', () => {
    expect(itemsFor('OUTSIDE_SHIFT', u.night)).toHaveLength(1);
    expect(itemsFor('OUTSIDE_SHIFT', u.day)).toHaveLength(0);
  });

  it('flags N denials within M minutes, and not fewer', () => {
    const [item] = itemsFor('REPEATED_DENIALS', u.denied);
    expect(item).toMatchObject({ severity: 'HIGH', status: 'OPEN' });
    expect(itemsFor('REPEATED_DENIALS', u.oneDenial)).toHaveLength(0);
  });

  it('flags access to a VIP patient, and not to other patients', () => {
    expect(itemsFor('VIP_OR_EMPLOYEE', u.vip)).toHaveLength(1);
    expect(items.filter((i) => i.rule === 'VIP_OR_EMPLOYEE')).toHaveLength(1);
  });

  it('flags a shared surname and a shared address, and not strangers', () => {
    expect(itemsFor('SAME_SURNAME_OR_ADDRESS', u.surname)).toHaveLength(1);
    expect(itemsFor('SAME_SURNAME_OR_ADDRESS', u.address)).toHaveLength(1);
    expect(items.filter((i) => i.rule === 'SAME_SURNAME_OR_ADDRESS')).toHaveLength(2);
  });

  it('puts every break-the-glass use in the queue once, with its evidence', async () => {
    const glass = items.filter((i) => i.rule === 'BREAK_GLASS');
    expect(glass).toHaveLength(1);
    expect(glass[0]).toMatchObject({
      subject: { userId: supervisor.user.id },
      patient: { patientId: glassChart.patientId },
    });
    const [{ n }] = (await ds.query(`SELECT count(*)::int AS n FROM review_item WHERE grant_id IS NOT NULL`)) as {
      n: number;
    }[];
    expect(n).toBe(1);
    const detail = await t.app.inject({
      method: 'GET',
      url: apiUrl(compliancePath(CompliancePaths.reviewItem, { id: glass[0]?.id ?? '' })),
      headers: authHeader(officer.accessToken),
    });
    expect(detail.json<ReviewItemDetail>().evidence).toMatchObject({ reasonCode: 'break-glass:CODING_ESCALATION' });
  });

  it('does not open the same items twice when scanned again', async () => {
    await t.app.get(AnomalyDetector).scan();
    const [{ n }] = (await ds.query('SELECT count(*)::int AS n FROM review_item')) as { n: number }[];
    expect(n).toBe(items.length);
  });

  it('works an item through its lifecycle, auditing every change', async () => {
    const item = itemsFor('VIP_OR_EMPLOYEE', u.vip)[0] as ReviewItemSummary;
    const url = apiUrl(compliancePath(CompliancePaths.reviewItem, { id: item.id }));
    const h = authHeader(officer.accessToken);
    const patch = (payload: object) => t.app.inject({ method: 'PATCH', url, headers: h, payload });

    expect((await patch({ version: item.version, assigneeId: u.vip.user.id })).statusCode).toBe(400); // not compliance staff
    expect(
      (await patch({ version: item.version, status: 'CLOSED_JUSTIFIED', disposition: 'Looks fine' })).statusCode,
    ).toBe(409);
    const taken = await patch({ version: item.version, status: 'IN_REVIEW', assigneeId: officer.user.id });
    expect(taken.statusCode).toBe(200);
    const inReview = taken.json<ReviewItemDetail>();
    expect(inReview).toMatchObject({
      status: 'IN_REVIEW',
      assignee: { userId: officer.user.id },
      version: item.version + 1,
    });
    expect((await patch({ version: item.version, severity: 'LOW' })).statusCode).toBe(409); // stale version
    expect((await patch({ version: inReview.version, status: 'CLOSED_VIOLATION' })).statusCode).toBe(400); // no disposition
    const noted = await t.app.inject({
      method: 'POST',
      url: apiUrl(compliancePath(CompliancePaths.reviewItemNotes, { id: item.id })),
      headers: h,
      payload: { text: 'Coder was not assigned a reason to open this VIP chart; spoke with supervisor.' },
    });
    expect(noted.statusCode).toBe(201);
    const withNote = noted.json<ReviewItemDetail>();
    expect(withNote.notes).toHaveLength(1);
    const closed = await patch({
      version: withNote.version,
      status: 'CLOSED_VIOLATION',
      disposition: 'Sanction applied per policy; retraining booked.',
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json<ReviewItemDetail>()).toMatchObject({
      status: 'CLOSED_VIOLATION',
      disposition: expect.stringContaining('Sanction'),
    });
    expect(closed.json<ReviewItemDetail>().closedAt).not.toBeNull();
    expect((await patch({ version: withNote.version + 1, status: 'IN_REVIEW' })).statusCode).toBe(409);

    const changes = (await ds.query(
      `SELECT details FROM audit_event WHERE action = 'REVIEW_ITEM_CHANGED' AND resource_id = $1 ORDER BY id`,
      [item.id],
    )) as { details: Record<string, unknown> }[];
    expect(changes.map((c) => c.details)).toEqual([
      expect.objectContaining({ created: true, rule: 'VIP_OR_EMPLOYEE' }),
      expect.objectContaining({
        before: expect.objectContaining({ status: 'OPEN' }),
        after: expect.objectContaining({ status: 'IN_REVIEW' }),
      }),
      expect.objectContaining({ noteAdded: expect.any(String) }),
      expect.objectContaining({ after: expect.objectContaining({ status: 'CLOSED_VIOLATION' }) }),
    ]);

    const dashboard = await t.app.inject({ method: 'GET', url: apiUrl(CompliancePaths.dashboard), headers: h });
    const counts = dashboard.json<ComplianceDashboard>();
    expect(counts.byStatus.CLOSED_VIOLATION).toBe(1);
    expect(counts.byStatus.OPEN).toBe(items.length - 1);
    expect(counts.accessesPerDay).toHaveLength(30);
    expect(counts.accessesPerDay[29]?.count).toBeGreaterThanOrEqual(20);
    expect(counts.denialsPerDay[29]?.count).toBeGreaterThanOrEqual(7);
  });

  it('never lets an officer work or be assigned an item about their own activity', async () => {
    const own = items.find((i) => i.status === 'OPEN' && i.rule !== 'VIP_OR_EMPLOYEE') as ReviewItemSummary;
    // As when the officer broke the glass themselves: they are the item's subject.
    await ds.query('UPDATE review_item SET user_id = $2 WHERE id = $1', [own.id, officer.user.id]);
    const url = apiUrl(compliancePath(CompliancePaths.reviewItem, { id: own.id }));
    const h = authHeader(officer.accessToken);
    const closing = await t.app.inject({
      method: 'PATCH',
      url,
      headers: h,
      payload: { version: own.version, status: 'CLOSED_JUSTIFIED', disposition: 'Was me, all fine.' },
    });
    expect(closing.statusCode).toBe(403);
    const note = await t.app.inject({
      method: 'POST',
      url: apiUrl(compliancePath(CompliancePaths.reviewItemNotes, { id: own.id })),
      headers: h,
      payload: { text: 'Explaining my own access here.' },
    });
    expect(note.statusCode).toBe(403);
    const colleague = await createUser(t.app, { role: 'COMPLIANCE', displayName: 'Cora Colleague' });
    const selfAssign = await t.app.inject({
      method: 'PATCH',
      url,
      headers: authHeader(colleague.accessToken),
      payload: { version: own.version, assigneeId: officer.user.id },
    });
    expect(selfAssign.statusCode).toBe(400);
    const [row] = (await ds.query('SELECT status, assignee_id FROM review_item WHERE id = $1', [own.id])) as {
      status: string;
      assignee_id: string | null;
    }[];
    expect(row).toEqual({ status: 'OPEN', assignee_id: null });
  });

  it('sorts the queue by severity and pages it with a cursor', async () => {
    const h = authHeader(officer.accessToken);
    const seen: ReviewItemSummary[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const after: string = cursor;
      const res: { statusCode: number; json: <T>() => T } = await t.app.inject({
        method: 'GET',
        url: `${apiUrl(CompliancePaths.reviewItems)}?sort=severity&limit=2${after ? `&cursor=${after}` : ''}`,
        headers: h,
      });
      expect(res.statusCode).toBe(200);
      const page: ReviewItemPage = res.json<ReviewItemPage>();
      seen.push(...page.items);
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(items.length);
    const rank = { CRITICAL: 4, HIGH: 3, MEDIUM: 2, LOW: 1 };
    const ranks = seen.map((i) => rank[i.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });

  it('reports a clean chain without an item, and a broken chain as a critical item', async () => {
    const verify = async (): Promise<IntegrityProgressLine[]> => {
      const res = await t.app.inject({
        method: 'POST',
        url: apiUrl(CompliancePaths.integrityVerify),
        headers: authHeader(officer.accessToken),
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('application/x-ndjson');
      return res.body
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as IntegrityProgressLine);
    };
    const clean = await verify();
    expect(clean[clean.length - 1]).toMatchObject({ type: 'result', ok: true, reviewItemId: null });
    expect(clean.some((l) => l.type === 'progress')).toBe(true);

    await ds.transaction(async (m) => {
      await m.query('SET LOCAL session_replication_role = replica');
      await m.query(
        `UPDATE audit_event SET outcome_reason = 'EDITED' WHERE id = (SELECT min(id) FROM audit_event WHERE action = 'ACCESS_DENIED')`,
      );
    });
    const broken = await verify();
    const result = broken[broken.length - 1];
    expect(result).toMatchObject({ type: 'result', ok: false, reviewItemId: expect.any(String) });
    const [row] = (await ds.query('SELECT rule, severity FROM review_item WHERE id = $1', [
      result?.type === 'result' ? result.reviewItemId : null,
    ])) as { rule: string; severity: string }[];
    expect(row).toEqual({ rule: 'CHAIN_VERIFICATION_FAILED', severity: 'CRITICAL' });
  });

  it('flags a volume spike over the baseline once the hour is complete, and not a quiet hour', async () => {
    // Judge the current hour as complete by scanning as if two hours had passed.
    const result = await t.app.get(AnomalyDetector).scan(new Date(Date.now() + 2 * 3_600_000));
    expect(result.byRule.VOLUME_SPIKE).toBe(1);
    const rows = (await ds.query(`SELECT user_id, evidence FROM review_item WHERE rule = 'VOLUME_SPIKE'`)) as {
      user_id: string;
      evidence: Record<string, unknown>;
    }[];
    expect(rows).toEqual([
      { user_id: u.busy.user.id, evidence: expect.objectContaining({ chartsOpened: 12, baselinePerHour: 0 }) },
    ]);
  });
});
