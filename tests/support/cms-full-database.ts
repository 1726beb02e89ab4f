import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AuditService } from '@chartdesk/api-audit';
import { importCodeSetFile, seedDemoCodeSets } from '@chartdesk/api-codesets';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { REPO_ROOT } from './app-process';
import { createTestApp } from './test-app';
import { DEFAULT_TEST_SERVER, type TestDatabase, createTestDatabase } from './test-database';

/** The real FY2026 CMS files live beside the repo, never in it. */
export const CMS_DIR = process.env['CMS_DATA_DIR'] ?? join(REPO_ROOT, '../shared/data/cms');
export const CMS_FILES = {
  ICD10CM: join(CMS_DIR, 'cms_2026_dx.zip'),
  ICD10PCS: join(CMS_DIR, 'cms_2026_pr.zip'),
  HCPCS: join(CMS_DIR, 'HCPC2025_OCT_ANWEB.xlsx'),
} as const;

export function cmsFilesPresent(): boolean {
  return Object.values(CMS_FILES).every((f) => existsSync(f));
}

/**
 * Whether a suite that needs the CMS files may skip. In CI it may not: the
 * phrase set and the edit case table are the proof of the encoder issues.
 */
export function describeWithFullCms(name: string, body: () => void): void {
  if (cmsFilesPresent()) {
    describe(name, body);
    return;
  }
  const message = `the CMS files are not in ${CMS_DIR} (see README, "Code sets")`;
  if (process.env['CI'] === 'true') {
    describe(name, () => {
      it('has the CMS files it proves its claims on', () => {
        throw new Error(`Cannot run in CI: ${message}.`);
      });
    });
    return;
  }
  console.warn(`Skipping "${name}": ${message}.`);
  describe.skip(name, body);
}

/** Everything that decides what a full-import database holds: schema, importers, CMS files. */
function templateKey(): string {
  const hash = createHash('sha256');
  const roots = [join(REPO_ROOT, 'libs/api'), join(REPO_ROOT, 'libs/coding-rules/src')];
  const relevant = (path: string) =>
    /\/migrations\/|\/import\/|\/demo\/|\/data\//.test(path) || path.includes('coding-rules');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(path);
      } else if (relevant(path) && !path.endsWith('.spec.ts')) {
        hash.update(relative(REPO_ROOT, path)).update(readFileSync(path));
      }
    }
  };
  roots.forEach(walk);
  for (const file of Object.values(CMS_FILES)) hash.update(`${file}:${statSync(file).size}`);
  return hash.digest('hex').slice(0, 12);
}

async function withAdmin<T>(work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: process.env['TEST_DATABASE_URL'] ?? DEFAULT_TEST_SERVER });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** Migrates `url`, loads the demo code sets, then imports the full CMS CM, PCS and HCPCS files. */
async function importFullCms(url: string): Promise<void> {
  const t = await createTestApp({ DATABASE_URL: url });
  try {
    await seedDemoCodeSets(t.app.get(DataSource));
    const requester = { actor: null, via: 'cli' as const };
    for (const system of ['ICD10CM', 'ICD10PCS', 'HCPCS'] as const) {
      await importCodeSetFile(t.app.get(AuditService), { system, path: CMS_FILES[system] }, requester);
    }
  } finally {
    await t.close();
  }
}

const TEMPLATE_PREFIX = 'chartdesk_cmstpl_';
const TEMPLATE_LOCK = 727275;

/**
 * A fresh database holding the full FY2026 CMS import, for suites that test
 * search and edits on real content. The import (minutes) is done once per
 * schema/importer/file combination into a template database on the server;
 * each suite then gets its own copy (`CREATE DATABASE … TEMPLATE`, seconds),
 * so suites can neither see nor disturb each other's data. Without a server
 * (PGlite fallback) the suite's own database is imported directly.
 */
export async function createFullCmsDatabase(prefix = 'chartdesk_cmsfull'): Promise<TestDatabase> {
  const probe = await createTestDatabase(prefix);
  if (probe.embedded) {
    await importFullCms(probe.url);
    return probe;
  }
  await probe.drop();
  const template = `${TEMPLATE_PREFIX}${templateKey()}`;
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await withAdmin(async (admin) => {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (found.rowCount === 0) {
        // Only CI prunes older templates: on a dev machine several checkouts may each keep their own.
        const stale = await admin.query<{ datname: string }>(
          `SELECT datname FROM pg_database WHERE datname LIKE '${TEMPLATE_PREFIX}%'`,
        );
        if (process.env['CI'] === 'true')
          for (const row of stale.rows) await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
        const building = `${template}_building`;
        await admin.query(`CREATE DATABASE "${building}"`);
        console.warn(`Building the full CMS template database ${template} (once per schema/importer change)…`);
        const url = new URL(process.env['TEST_DATABASE_URL'] ?? DEFAULT_TEST_SERVER);
        url.pathname = `/${building}`;
        try {
          await importFullCms(url.toString());
        } catch (err) {
          await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
          throw err;
        }
        await admin.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
      }
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
  const url = new URL(process.env['TEST_DATABASE_URL'] ?? DEFAULT_TEST_SERVER);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    embedded: false,
    async drop() {
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
