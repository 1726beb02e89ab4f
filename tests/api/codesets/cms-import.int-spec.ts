import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AuditService } from '@chartdesk/api-audit';
import { importCodeSetFile, seedDemoCodeSets } from '@chartdesk/api-codesets';
import { CodePaths, type CodeSearchHit, apiUrl } from '@chartdesk/contracts';
import { DataSource } from 'typeorm';
import { authHeader, createUser } from '../../support/auth';
import { REPO_ROOT } from '../../support/app-process';
import { type TestApp, createTestApp } from '../../support/test-app';
import { type TestDatabase, createTestDatabase } from '../../support/test-database';

/** The real FY2026 CMS files live beside the repo, never in it. */
const CMS_DIR = process.env['CMS_DATA_DIR'] ?? join(REPO_ROOT, '../shared/data/cms');
const FILES = {
  ICD10CM: join(CMS_DIR, 'cms_2026_dx.zip'),
  ICD10PCS: join(CMS_DIR, 'cms_2026_pr.zip'),
  HCPCS: join(CMS_DIR, 'HCPC2025_OCT_ANWEB.xlsx'),
} as const;
const present = Object.values(FILES).every((f) => existsSync(f));
if (!present) {
  console.warn(`Skipping the full CMS import test: the CMS files are not in ${CMS_DIR} (see README, "Code sets").`);
}
const describeWithCms = present ? describe : describe.skip;

describeWithCms('full CMS FY2026 import (own database)', () => {
  let db: TestDatabase;
  let t: TestApp;
  const requester = { actor: null, via: 'cli' as const };

  beforeAll(async () => {
    // Its own database: 187k codes must not change what other suites search.
    db = await createTestDatabase('chartdesk_cms');
    t = await createTestApp({ DATABASE_URL: db.url ?? '' });
    await seedDemoCodeSets(t.app.get(DataSource));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('imports ICD-10-CM from the CMS zip: 98,186 codes, 74,719 billable, replacing the demo subset', async () => {
    const summary = await importCodeSetFile(
      t.app.get(AuditService),
      { system: 'ICD10CM', path: FILES.ICD10CM },
      requester,
    );
    expect(summary).toMatchObject({
      label: 'ICD-10-CM FY2026',
      effectiveFrom: '2025-10-01',
      outcome: 'imported',
      rowsRead: 98_186,
      rowsImported: 98_186,
      billable: 74_719,
      problemCount: 0,
      supersededRelease: 'FY2026 demo',
    });
  }, 300_000);

  it('imports ICD-10-PCS: 80,029 rows, 79,115 valid codes', async () => {
    const summary = await importCodeSetFile(
      t.app.get(AuditService),
      { system: 'ICD10PCS', path: FILES.ICD10PCS },
      requester,
    );
    expect(summary).toMatchObject({
      label: 'ICD-10-PCS FY2026',
      rowsImported: 80_029,
      billable: 79_115,
      problemCount: 0,
    });
  }, 300_000);

  it('imports HCPCS Level II from the xlsx: 8,463 codes (modifiers are not codes)', async () => {
    const summary = await importCodeSetFile(t.app.get(AuditService), { system: 'HCPCS', path: FILES.HCPCS }, requester);
    expect(summary).toMatchObject({
      label: 'HCPCS Level II 2025Q4',
      effectiveFrom: '2025-10-01',
      rowsImported: 8_463,
      problemCount: 0,
    });
  }, 300_000);

  it('changes nothing on a second import of the same files', async () => {
    const summary = await importCodeSetFile(
      t.app.get(AuditService),
      { system: 'ICD10CM', path: FILES.ICD10CM },
      requester,
    );
    expect(summary).toMatchObject({ outcome: 'unchanged', rowsImported: 0, billable: 74_719 });
    const [row] = (await t.app.get(DataSource).query(
      `SELECT count(*)::int AS n FROM code c JOIN code_set_version v ON v.id = c.version_id
        WHERE v.system = 'ICD10CM' AND v.replaced_by IS NULL`,
    )) as { n: number }[];
    expect(row.n).toBe(98_186);
  }, 120_000);

  it('answers search from the full release only (no demo duplicates)', async () => {
    const coder = await createUser(t.app, { role: 'CODER' });
    const res = await t.app.inject({
      method: 'GET',
      url: apiUrl(CodePaths.search),
      query: { q: 'J18.9', dos: '2026-03-15' },
      headers: authHeader(coder.accessToken),
    });
    const results = res.json<{ results: CodeSearchHit[] }>().results;
    expect(results.filter((r) => r.code === 'J189')).toHaveLength(1);
    expect(results[0]).toMatchObject({ code: 'J189', match: 'exact' });
  });
});
