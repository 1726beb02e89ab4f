import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DEFAULT_TEST_SERVER } from './test-database';

/**
 * The server-mode deployment the README describes, on the test server: a
 * schema owner that owns a fresh database and runs migrations, and an API
 * login role that is only a member of `chartdesk_app`. Roles are cluster-wide,
 * so each set is uniquely named and dropped with its database.
 */
export interface ServerRoles {
  /** DATABASE_MIGRATION_URL: the owner. */
  readonly ownerUrl: string;
  /** DATABASE_URL: the app's login role. */
  readonly appUrl: string;
  /** The test server's superuser on this database: the attacker who can turn triggers off. */
  readonly adminUrl: string;
  readonly ownerRole: string;
  readonly appRole: string;
  readonly database: string;
  drop(): Promise<void>;
}

async function asAdmin<T>(work: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: process.env['TEST_DATABASE_URL'] ?? DEFAULT_TEST_SERVER });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

export async function createServerRoles(prefix = 'cd_ops'): Promise<ServerRoles> {
  const tag = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const ownerRole = `${tag}_owner`;
  const appRole = `${tag}_api`;
  await asAdmin(async (c) => {
    // The group role the migrations grant to; made once per cluster (another run may race us).
    await c.query(`DO $$ BEGIN CREATE ROLE chartdesk_app NOLOGIN;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
    await c.query(`CREATE ROLE "${ownerRole}" LOGIN`);
    await c.query(`CREATE DATABASE "${tag}" OWNER "${ownerRole}"`);
    await c.query(`CREATE ROLE "${appRole}" LOGIN IN ROLE chartdesk_app`);
  });
  const url = (role?: string): string => {
    const u = new URL(process.env['TEST_DATABASE_URL'] ?? DEFAULT_TEST_SERVER);
    if (role === undefined) {
      u.pathname = `/${tag}`;
      return u.toString();
    }
    u.username = role;
    u.password = '';
    u.pathname = `/${tag}`;
    return u.toString();
  };
  return {
    ownerUrl: url(ownerRole),
    appUrl: url(appRole),
    adminUrl: url(),
    ownerRole,
    appRole,
    database: tag,
    drop: () =>
      asAdmin(async (c) => {
        await c.query(`DROP DATABASE IF EXISTS "${tag}" WITH (FORCE)`);
        await c.query(`DROP ROLE IF EXISTS "${appRole}"`);
        await c.query(`DROP ROLE IF EXISTS "${ownerRole}"`);
      }),
  };
}
