import { DEMO_CHART_COUNT, seedDemoRecords } from '@chartdesk/api-records';
import { type ChartListEntry, type ChartView, RecordsPaths } from '@chartdesk/contracts';
import { DataSource } from 'typeorm';
import { type TestUser, createUser } from '../../support/auth';
import { type TestDatabase, createTestDatabase } from '../../support/test-database';
import { type TestApp, createTestApp } from '../../support/test-app';

/**
 * The records demo step as `npm start` runs it, on a database of its own
 * with coders shaped like the demo accounts (the identity demo step itself
 * seeds only the embedded database, which jest cannot load): a coder opens
 * each chart in their queue and gets 404 for every other chart, each refusal
 * audited.
 */
describe('demo records seed step', () => {
  let db: TestDatabase;
  let t: TestApp;
  let coder1: TestUser;
  let coder2: TestUser;

  beforeAll(async () => {
    db = await createTestDatabase('chartdesk_demo');
    t = await createTestApp(db.url ? { DATABASE_URL: db.url } : {});
    const [team] = (await t.app
      .get(DataSource)
      .query("INSERT INTO team (name) VALUES ('Demo team A') RETURNING id")) as {
      id: string;
    }[];
    coder1 = await createUser(t.app, {
      role: 'CODER',
      username: 'coder1',
      teamId: team?.id,
      clearances: ['BEHAVIORAL_HEALTH', 'SUBSTANCE_USE_PART2'],
      part2TrainingDate: '2026-02-01',
    });
    coder2 = await createUser(t.app, { role: 'CODER', username: 'coder2', teamId: team?.id, clearances: ['EMPLOYEE'] });
    const context: Record<string, unknown> = { demoEmployeeCoderId: coder2.user.id };
    await seedDemoRecords(t.app.get(DataSource), context, t.config);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('seeds every scenario once', async () => {
    const [row] = (await t.app
      .get(DataSource)
      .query("SELECT count(*)::int AS n FROM encounter WHERE facility = 'DEMO'")) as {
      n: number;
    }[];
    expect(row?.n).toBe(DEMO_CHART_COUNT);
  });

  it('lets coder1 open exactly the charts assigned to them, and refuses every other chart with an audited 404', async () => {
    const auth = { authorization: `Bearer ${coder1.accessToken}` };
    const list = await t.app.inject({ method: 'GET', url: `/api/${RecordsPaths.charts}`, headers: auth });
    expect(list.statusCode).toBe(200);
    const mine = list.json<ChartListEntry[]>();
    expect(mine.length).toBeGreaterThan(0);
    const ds = t.app.get(DataSource);
    const all = (await ds.query('SELECT id FROM encounter')) as { id: string }[];
    const mineIds = new Set(mine.map((c) => c.encounterId));
    for (const { id } of all) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/${RecordsPaths.chart.replace(':id', id)}`,
        headers: auth,
      });
      if (mineIds.has(id)) {
        expect(res.statusCode).toBe(200);
        expect(res.json<ChartView>().access.basis).toBe('ASSIGNMENT');
      } else {
        expect(res.statusCode).toBe(404);
      }
    }
    const audit = (await ds.query(
      `SELECT action, count(*)::int AS n FROM audit_event WHERE actor_user_id = $1 AND resource_type = 'Encounter'
        GROUP BY action ORDER BY action`,
      [coder1.user.id],
    )) as { action: string; n: number }[];
    expect(audit).toEqual([
      { action: 'ACCESS_DENIED', n: all.length - mine.length },
      { action: 'CHART_VIEWED', n: mine.length },
    ]);
  });

  it("refuses the employee-patient's chart to the coder linked to it", async () => {
    const ds = t.app.get(DataSource);
    const [row] = (await ds.query(
      `SELECT e.id AS encounter_id, u.username FROM encounter e JOIN patient p ON p.id = e.patient_id
         JOIN app_user u ON p.id::text = ANY (u.linked_patient_ids) WHERE p.is_employee`,
    )) as { encounter_id: string; username: string }[];
    expect(row).toBeDefined();
    expect(row?.username).toBe('coder2');
    const encounterId = row?.encounter_id ?? '';
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/${RecordsPaths.chart.replace(':id', encounterId)}`,
      headers: { authorization: `Bearer ${coder2.accessToken}` },
    });
    expect(res.statusCode).toBe(404);
    const [denial] = (await ds.query(
      "SELECT outcome_reason FROM audit_event WHERE resource_id = $1 AND action = 'ACCESS_DENIED' ORDER BY id DESC LIMIT 1",
      [encounterId],
    )) as { outcome_reason: string }[];
    expect(denial?.outcome_reason).toBe('OWN_OR_RELATIVE_RECORD');
  });
});
