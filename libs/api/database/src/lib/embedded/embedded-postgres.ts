import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** What `pg` needs to reach the embedded server: a socket directory, as for a local PostgreSQL. */
export interface EmbeddedPostgresHandle {
  readonly socketDir: string;
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

const SOCKET_PORT = 5432;

/**
 * Starts PGlite persisted in `dataDir` and serves it on a unix socket, so the
 * app talks to it through the same `pg` driver it uses against a real server.
 * `maxConnections` must cover the pool: extra clients are dropped, not queued.
 */
export async function startEmbeddedPostgres(dataDir: string, maxConnections: number): Promise<EmbeddedPostgresHandle> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = await PGlite.create({ dataDir: join(dataDir, 'pgdata'), extensions: { pg_trgm } });
  // Unix socket paths are limited to ~107 bytes, so the socket lives in a short temp dir.
  const socketDir = mkdtempSync(join(tmpdir(), 'cdpg-'));
  const server = new PGLiteSocketServer({
    db,
    path: join(socketDir, `.s.PGSQL.${SOCKET_PORT}`),
    maxConnections,
  });
  await server.start();
  return {
    socketDir,
    port: SOCKET_PORT,
    url: `postgres://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}`,
    async close() {
      await server.stop();
      await db.close();
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
}
