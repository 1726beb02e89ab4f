import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODESET_COMMANDS, seedDemoCodeSets } from '@chartdesk/api-codesets';
import { CodePaths, type EditCheckResponse, type ImportSummary, type Role, apiUrl } from '@chartdesk/contracts';
import { DataSource } from 'typeorm';
import { type TestUser, authHeader, createUserPerRole } from '../../support/auth';
import { type TestApp, createTestApp } from '../../support/test-app';

const PTP_HEADER =
  'Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date *=no data\tModifier 0=not allowed 1=allowed 9=not applicable\tPTP Edit Rationale';

describe('edit data imports in the CMS layouts, and the import CLI', () => {
  let t: TestApp;
  let users: Record<Role, TestUser>;
  let importDir: string;

  const post = (url: string, body: object, role: Role) =>
    t.app.inject({ method: 'POST', url: apiUrl(url), payload: body, headers: authHeader(users[role].accessToken) });

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoCodeSets(t.app.get(DataSource));
    users = await createUserPerRole(t.app);
    importDir = join(t.config.dataDir, 'imports');
    mkdirSync(importDir, { recursive: true });
    const ptpLines = ['Hospital outpatient PTP edits (test file)', PTP_HEADER, '45385\t45378\t\t20000101\t*\t0\tTest'];
    writeFileSync(join(importDir, 'ccioph-broken.txt'), [...ptpLines, 'broken line', ''].join('\r\n'));
    writeFileSync(join(importDir, 'ccioph-demo.txt'), [...ptpLines, ''].join('\r\n'));
    writeFileSync(
      join(importDir, 'mue-oph-demo.csv'),
      [
        '"Test notice"',
        '"HCPCS/CPT Code","Outpatient Hospital Services MUE Values","MUE Adjudication Indicator","MUE Rationale"',
        '"45385","1","2 Date of Service Edit: Policy","Anatomic Consideration"',
      ].join('\n'),
    );
    writeFileSync(
      join(importDir, 'cpt-2027.csv'),
      'code,descriptor\n99213,"Demo label: office visit, low"\n12345X,Bad\n',
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a file with a malformed line whole, naming the line, and commits nothing', async () => {
    const broken = await post(
      CodePaths.imports,
      {
        dataset: 'NCCI_PTP',
        fileName: 'ccioph-broken.txt',
        release: '2026Q1',
        effectiveFrom: '2026-01-01',
        providerType: 'HOSPITAL',
      },
      'ADMIN',
    );
    expect(broken.statusCode).toBe(400);
    expect(broken.json<{ message: string }>().message).toMatch(/1 malformed line.*nothing was imported.*line 4/);
    const releases = await t.app
      .get(DataSource)
      .query(`SELECT 1 FROM edit_data_version WHERE provider_type = 'HOSPITAL'`);
    expect(releases).toEqual([]);
  });

  it('imports hospital NCCI PTP and MUE files and applies them to outpatient claims only', async () => {
    const ptp = await post(
      CodePaths.imports,
      {
        dataset: 'NCCI_PTP',
        fileName: 'ccioph-demo.txt',
        release: '2026Q1',
        effectiveFrom: '2026-01-01',
        providerType: 'HOSPITAL',
      },
      'ADMIN',
    );
    expect(ptp.statusCode).toBe(201);
    expect(ptp.json<ImportSummary>()).toMatchObject({
      label: 'NCCI PTP hospital 2026Q1',
      rowsImported: 1,
      problemCount: 0,
    });
    const mue = await post(
      CodePaths.imports,
      {
        dataset: 'MUE',
        fileName: 'mue-oph-demo.csv',
        release: '2026Q1',
        effectiveFrom: '2026-01-01',
        providerType: 'HOSPITAL',
      },
      'ADMIN',
    );
    expect(mue.json<ImportSummary>()).toMatchObject({ label: 'MUE hospital 2026Q1', rowsImported: 1, problemCount: 0 });

    const claim = (type: 'OUTPATIENT' | 'PROFEE') => ({
      encounter: { type, dateOfService: '2026-03-15', patientAgeYears: 60, patientSex: 'female', payer: 'MEDICARE' },
      diagnoses: [{ sequence: 1, code: 'K57.30' }],
      procedures: [
        { sequence: 1, system: 'CPT', code: '45385', units: 2, diagnosisPointers: [1] },
        { sequence: 2, system: 'CPT', code: '45378', diagnosisPointers: [1] },
      ],
    });
    const outpatient = (await post(CodePaths.edits, claim('OUTPATIENT'), 'CODER')).json<EditCheckResponse>().findings;
    expect(outpatient.find((f) => f.ruleId === 'NCCI_PTP')?.source).toEqual({
      name: 'NCCI PTP hospital',
      release: '2026Q1',
    });
    expect(outpatient.find((f) => f.ruleId === 'MUE_EXCEEDED')?.source).toEqual({
      name: 'MUE hospital',
      release: '2026Q1',
    });
    // the professional claim reads the practitioner files (the demo release) instead
    const profee = (await post(CodePaths.edits, claim('PROFEE'), 'CODER')).json<EditCheckResponse>().findings;
    expect(profee.find((f) => f.ruleId === 'NCCI_PTP')?.source).toEqual({
      name: 'NCCI PTP practitioner',
      release: '2026Q1 demo',
    });
  });

  it('refuses an edit data file that does not have the layout', async () => {
    const res = await post(
      CodePaths.imports,
      { dataset: 'MUE', fileName: 'cpt-2027.csv', release: 'x1', effectiveFrom: '2026-01-01' },
      'ADMIN',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toMatch(/header row/);
  });

  const serverMode = !process.env['CHARTDESK_TEST_DB_EMBEDDED'];
  (serverMode ? it : it.skip)('imports CPT from the command line, with a summary and exit codes', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const args = ['CPT', join(importDir, 'cpt-2027.csv'), '--release', '2027 test', '--effective', '2027-01-01'];
      expect(await CODESET_COMMANDS['import-codes'](t.config, args)).toBe(0);
      expect(log.mock.calls.flat().join('\n')).toMatch(
        /CPT 2027 test: imported 1 rows[\s\S]*line 3: "12345X" is not a CPT code/,
      );
      expect(await CODESET_COMMANDS['import-codes'](t.config, args)).toBe(0);
      expect(log.mock.calls.flat().join('\n')).toMatch(/already imported, nothing changed/);
      expect(await CODESET_COMMANDS['import-codes'](t.config, ['CPT', join(importDir, 'cpt-2027.csv')])).toBe(1);
      expect(error.mock.calls.flat().join('\n')).toMatch(/release name and effective date/);
      expect(await CODESET_COMMANDS['import-codes'](t.config, ['SNOMED'])).toBe(2);
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  });
});
