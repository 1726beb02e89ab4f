import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
// Global setup runs outside jest's resolver, so the lib is reached by path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startEmbeddedPostgres } from '../../libs/api/database/src/lib/embedded/embedded-postgres';

export const DEFAULT_TEST_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  /** URL of the fresh database: a server database, or the embedded PGlite's socket. */
  readonly url: string;
  readonly name: string;
  /** True when no server answered and an embedded PGlite serves the run instead. */
  readonly embedded: boolean;
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
    return startEmbeddedTestDatabase(name);
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
    embedded: false,
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

/**
 * PGlite started here, in jest's global setup (plain Node: PGlite's dynamic
 * imports do not run inside jest's module sandbox), and served on a unix
 * socket that the tests reach through `pg` like any server.
 */
async function startEmbeddedTestDatabase(name: string): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'chartdesk-pglite-'));
  const embedded = await startEmbeddedPostgres(dir, 40);
  return {
    url: embedded.url,
    name,
    embedded: true,
    async drop() {
      await embedded.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
