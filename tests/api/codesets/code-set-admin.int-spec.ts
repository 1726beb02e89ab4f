import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodePaths, type DataReleaseView, type ImportSummary, type Role, apiUrl } from '@chartdesk/contracts';
import { DataSource } from 'typeorm';
import { type TestUser, authHeader, createUserPerRole } from '../../support/auth';
import { type TestApp, createTestApp } from '../../support/test-app';

/** A CMS order-file line: order number, code, billable flag, short and long description. */
const orderLine = (order: number, code: string, billable: 0 | 1, text: string): string =>
  `${String(order).padStart(5, '0')} ${code.padEnd(7)} ${billable} ${text.slice(0, 60).padEnd(60)} ${text}`;

describe('code set administration (real AppModule)', () => {
  let t: TestApp;
  let users: Record<Role, TestUser>;
  let importDir: string;

  const post = (body: object, role: Role = 'ADMIN') =>
    t.app.inject({
      method: 'POST',
      url: apiUrl(CodePaths.imports),
      payload: body,
      headers: authHeader(users[role].accessToken),
    });
  const get = (path: string, role: Role = 'ADMIN') =>
    t.app.inject({ method: 'GET', url: apiUrl(path), headers: authHeader(users[role].accessToken) });
  const auditCount = async (): Promise<number> => {
    const [row] = (await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'CODESET_IMPORTED' AND actor_user_id = $1`, [
        users.ADMIN.user.id,
      ])) as { n: number }[];
    return row.n;
  };

  beforeAll(async () => {
    t = await createTestApp();
    users = await createUserPerRole(t.app);
    importDir = join(t.config.dataDir, 'imports');
    mkdirSync(importDir, { recursive: true });
    writeFileSync(
      join(importDir, 'icd10cm_order_2031.txt'),
      [
        orderLine(1, 'J18', 0, 'Pneumonia, unspecified organism'),
        orderLine(2, 'J189', 1, 'Pneumonia, unspecified organism'),
        'this line is not in the order-file layout',
        orderLine(4, 'J180', 9, 'Bronchopneumonia, unspecified organism'),
        orderLine(5, 'I10', 1, 'Essential (primary) hypertension'),
      ].join('\r\n'),
    );
    writeFileSync(
      join(importDir, 'icd10cm_order_2032.txt'),
      [
        orderLine(1, 'J189', 1, 'Pneumonia, unspecified organism'),
        orderLine(2, 'U999', 1, 'A code new this year'),
      ].join('\n'),
    );
    writeFileSync(
      join(importDir, 'icd10cm_order_2033.txt'),
      orderLine(1, 'J189', 1, 'Pneumonia, unspecified organism'),
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('imports a file from the import folder, reports malformed lines by number, and audits it', async () => {
    const before = await auditCount();
    const res = await post({ dataset: 'ICD10CM', fileName: 'icd10cm_order_2031.txt' });
    expect(res.statusCode).toBe(201);
    const summary = res.json<ImportSummary>();
    expect(summary).toMatchObject({
      label: 'ICD-10-CM FY2031',
      release: 'FY2031',
      effectiveFrom: '2030-10-01',
      outcome: 'imported',
      rowsRead: 5,
      rowsImported: 3,
      billable: 2,
      problemCount: 2,
    });
    expect(summary.problems.map((p) => p.line)).toEqual([3, 4]);
    expect(await auditCount()).toBe(before + 1);
  });

  it('changes nothing when the same release is imported again', async () => {
    const res = await post({ dataset: 'ICD10CM', fileName: 'icd10cm_order_2031.txt' });
    expect(res.statusCode).toBe(201);
    expect(res.json<ImportSummary>()).toMatchObject({ outcome: 'unchanged', rowsImported: 0 });
    const [row] = (await t.app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS n FROM code c JOIN code_set_version v ON v.id = c.version_id WHERE v.release = 'FY2031'`,
      )) as { n: number }[];
    expect(row.n).toBe(3);
  });

  it('closes the previous release when a new one starts', async () => {
    const res = await post({ dataset: 'ICD10CM', fileName: 'icd10cm_order_2032.txt' });
    expect(res.json<ImportSummary>()).toMatchObject({ outcome: 'imported', supersededRelease: 'FY2031' });
    const releases = (await get(CodePaths.releases)).json<DataReleaseView[]>();
    expect(releases.find((r) => r.release === 'FY2031')).toMatchObject({
      effectiveFrom: '2030-10-01',
      effectiveTo: '2031-09-30',
    });
    expect(releases.find((r) => r.release === 'FY2032')).toMatchObject({
      effectiveFrom: '2031-10-01',
      effectiveTo: null,
    });
    const search = async (dos: string) =>
      (
        await t.app.inject({
          method: 'GET',
          url: apiUrl(CodePaths.search),
          query: { q: 'U99.9', dos },
          headers: authHeader(users.CODER.accessToken),
        })
      ).json<{ results: unknown[] }>().results;
    expect(await search('2031-03-01')).toEqual([]);
    expect(await search('2032-03-01')).toHaveLength(1);
  });

  it('serialises two imports of the same release started at once', async () => {
    const [a, b] = await Promise.all([
      post({ dataset: 'ICD10CM', fileName: 'icd10cm_order_2033.txt' }),
      post({ dataset: 'ICD10CM', fileName: 'icd10cm_order_2033.txt' }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect([a.json<ImportSummary>().outcome, b.json<ImportSummary>().outcome].sort()).toEqual([
      'imported',
      'unchanged',
    ]);
  });

  it('lists the files waiting in the import folder', async () => {
    const res = await get(CodePaths.importFiles);
    expect(res.statusCode).toBe(200);
    expect(res.json<{ files: { name: string }[] }>().files.map((f) => f.name)).toEqual([
      'icd10cm_order_2031.txt',
      'icd10cm_order_2032.txt',
      'icd10cm_order_2033.txt',
    ]);
  });

  it('refuses paths outside the import folder, unknown files and incomplete edit imports', async () => {
    expect((await post({ dataset: 'ICD10CM', fileName: '../secrets.txt' })).statusCode).toBe(400);
    expect((await post({ dataset: 'ICD10CM', fileName: '/etc/passwd' })).statusCode).toBe(400);
    expect((await post({ dataset: 'ICD10CM', fileName: 'missing.txt' })).statusCode).toBe(404);
    expect((await post({ dataset: 'NCCI_PTP', fileName: 'icd10cm_order_2031.txt' })).statusCode).toBe(400);
    expect((await post({ dataset: 'SNOMED', fileName: 'icd10cm_order_2031.txt' })).statusCode).toBe(400);
    expect((await post({ dataset: 'CPT', fileName: 'icd10cm_order_2031.txt' })).statusCode).toBe(400);
  });

  it('is for admins only', async () => {
    for (const role of ['CODER', 'SUPERVISOR', 'COMPLIANCE'] as const) {
      expect((await get(CodePaths.releases, role)).statusCode).toBe(403);
      expect((await get(CodePaths.importFiles, role)).statusCode).toBe(403);
      expect((await post({ dataset: 'ICD10CM', fileName: 'icd10cm_order_2031.txt' }, role)).statusCode).toBe(403);
    }
    const anonymous = await t.app.inject({ method: 'GET', url: apiUrl(CodePaths.releases) });
    expect(anonymous.statusCode).toBe(401);
  });
});
