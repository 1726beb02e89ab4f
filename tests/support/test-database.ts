import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const DEFAULT_TEST_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  /** URL of the fresh database, or undefined when PGlite is used instead. */
  readonly url: string | undefined;
  readonly name: string;
  drop(): Promise<void>;
}

async function serverAnswers(adminUrl: string): Promise<boolean> {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A uniquely named database on the PostgreSQL server (TEST_DATABASE_URL, by
 * default the local one), dropped afterwards. If no server answers, tests
 * fall back to the embedded PGlite and say so.
 */
export async function createTestDatabase(prefix = 'chartdesk_test'): Promise<TestDatabase> {
  const adminUrl = process.env['TEST_DATABASE_URL'] ?? DEFAULT_TEST_SERVER;
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  if (!(await serverAnswers(adminUrl))) {
    console.warn(`No PostgreSQL server answered at ${new URL(adminUrl).host}; falling back to embedded PGlite.`);
    return { url: undefined, name, drop: async () => undefined };
  }
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
