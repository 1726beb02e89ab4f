import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditService } from '@chartdesk/api-audit';
import { CODESET_COMMANDS, importReferenceFile } from '@chartdesk/api-codesets';
import { CodePaths, type DataReleaseView, type ImportSummary, apiUrl } from '@chartdesk/contracts';
import { DataSource } from 'typeorm';
import { type TestUser, authHeader, createUser } from '../../support/auth';
import { REPO_ROOT } from '../../support/app-process';
import { type TestApp, createTestApp } from '../../support/test-app';

const FIXTURES = join(REPO_ROOT, 'libs/api/codesets/src/lib/import/fixtures');
const CLI = { actor: null, via: 'cli' as const };

/** Releases far from the other suites' (they share the run's database): FY2041 and later. */
describe('CMS reference file imports (real AppModule)', () => {
  let t: TestApp;
  let admin: TestUser;
  let importDir: string;
  let dataSource: DataSource;

  const count = async (sql: string, params: unknown[] = []): Promise<number> => {
    const [row] = (await dataSource.query(sql, params)) as { n: number }[];
    return row.n;
  };
  const releaseRows = (kind: string) =>
    dataSource.query(
      `SELECT release, effective_from::text AS "from", effective_to::text AS "to", row_count FROM code_reference_release
        WHERE kind = $1 AND release LIKE 'FY204%' ORDER BY effective_from`,
      [kind],
    ) as Promise<{ release: string; from: string; to: string | null; row_count: number }[]>;

  beforeAll(async () => {
    t = await createTestApp();
    dataSource = t.app.get(DataSource);
    admin = await createUser(t.app, { role: 'ADMIN' });
    importDir = join(t.config.dataDir, 'imports');
    mkdirSync(importDir, { recursive: true });
    copyFileSync(join(FIXTURES, 'icd10cm_tabular_2026.xml'), join(importDir, 'icd10cm_tabular_2041.xml'));
    copyFileSync(join(FIXTURES, 'icd10pcs_tables_2026.xml'), join(importDir, 'icd10pcs_tables_2041.xml'));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('imports through the admin API with the release and effective date from the file name, and audits it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: apiUrl(CodePaths.imports),
      payload: { dataset: 'ICD10CM_TABULAR', fileName: 'icd10cm_tabular_2041.xml' },
      headers: authHeader(admin.accessToken),
    });
    expect(res.statusCode).toBe(201);
    const summary = res.json<ImportSummary>();
    expect(summary).toMatchObject({
      dataset: 'ICD10CM_TABULAR',
      label: 'ICD-10-CM Tabular FY2041',
      release: 'FY2041',
      effectiveFrom: '2040-10-01',
      outcome: 'imported',
    });
    const [release] = await releaseRows('ICD10CM_TABULAR');
    expect(release).toMatchObject({ release: 'FY2041', from: '2040-10-01', to: null, row_count: summary.rowsImported });
    const events = await count(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'CODESET_IMPORTED' AND actor_user_id = $1
          AND resource_type = 'code_reference_release' AND resource_id = 'ICD10CM_TABULAR:FY2041'`,
      [admin.user.id],
    );
    expect(events).toBe(1);
    const listed = await t.app.inject({
      method: 'GET',
      url: apiUrl(CodePaths.releases),
      headers: authHeader(admin.accessToken),
    });
    expect(listed.json<DataReleaseView[]>()).toContainEqual(
      expect.objectContaining({ dataset: 'ICD10CM_TABULAR', label: 'ICD-10-CM Tabular FY2041', release: 'FY2041' }),
    );
  });

  it('changes nothing when the same file is imported again, and refuses a different file for the release (409)', async () => {
    const rows = () => count('SELECT count(*)::int AS n FROM code_tabular_note');
    const before = await rows();
    const again = await importReferenceFile(
      t.app.get(AuditService),
      { path: join(importDir, 'icd10cm_tabular_2041.xml') },
      CLI,
    );
    expect(again).toMatchObject({ outcome: 'unchanged', rowsImported: 0 });
    expect(await rows()).toBe(before);
    const changed = join(importDir, 'changed', 'icd10cm_tabular_2041.xml');
    mkdirSync(join(importDir, 'changed'));
    writeFileSync(
      changed,
      readFileSync(join(importDir, 'icd10cm_tabular_2041.xml'), 'utf8').replace(
        'Classical cholera',
        'Cholera classica',
      ),
    );
    const error = await importReferenceFile(t.app.get(AuditService), { path: changed }, CLI).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFLICT' });
    expect(await rows()).toBe(before);
  });

  it('ends the earlier release the day before a later one starts', async () => {
    const later = join(importDir, 'icd10cm_tabular_2042.xml');
    copyFileSync(join(importDir, 'icd10cm_tabular_2041.xml'), later);
    const summary = await importReferenceFile(t.app.get(AuditService), { path: later }, CLI);
    expect(summary.supersededRelease).toBe('FY2041');
    expect((await releaseRows('ICD10CM_TABULAR')).map((r) => [r.release, r.from, r.to])).toEqual([
      ['FY2041', '2040-10-01', '2041-09-30'],
      ['FY2042', '2041-10-01', null],
    ]);
  });

  it('rolls back everything on a malformed element and names its line', async () => {
    const broken = join(importDir, 'icd10cm_tabular_2043.xml');
    const text = readFileSync(join(FIXTURES, 'icd10cm_tabular_2026.xml'), 'utf8').replace(
      '<name>E11.9</name>',
      '<name>E11.9.9</name>',
    );
    writeFileSync(broken, text);
    const line = text.split('\n').findIndex((l) => l.includes('E11.9.9')) + 1;
    const error = await importReferenceFile(t.app.get(AuditService), { path: broken }, CLI).catch((e: unknown) => e);
    expect((error as { userMessage: string }).userMessage).toBe(
      `icd10cm_tabular_2043.xml, line ${line}, in <name>: "E11.9.9" is not an ICD-10-CM code`,
    );
    expect((await releaseRows('ICD10CM_TABULAR')).map((r) => r.release)).toEqual(['FY2041', 'FY2042']);
    expect(await count(`SELECT count(*)::int AS n FROM audit_event WHERE resource_id = 'ICD10CM_TABULAR:FY2043'`)).toBe(
      0,
    );
  });

  it('imports from the CLI, a folder at a time', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const err = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const dir = join(importDir, 'pcs');
    mkdirSync(dir);
    copyFileSync(join(importDir, 'icd10pcs_tables_2041.xml'), join(dir, 'icd10pcs_tables_2041.xml'));
    try {
      expect(await CODESET_COMMANDS['import-reference'](t.config, [dir])).toBe(0);
      expect(log.mock.calls.flat().join('\n')).toMatch(
        /ICD-10-PCS Tables FY2041: imported \d+ rows, effective from 2040-10-01/,
      );
      expect(await CODESET_COMMANDS['import-reference'](t.config, [dir])).toBe(0);
      expect(log.mock.calls.flat().join('\n')).toMatch(/ICD-10-PCS Tables FY2041: already imported, nothing changed/);
      expect(await CODESET_COMMANDS['import-reference'](t.config, ['--bogus', dir])).toBe(2);
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
    expect(
      await count(
        `SELECT count(*)::int AS n FROM code_pcs_row_value v JOIN code_reference_release r ON r.id = v.release_id
          WHERE r.release = 'FY2041' AND v.table_code = '0FT' AND v.pos = 4`,
      ),
    ).toBe(18);
  });
});
