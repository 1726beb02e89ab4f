import { seedDemoCodeSets } from '@chartdesk/api-codesets';
import { runEdits } from '@chartdesk/coding-rules';
import {
  CodePaths,
  type EditCheckResponse,
  type EditInput,
  type EditReferenceData,
  type Role,
  apiUrl,
} from '@chartdesk/contracts';
import { DataSource } from 'typeorm';
import { type TestUser, authHeader, createUserPerRole } from '../../support/auth';
import { type TestApp, createTestApp } from '../../support/test-app';

const encounter = (overrides: Partial<EditInput['encounter']> = {}): EditInput['encounter'] => ({
  type: 'INPATIENT',
  dateOfService: '2026-03-15',
  patientAgeYears: 72,
  patientSex: 'male',
  payer: 'MEDICARE',
  ...overrides,
});

describe('edit check (real AppModule, demo edit data)', () => {
  let t: TestApp;
  let users: Record<Role, TestUser>;

  const check = (body: unknown, role: Role = 'CODER') =>
    t.app.inject({
      method: 'POST',
      url: apiUrl(CodePaths.edits),
      payload: body as object,
      headers: authHeader(users[role].accessToken),
    });

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoCodeSets(t.app.get(DataSource));
    users = await createUserPerRole(t.app);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('names the release of every finding, from the tables', async () => {
    const res = await check({
      encounter: encounter(),
      diagnoses: [
        { sequence: 1, code: 'G63', poa: 'Y' },
        { sequence: 2, code: 'E11.40', poa: 'Y' },
        { sequence: 3, code: 'E10.9', poa: 'Y' },
        { sequence: 4, code: 'O80', poa: 'Y' },
        { sequence: 5, code: 'J18', poa: null },
        { sequence: 6, code: 'Y92.009' },
      ],
      procedures: [{ sequence: 1, system: 'CPT', code: '44970' }],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<EditCheckResponse>();
    const byRule = Object.fromEntries(body.findings.map((f) => [f.ruleId, f]));
    // derived at the import of the demo order file: the guideline rule blocks, the title heuristics warn
    expect(byRule['MANIFESTATION_AS_PRINCIPAL']).toMatchObject({
      severity: 'ERROR',
      basis: 'GUIDELINE',
      source: { name: 'ICD-10-CM Official Guidelines defaults', release: 'FY2026 demo' },
      evidence: expect.stringContaining('in diseases classified elsewhere'),
    });
    expect(byRule['EXCLUDES1_PAIR']).toMatchObject({
      severity: 'WARNING',
      source: { name: 'ICD-10-CM Excludes1', release: 'FY2026 demo' },
    });
    expect(byRule['SEX_CONFLICT']).toMatchObject({ codes: ['O80'], severity: 'WARNING', basis: 'HEURISTIC' });
    expect(byRule['AGE_CONFLICT']).toMatchObject({ codes: ['O80'], severity: 'WARNING' });
    expect(byRule['NON_BILLABLE_CODE']).toMatchObject({
      codes: ['J18'],
      source: { name: 'ICD-10-CM', release: 'FY2026 demo' },
    });
    expect(byRule['POA_MISSING']).toMatchObject({ codes: ['J18'] });
    expect(byRule['SYSTEM_SETTING_MISMATCH']).toMatchObject({ codes: ['44970'] });
    expect(body.errorCount).toBe(body.findings.filter((f) => f.severity === 'ERROR').length);
    // Y92.009 is POA-exempt: no missing-POA finding for it
    expect(body.findings.some((f) => f.ruleId === 'POA_MISSING' && f.codes.includes('Y92.009'))).toBe(false);
  });

  it('runs NCCI PTP and MUE from the practitioner files on a professional claim', async () => {
    const res = await check({
      encounter: encounter({ type: 'PROFEE', patientAgeYears: 40, patientSex: 'female' }),
      diagnoses: [
        { sequence: 1, code: 'K80.20' },
        { sequence: 2, code: 'R10.11' },
      ],
      procedures: [
        { sequence: 1, system: 'CPT', code: '47562', units: 2, diagnosisPointers: [1] },
        { sequence: 2, system: 'CPT', code: '49320', modifiers: ['59'], diagnosisPointers: [1] },
        { sequence: 3, system: 'CPT', code: '36415', diagnosisPointers: [] },
      ],
    });
    expect(res.statusCode).toBe(200);
    const findings = res.json<EditCheckResponse>().findings;
    expect(findings.find((f) => f.ruleId === 'NCCI_PTP')).toMatchObject({
      codes: ['47562', '49320'],
      source: { name: 'NCCI PTP practitioner', release: '2026Q1 demo' },
    });
    expect(findings.find((f) => f.ruleId === 'MUE_EXCEEDED')).toMatchObject({
      codes: ['47562'],
      source: { name: 'MUE practitioner' },
    });
    expect(findings.find((f) => f.ruleId === 'MISSING_DIAGNOSIS_POINTER')).toMatchObject({ codes: ['36415'] });
  });

  it('finds nothing on a clean encounter', async () => {
    const res = await check({
      encounter: encounter(),
      diagnoses: [
        { sequence: 1, code: 'A41.9', poa: 'Y' },
        { sequence: 2, code: 'R65.20', poa: 'Y' },
        { sequence: 3, code: 'J18.9', poa: 'Y' },
      ],
      procedures: [{ sequence: 1, system: 'ICD10PCS', code: '5A1955Z' }],
    });
    expect(res.json<EditCheckResponse>()).toEqual({ findings: [], errorCount: 0, warningCount: 0 });
  });

  it('hands the browser the same reference data, so its engine finds the same', async () => {
    const body = {
      encounter: encounter(),
      diagnoses: [
        { sequence: 1, code: 'G63', poa: 'Y' },
        { sequence: 2, code: 'E11.9', poa: 'Y' },
        { sequence: 3, code: 'E10.9', poa: null },
      ],
      procedures: [{ sequence: 1, system: 'ICD10PCS', code: '0DTJ4ZZ' }],
    };
    const data = await t.app.inject({
      method: 'POST',
      url: apiUrl(CodePaths.editData),
      payload: body,
      headers: authHeader(users.CODER.accessToken),
    });
    expect(data.statusCode).toBe(200);
    const reference = data.json<EditReferenceData>();
    expect(reference.codes.map((c) => c.code).sort()).toEqual(['0DTJ4ZZ', 'E109', 'E119', 'G63']);
    const server = (await check(body)).json<EditCheckResponse>().findings;
    expect(runEdits(body as EditInput, reference)).toEqual(server);
    const denied = await t.app.inject({
      method: 'POST',
      url: apiUrl(CodePaths.editData),
      payload: body,
      headers: authHeader(users.ADMIN.accessToken),
    });
    expect(denied.statusCode).toBe(403);
  });

  it('refuses malformed input with a 400', async () => {
    const bad = [
      { encounter: encounter({ dateOfService: '03/15/2026' }), diagnoses: [], procedures: [] },
      { encounter: encounter(), diagnoses: [{ sequence: 1, code: 'J18.9', extra: true }], procedures: [] },
      { encounter: encounter(), diagnoses: [], procedures: [{ sequence: 1, system: 'ICD10CM', code: 'J189' }] },
      { encounter: { ...encounter(), patientAgeYears: -1 }, diagnoses: [], procedures: [] },
      {
        encounter: encounter(),
        diagnoses: Array.from({ length: 101 }, (_, i) => ({ sequence: i + 1, code: 'J18.9' })),
        procedures: [],
      },
    ];
    for (const body of bad) expect((await check(body)).statusCode).toBe(400);
  });

  it('is refused to compliance and admin users and to anonymous callers', async () => {
    const body = { encounter: encounter(), diagnoses: [], procedures: [] };
    expect((await check(body, 'SUPERVISOR')).statusCode).toBe(200);
    expect((await check(body, 'COMPLIANCE')).statusCode).toBe(403);
    expect((await check(body, 'ADMIN')).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'POST', url: apiUrl(CodePaths.edits), payload: body });
    expect(anonymous.statusCode).toBe(401);
  });
});
