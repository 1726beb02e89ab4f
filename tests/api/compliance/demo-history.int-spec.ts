import { AuditVerifier } from '@chartdesk/api-audit';
import { seedDemoCompliance } from '@chartdesk/api-compliance';
import { DataSource } from 'typeorm';
import { createUser } from '../../support/auth';
import { type TestApp, createTestApp } from '../../support/test-app';
import { type TestDatabase, createTestDatabase } from '../../support/test-database';
import { assign, createChart } from './compliance-fixtures';

/** The demo's own history must verify as a chain and leave every planted anomaly flagged. */
describe('compliance demo history', () => {
  let db: TestDatabase;
  let t: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase('chartdesk_compliance_demo');
    t = await createTestApp({ DATABASE_URL: db.url ?? '' });
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('chains 30 days of past accesses that verify, and flags the planted anomalies', async () => {
    const ds = t.app.get(DataSource);
    const schedule = {
      timeZone: 'America/Chicago',
      weeklyHours: ['MON', 'TUE', 'WED', 'THU', 'FRI'].map((day) => ({ day, start: '08:00', end: '16:30' })),
    };
    const coders = [];
    for (let i = 1; i <= 4; i++) {
      coders.push(await createUser(t.app, { role: 'CODER', username: `democoder${i}` }));
    }
    await createUser(t.app, { role: 'SUPERVISOR', username: 'demosupervisor1' });
    await ds.query(`UPDATE app_user SET schedule = $1 WHERE role IN ('CODER', 'SUPERVISOR')`, [
      JSON.stringify(schedule),
    ]);
    for (const [i, coder] of coders.entries()) {
      for (let k = 0; k < 3; k++) {
        const chart = await createChart(t.app, { isVip: i === 3 && k === 2 });
        await assign(t.app, chart.encounterId, coder.user.id);
      }
    }
    await createChart(t.app);

    const summary = await seedDemoCompliance(ds, {}, t.config);
    expect(summary).toMatch(/past audit events/);

    const verified = await t.app.get(AuditVerifier).verify();
    expect(verified).toMatchObject({ ok: true });
    expect(verified.eventsChecked).toBeGreaterThan(300);
    const [{ days }] = (await ds.query(
      `SELECT count(DISTINCT (recorded_at AT TIME ZONE 'UTC')::date)::int AS days FROM audit_event WHERE user_agent = 'ChartDesk demo history'`,
    )) as [{ days: number }];
    expect(days).toBeGreaterThanOrEqual(18);
    const rules = ((await ds.query('SELECT DISTINCT rule FROM review_item ORDER BY rule')) as { rule: string }[]).map(
      (r) => r.rule,
    );
    expect(rules).toEqual(['BREAK_GLASS', 'OUTSIDE_SHIFT', 'REPEATED_DENIALS', 'VIP_OR_EMPLOYEE', 'VOLUME_SPIKE']);
  });
});
