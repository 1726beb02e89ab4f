import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppConfig, loadConfig } from '@chartdesk/api-platform';
import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
// Integration tests boot the real composition root, which only the app holds.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { bootstrapApp } from '../../apps/api/src/app/bootstrap';

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly config: AppConfig;
  close(): Promise<void>;
}

/**
 * The real AppModule, through the same bootstrap as main.ts, on the run's
 * PostgreSQL database (or PGlite when no server answered). Migrations run on
 * boot; they are idempotent, so every test file may boot its own app.
 * `extraModules` are mounted beside AppModule (e.g. a probe controller).
 */
export async function createTestApp(
  env: Record<string, string> = {},
  extraModules: readonly Type<unknown>[] = [],
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chartdesk-int-'));
  const url = process.env['CHARTDESK_TEST_DB_URL'] ?? '';
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    CHARTDESK_DATA_DIR: dataDir,
    DATABASE_URL: url,
    MIGRATE_ON_START: 'true',
    SEED_DEMO_DATA: 'false',
    DB_POOL_SIZE: '5',
    WEB_DIST_DIR: join(dataDir, 'no-web'),
    ...env,
  });
  const running = await withBootLock(config.databaseUrl, () => bootstrapApp(config, extraModules));
  await running.app.init();
  await running.app.getHttpAdapter().getInstance().ready();
  return {
    app: running.app,
    config,
    async close() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Test files run in parallel against one database and each boot migrates it:
 * a session-level advisory lock makes those migrations run one after another.
 */
async function withBootLock<T>(url: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!url) return work();
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(727274)');
    return await work();
  } finally {
    await client.query('SELECT pg_advisory_unlock(727274)').catch(() => undefined);
    await client.end();
  }
}
