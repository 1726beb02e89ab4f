import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemoCodeSets } from '@chartdesk/api-codesets';
import {
  CodePaths,
  type EditCheckResponse,
  type EditFinding,
  type EditInput,
  type ImportSummary,
  type Role,
  apiUrl,
} from '@chartdesk/contracts';
import { DataSource } from 'typeorm';
import { type TestUser, authHeader, createUserPerRole } from '../../support/auth';
import { type TestApp, createTestApp } from '../../support/test-app';

const FIXTURES = join(__dirname, 'fixtures');
const MCE = 'Definitions_of_Medicare_Code_Edits_v43_fixture.txt';

/**
 * The CMS edit publications in their own layouts (fixtures built from the
 * published layouts): importing each changes the findings, and every finding
 * names the release it came from and the row behind it.
 */
describe('CMS edit publications: POA exempt list, MCE tables, add-on codes, DME MUE, Tabular notes', () => {
  let t: TestApp;
  let users: Record<Role, TestUser>;
  let importDir: string;

  const post = (url: string, body: object, role: Role = 'ADMIN') =>
    t.app.inject({ method: 'POST', url: apiUrl(url), payload: body, headers: authHeader(users[role].accessToken) });
  const importFile = async (
    dataset: string,
    fileName: string,
    release: string,
    effectiveFrom: string,
    providerType?: string,
  ) =>
    post(CodePaths.imports, { dataset, fileName, release, effectiveFrom, ...(providerType ? { providerType } : {}) });
  const check = async (input: EditInput): Promise<EditFinding[]> =>
    (await post(CodePaths.edits, input, 'CODER')).json<EditCheckResponse>().findings;
  const inpatient = (
    diagnoses: { code: string; poa?: string | null }[],
    over: Partial<EditInput['encounter']> = {},
    procedures: EditInput['procedures'] = [],
  ): EditInput => ({
    encounter: {
      type: 'INPATIENT',
      dateOfService: '2026-03-15',
      patientAgeYears: 50,
      patientSex: 'male',
      payer: 'MEDICARE',
      ...over,
    },
    diagnoses: diagnoses.map((d, i) => ({ sequence: i + 1, code: d.code, poa: d.poa === undefined ? 'Y' : d.poa })),
    procedures,
  });
  const rule = (findings: EditFinding[], ruleId: string, code?: string) =>
    findings.filter((f) => f.ruleId === ruleId && (code === undefined || f.codes.includes(code)));

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoCodeSets(t.app.get(DataSource));
    users = await createUserPerRole(t.app);
    importDir = join(t.config.dataDir, 'imports');
    mkdirSync(importDir, { recursive: true });
    for (const name of [
      MCE,
      'POAexemptCodesFY26_fixture.txt',
      'POAexemptCodesFY27_fixture.txt',
      'AOC_V2026Q1_fixture.txt',
      'MCR_MUE_DMESupplierServices_fixture.csv',
    ])
      copyFileSync(join(FIXTURES, name), join(importDir, name));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the CMS POA exempt list replaces the guideline default, and releases sit side by side by date of service', async () => {
    const claim = (dateOfService: string) =>
      inpatient(
        [{ code: 'J18.9' }, { code: 'I10', poa: null }, { code: 'Z79.4', poa: null }, { code: 'Z87.891', poa: 'Y' }],
        { dateOfService },
      );
    // before: I has exempt categories in Appendix I, so a blank POA on I10 only warns; Z79.4 is a default exempt code
    const before = await check(claim('2026-03-15'));
    expect(rule(before, 'POA_MISSING', 'I10')).toMatchObject([{ severity: 'WARNING', basis: 'HEURISTIC' }]);
    expect(rule(before, 'POA_MISSING', 'Z79.4')).toEqual([]);

    const fy26 = await importFile('POA_EXEMPT', 'POAexemptCodesFY26_fixture.txt', 'FY2026 fixture', '2025-10-01');
    expect(fy26.statusCode).toBe(201);
    expect(fy26.json<ImportSummary>()).toMatchObject({ label: 'CMS POA exempt list FY2026 fixture', rowsImported: 3 });
    const fy27 = await importFile('POA_EXEMPT', 'POAexemptCodesFY27_fixture.txt', 'FY2027 fixture', '2026-10-01');
    expect(fy27.json<ImportSummary>()).toMatchObject({ rowsImported: 4, supersededRelease: 'FY2026 fixture' });

    const after = await check(claim('2026-03-15'));
    const source = { name: 'CMS POA exempt list', release: 'FY2026 fixture' };
    expect(rule(after, 'POA_MISSING', 'I10')).toMatchObject([{ severity: 'ERROR', basis: 'CMS', source }]);
    expect(rule(after, 'POA_MISSING', 'Z79.4')).toMatchObject([{ severity: 'ERROR', source }]);
    expect(rule(after, 'POA_INVALID', 'Z87.891')).toMatchObject([
      {
        severity: 'WARNING',
        source,
        evidence: expect.stringMatching(/POAexemptCodesFY26_fixture\.txt line 3: Z87\.891/),
      },
    ]);
    // a date of service in FY2027 reads the FY2027 list, where I10 is exempt (the FY2026 release is kept)
    const later = await check(claim('2026-11-01'));
    expect(rule(later, 'POA_MISSING', 'I10')).toEqual([]);
    expect(rule(later, 'POA_MISSING', 'Z79.4')).toMatchObject([{ source: { release: 'FY2027 fixture' } }]);
    const history = await t.app
      .get(DataSource)
      .query(
        `SELECT release, effective_to::text AS "to" FROM edit_data_version WHERE kind = 'POA_EXEMPT' ORDER BY effective_from`,
      );
    expect(history).toEqual([
      { release: 'FY2026 fixture', to: '2026-09-30' },
      { release: 'FY2027 fixture', to: null },
    ]);
  });

  it('the MCE definitions tables replace the derived sex and age lists and add their own edits', async () => {
    const female = { patientSex: 'female' as const, patientAgeYears: 40 };
    const sexClaim = inpatient([{ code: 'I10' }, { code: 'N81.10' }, { code: 'C61' }, { code: 'N95.2' }], female);
    const before = await check({ ...sexClaim, encounter: { ...sexClaim.encounter, patientSex: 'male' } });
    expect(rule(before, 'SEX_CONFLICT', 'N81.10')).toMatchObject([{ severity: 'WARNING', basis: 'HEURISTIC' }]);
    expect(rule(await check(inpatient([{ code: 'R55' }])), 'QUESTIONABLE_ADMISSION')).toEqual([]);

    const res = await importFile('MCE', MCE, 'v43 fixture', '2025-10-01');
    expect(res.statusCode).toBe(201);
    expect(res.json<ImportSummary>()).toMatchObject({ label: 'Medicare Code Editor v43 fixture', problemCount: 0 });

    const male = await check({ ...sexClaim, encounter: { ...sexClaim.encounter, patientSex: 'male' } });
    const mce = { name: 'Medicare Code Editor', release: 'v43 fixture' };
    expect(rule(male, 'SEX_CONFLICT', 'N81.10')).toMatchObject([
      {
        severity: 'ERROR',
        basis: 'CMS',
        source: mce,
        evidence: expect.stringContaining('"Diagnoses for females only edit"'),
      },
    ]);
    // the MCE list speaks for the sex edit: N95.2, female only by its block title, is not on it
    expect(rule(male, 'SEX_CONFLICT', 'N95.2')).toEqual([]);
    expect(rule(await check(sexClaim), 'SEX_CONFLICT', 'C61')).toMatchObject([{ severity: 'ERROR', source: mce }]);
    // newborn list: now an error on an adult, from the table row
    expect(rule(await check(inpatient([{ code: 'I10' }, { code: 'P07.30' }])), 'AGE_CONFLICT')).toMatchObject([
      { severity: 'ERROR', source: mce, evidence: expect.stringContaining('newborn (age 0)') },
    ]);
    expect(rule(await check(inpatient([{ code: 'R55' }])), 'QUESTIONABLE_ADMISSION')).toMatchObject([
      { severity: 'WARNING', source: mce },
    ]);
    expect(rule(await check(inpatient([{ code: 'Z87.891' }])), 'UNACCEPTABLE_PRINCIPAL')).toMatchObject([
      { severity: 'ERROR', source: mce },
    ]);
    // a conditional list (unacceptable unless a secondary code is present) is not read as an unconditional one
    expect(rule(await check(inpatient([{ code: 'R07.9' }])), 'UNACCEPTABLE_PRINCIPAL')).toEqual([]);
    const procedures = await check(
      inpatient([{ code: 'S72.001A' }], { patientSex: 'female' }, [
        { sequence: 1, system: 'ICD10PCS', code: '0QS604Z' },
        { sequence: 2, system: 'ICD10PCS', code: '0270046' },
        { sequence: 3, system: 'ICD10PCS', code: '0VTTXZZ' },
        { sequence: 4, system: 'ICD10PCS', code: '0JH630Z' },
      ]),
    );
    expect(rule(procedures, 'NON_COVERED_PROCEDURE').map((f) => f.codes[0])).toEqual(['0QS604Z']);
    expect(rule(procedures, 'LIMITED_COVERAGE').map((f) => f.codes[0])).toEqual(['0270046']);
    expect(rule(procedures, 'SEX_CONFLICT')).toMatchObject([{ codes: ['0VTTXZZ'], severity: 'ERROR', source: mce }]);
    // external cause as principal is the guideline's own rule, with or without the MCE table
    expect(
      rule(await check(inpatient([{ code: 'W01.0XXA' }, { code: 'S72.001A' }])), 'UNACCEPTABLE_PRINCIPAL'),
    ).toMatchObject([{ severity: 'ERROR', basis: 'GUIDELINE' }]);
  });

  it('refuses an MCE file with a malformed code line, naming the line, and commits nothing', async () => {
    writeFileSync(
      join(importDir, 'mce-broken.txt'),
      [
        '5. Sex conflict',
        'Diagnoses for males only edit',
        'C61       Malignant neoplasm of prostate',
        '1N40Q     not a code',
      ].join('\n'),
    );
    const res = await importFile('MCE', 'mce-broken.txt', 'v44 broken', '2026-10-01');
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toMatch(/line 4: "1N40Q" is not an ICD-10-CM code/);
    expect(await t.app.get(DataSource).query(`SELECT 1 FROM edit_data_version WHERE release = 'v44 broken'`)).toEqual(
      [],
    );
  });

  it('NCCI add-on codes need their primary code; the DME MUE file imports under its own provider type', async () => {
    const res = await importFile(
      'NCCI_ADDON',
      'AOC_V2026Q1_fixture.txt',
      '2026Q1 fixture',
      '2026-01-01',
      'PRACTITIONER',
    );
    expect(res.json<ImportSummary>()).toMatchObject({ rowsImported: 3, problemCount: 0 });
    const claim = (codes: string[]): EditInput => ({
      encounter: {
        type: 'PROFEE',
        dateOfService: '2026-03-15',
        patientAgeYears: 60,
        patientSex: 'female',
        payer: 'MEDICARE',
      },
      diagnoses: [{ sequence: 1, code: 'R65.20' }],
      procedures: codes.map((code, i) => ({ sequence: i + 1, system: 'CPT', code, diagnosisPointers: [1] })),
    });
    expect(rule(await check(claim(['99292'])), 'ADDON_WITHOUT_PRIMARY')).toMatchObject([
      { severity: 'ERROR', source: { name: 'NCCI add-on codes practitioner', release: '2026Q1 fixture' } },
    ]);
    expect(rule(await check(claim(['99291', '99292'])), 'ADDON_WITHOUT_PRIMARY')).toEqual([]);
    expect(rule(await check(claim(['96360', '96375'])), 'ADDON_WITHOUT_PRIMARY')).toEqual([]);

    const dme = await importFile(
      'MUE',
      'MCR_MUE_DMESupplierServices_fixture.csv',
      '2026Q1 fixture',
      '2026-01-01',
      'DME',
    );
    expect(dme.json<ImportSummary>()).toMatchObject({ label: 'MUE dme 2026Q1 fixture', rowsImported: 2 });
    const audited = await t.app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'CODESET_IMPORTED' AND resource_id = 'MUE:DME:2026Q1 fixture'`,
      );
    expect(audited).toEqual([{ n: 1 }]);
  });

  it('reads Excludes1 and code-first pairs from the Tabular notes of the release covering the date of service', async () => {
    const claim = inpatient([
      { code: 'G63' },
      { code: 'E11.9' },
      { code: 'E10.9' },
      { code: 'J44.9' },
      { code: 'J45.909' },
    ]);
    const csv = rule(await check(claim), 'EXCLUDES1_PAIR', 'E10.9');
    expect(csv).toMatchObject([{ source: { name: 'ICD-10-CM Excludes1', release: 'FY2026 demo' } }]);
    const db = t.app.get(DataSource);
    const [release] = (await db.query(
      `INSERT INTO code_reference_release (kind, release, effective_from, source_name, content_sha256)
       VALUES ('ICD10CM_TABULAR', 'FY2026 fixture', '2025-10-01', 'ICD-10-CM Tabular', 'test') RETURNING id`,
    )) as { id: string }[];
    const note = (node: string, kind: string, seq: number, text: string, refs: string[]) =>
      db.query(
        `INSERT INTO code_tabular_note (release_id, node_id, kind, seq, text, ref_codes) VALUES ($1, $2, $3, $4, $5, $6)`,
        [release.id, node, kind, seq, text, refs],
      );
    await note('E11', 'EXCLUDES1', 1, 'type 1 diabetes mellitus (E10.-)', ['E10']);
    await note('G63', 'CODE_FIRST', 1, 'underlying disease, such as: diabetes mellitus (E08-E13)', [
      'E08',
      'E09',
      'E10',
      'E11',
      'E13',
    ]);
    await note('J44', 'EXCLUDES2', 1, 'asthma without chronic obstructive pulmonary disease (J45.-)', ['J45']);

    const tabular = await check(claim);
    expect(rule(tabular, 'EXCLUDES1_PAIR')).toMatchObject([
      {
        codes: ['E11.9', 'E10.9'],
        severity: 'WARNING',
        source: { name: 'ICD-10-CM Tabular', release: 'FY2026 fixture' },
        evidence: 'Tabular E11 Excludes1: type 1 diabetes mellitus (E10.-)',
      },
    ]);
    // Excludes2 allows both; G63 listed first breaks "code first" (and is a manifestation as principal)
    expect(rule(tabular, 'CODE_FIRST_SEQUENCE')).toMatchObject([{ codes: ['G63', 'E10.9'], severity: 'WARNING' }]);
    const reordered = await check(inpatient([{ code: 'E11.9' }, { code: 'G63' }]));
    expect(rule(reordered, 'CODE_FIRST_SEQUENCE')).toEqual([]);
  });
});
