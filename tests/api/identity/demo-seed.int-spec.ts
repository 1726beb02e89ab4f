import {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  type IdentityDemoContext,
  demoAccountsTable,
  demoTotpSecret,
  seedDemoIdentity,
} from '@chartdesk/api-identity';
import { DataSource } from 'typeorm';
import { ROLES } from '@chartdesk/contracts';
import { type TestApp, createTestApp } from '../../support/test-app';
import { signIn } from '../../support/auth';

/**
 * The demo seed step, run against this run's PostgreSQL as if it were the
 * embedded database (PGlite cannot start inside jest; the browser tests cover
 * the real embedded start).
 */
describe('identity demo seed', () => {
  let t: TestApp;
  const context: IdentityDemoContext = {};

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
    await seedDemoIdentity(t.app.get(DataSource), context as Record<string, unknown>, {
      ...t.config,
      databaseUrl: undefined,
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('seeds one account per role and coders in two teams, and hands their ids to later steps', async () => {
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.role))).toEqual(new Set(ROLES));
    const rows = (await t.app.get(DataSource).query(
      `SELECT t.name, count(*)::int AS coders FROM app_user u JOIN team t ON t.id = u.team_id
        WHERE u.role = 'CODER' AND u.username = ANY($1) GROUP BY t.name ORDER BY t.name`,
      // Exactly the demo coders: other test files share this database and create coders of their own.
      [DEMO_ACCOUNTS.filter((a) => a.role === 'CODER').map((a) => a.username)],
    )) as { name: string; coders: number }[];
    expect(rows).toEqual([
      { name: 'Inpatient team A', coders: 2 },
      { name: 'Outpatient team B', coders: 2 },
    ]);
    expect(Object.keys(context.demoUsers ?? {})).toEqual(DEMO_ACCOUNTS.map((a) => a.username));
    expect(context.demoEmployeeCoderId).toBe(context.demoUsers?.['coder2']);
  });

  it('refuses to seed demo accounts into a production server database', async () => {
    expect(await seedDemoIdentity(t.app.get(DataSource), {}, { ...t.config, env: 'production' })).toMatch(/skipped/);
  });

  it('lets every demo account sign in with the demo password and its printed TOTP secret', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const session = await signIn(t.app, account.username, DEMO_PASSWORD, demoTotpSecret(account.username));
      expect(session.body.user).toMatchObject({ username: account.username, role: account.role });
    }
  });

  it('prints the table a tester needs', async () => {
    const table = await demoAccountsTable(1_795_000_000);
    for (const a of DEMO_ACCOUNTS) expect(table).toContain(demoTotpSecret(a.username));
    expect(table).toContain(DEMO_PASSWORD);
  });
});
