import { AuditVerifier } from '@chartdesk/api-audit';
import { DEMO_PASSWORD, demoTotpSecret } from '@chartdesk/api-identity';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { signIn } from '../../support/auth';
import { type TestApp, createTestApp } from '../../support/test-app';
import { type ServerRoles, createServerRoles } from '../../support/server-roles';

/**
 * SEED_DEMO_DATA=true in server mode with the two roles: the seed runs as the
 * owner (the back-dated compliance history goes through the chain trigger with
 * triggers on), the API as the app role; a deployment that gave no owner URL
 * is refused with a message saying what to set.
 */
describe('demo data in server mode (owner + app role)', () => {
  let roles: ServerRoles;
  let t: TestApp;

  beforeAll(async () => {
    roles = await createServerRoles();
    t = await createTestApp({
      DATABASE_URL: roles.appUrl,
      DATABASE_MIGRATION_URL: roles.ownerUrl,
      SEED_DEMO_DATA: 'true',
      LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    });
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await roles?.drop();
  });

  it('seeds every step, and the demo accounts sign in through the app role', async () => {
    const ds = t.app.get(DataSource);
    const steps = (await ds.query('SELECT step FROM demo_seed_run ORDER BY step')) as { step: string }[];
    expect(steps.map((s) => s.step)).toEqual(
      expect.arrayContaining(['code-sets', 'identity-users', 'compliance-history']),
    );
    const [items] = (await ds.query('SELECT count(*)::int AS n FROM review_item')) as { n: number }[];
    expect(items?.n).toBeGreaterThan(0);
    const session = await signIn(t.app, 'compliance', DEMO_PASSWORD, demoTotpSecret('compliance'));
    expect(session.body.user.role).toBe('COMPLIANCE');
  });

  it('chained the back-dated history through the trigger: the whole trail verifies', async () => {
    const ds = t.app.get(DataSource);
    const [old] = (await ds.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE recorded_at < now() - interval '1 day'`,
    )) as { n: number }[];
    expect(old?.n).toBeGreaterThan(100);
    expect(await t.app.get(AuditVerifier).verify()).toMatchObject({ ok: true });
  });

  it('the app role can neither back-date an event nor make a partition for a past month', async () => {
    const app = new Client({ connectionString: roles.appUrl });
    await app.connect();
    try {
      await app.query('BEGIN');
      await app.query("SELECT set_config('chartdesk.audit_backfill', 'on', true)");
      await expect(
        app.query(
          `INSERT INTO audit_event (recorded_at, action, outcome) VALUES (now() - interval '1 year', 'CHART_VIEWED', 'success')`,
        ),
      ).rejects.toMatchObject({ code: '42501' });
      await app.query('ROLLBACK');
      await expect(app.query(`SELECT audit_ensure_partition('2001-01-01')`)).rejects.toMatchObject({ code: '42501' });
    } finally {
      await app.end();
    }
  });

  it('refuses to seed as the app role, saying which URL to set', async () => {
    await expect(
      createTestApp({ DATABASE_URL: roles.appUrl, MIGRATE_ON_START: 'false', SEED_DEMO_DATA: 'true' }),
    ).rejects.toThrow(/runs as the schema owner: set DATABASE_MIGRATION_URL/);
  });
});
