import { CodeEditService } from '@chartdesk/api-codesets';
import type { EditFinding, EditInput } from '@chartdesk/contracts';
import { DataSource } from 'typeorm';
import { createFullCmsDatabase, describeWithFullCms } from '../../support/cms-full-database';
import { type TestApp, createTestApp } from '../../support/test-app';
import type { TestDatabase } from '../../support/test-database';
import { DOS, type ExpectedFinding } from './edit-cases/edit-case-model';
import { EDIT_CASES } from './edit-cases/edit-case-table';

const matches = (f: EditFinding, e: ExpectedFinding) =>
  f.ruleId === e.ruleId && f.severity === e.severity && (!e.codes || e.codes.join('+') === f.codes.join('+'));
const show = (f: EditFinding) => `${f.severity} ${f.ruleId} ${f.codes.join('+')}`;

describeWithFullCms('edit case table on the full FY2026 import (CMS definitions, Official Guidelines)', () => {
  let db: TestDatabase;
  let t: TestApp;
  let edits: CodeEditService;

  beforeAll(async () => {
    db = await createFullCmsDatabase('chartdesk_edit_cases');
    t = await createTestApp({ DATABASE_URL: db.url });
    edits = t.app.get(CodeEditService);
  }, 600_000);
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('holds at least 90 cases, each citing its source', () => {
    expect(EDIT_CASES.length).toBeGreaterThanOrEqual(90);
    expect(new Set(EDIT_CASES.map((c) => c.id)).size).toBe(EDIT_CASES.length);
    for (const c of EDIT_CASES) expect(c.cite).not.toBe('');
  });

  it.each(EDIT_CASES.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const findings = await edits.check(c.input);
    const errors = findings.filter((f) => f.severity === 'ERROR');
    // exactly the expected errors: no false error, none missed
    expect(errors.map(show).sort()).toEqual(
      c.errors
        .map((e) => errors.find((f) => matches(f, e)) ?? e)
        .map((f) => ('message' in f ? show(f) : `missing ${f.ruleId} ${f.codes?.join('+') ?? ''}`))
        .sort(),
    );
    for (const w of c.warnings ?? [])
      expect(findings.map(show)).toContain(show({ ...w, codes: w.codes ?? [] } as EditFinding));
    for (const rule of c.absent ?? []) expect(findings.filter((f) => f.ruleId === rule).map(show)).toEqual([]);
    // every finding says why: basis, evidence and the release it came from
    for (const f of findings) {
      expect(f.basis).toBeDefined();
      expect(f.evidence).toBeTruthy();
      expect(f.source.release).not.toBe('');
    }
  });

  describe('done when', () => {
    const codesIn = async (from: string, to: string): Promise<string[]> => {
      const rows = (await t.app.get(DataSource).query(
        `SELECT c.display_code FROM code c JOIN code_set_version v ON v.id = c.version_id
          WHERE v.system = 'ICD10CM' AND v.release = 'FY2026' AND c.billable
            AND left(c.code, 3) BETWEEN $1 AND $2 ORDER BY c.code`,
        [from, to],
      )) as { display_code: string }[];
      return rows.map((r) => r.display_code);
    };
    const encounter = (sex: 'male' | 'female'): EditInput['encounter'] => ({
      type: 'OUTPATIENT',
      dateOfService: DOS,
      patientAgeYears: 40,
      patientSex: sex,
      payer: 'MEDICARE',
    });
    const sexConflicts = async (codes: string[], sex: 'male' | 'female'): Promise<string[]> => {
      const missed: string[] = [];
      for (const code of codes) {
        const found = await edits.check({
          encounter: encounter(sex),
          diagnoses: [
            { sequence: 1, code: 'I10' },
            { sequence: 2, code },
          ],
          procedures: [],
        });
        if (!found.some((f) => f.ruleId === 'SEX_CONFLICT' && f.codes[0] === code)) missed.push(code);
      }
      return missed;
    };

    it('every billable female-only code in N70–N98 and C51–C58 raises a sex conflict on a male patient', async () => {
      const codes = [...(await codesIn('N70', 'N98')), ...(await codesIn('C51', 'C58'))];
      expect(codes.length).toBeGreaterThan(300);
      expect(await sexConflicts(codes, 'male')).toEqual([]);
    }, 120_000);

    it('every billable male-only code in N40–N53 and C60–C63 raises a sex conflict on a female patient', async () => {
      const codes = [...(await codesIn('N40', 'N53')), ...(await codesIn('C60', 'C63'))];
      expect(codes.length).toBeGreaterThan(100);
      expect(await sexConflicts(codes, 'female')).toEqual([]);
    }, 120_000);

    it('no "in diseases classified elsewhere" code can be principal', async () => {
      const rows = (await t.app.get(DataSource).query(
        `SELECT c.display_code FROM code c JOIN code_set_version v ON v.id = c.version_id
          WHERE v.system = 'ICD10CM' AND v.release = 'FY2026' AND c.billable
            AND c.long_description ~* 'in (\\w+ )?diseases? classified elsewhere'`,
      )) as { display_code: string }[];
      expect(rows.length).toBeGreaterThan(100);
      const allowed: string[] = [];
      for (const { display_code: code } of rows) {
        const found = await edits.check({
          encounter: { ...encounter('male'), type: 'INPATIENT' },
          diagnoses: [{ sequence: 1, code, poa: 'Y' }],
          procedures: [],
        });
        if (!found.some((f) => f.ruleId === 'MANIFESTATION_AS_PRINCIPAL' && f.severity === 'ERROR')) allowed.push(code);
      }
      expect(allowed).toEqual([]);
    }, 120_000);

    it('no X or Y external-cause code can be principal (every 25th billable code)', async () => {
      const rows = (await t.app.get(DataSource).query(
        `SELECT display_code FROM (
           SELECT c.display_code, row_number() OVER (ORDER BY c.code) AS n FROM code c
             JOIN code_set_version v ON v.id = c.version_id
            WHERE v.system = 'ICD10CM' AND v.release = 'FY2026' AND c.billable AND left(c.code, 1) IN ('X', 'Y')) s
          WHERE n % 25 = 1`,
      )) as { display_code: string }[];
      expect(rows.length).toBeGreaterThan(50);
      for (const { display_code: code } of rows) {
        const found = await edits.check({
          encounter: encounter('female'),
          diagnoses: [{ sequence: 1, code }],
          procedures: [],
        });
        expect(found.filter((f) => f.ruleId === 'UNACCEPTABLE_PRINCIPAL' && f.severity === 'ERROR')).toHaveLength(1);
      }
    }, 120_000);

    it('an inpatient Z23 or Z85.3 with a blank POA raises no error', async () => {
      for (const code of ['Z23', 'Z85.3']) {
        const found = await edits.check({
          encounter: { ...encounter('female'), type: 'INPATIENT' },
          diagnoses: [
            { sequence: 1, code: 'J18.9', poa: 'Y' },
            { sequence: 2, code, poa: null },
          ],
          procedures: [],
        });
        expect(found.filter((f) => f.severity === 'ERROR')).toEqual([]);
      }
    });

    it('HCPCS A4466 is not valid on 2026-01-15, and ZZ is not a valid modifier', async () => {
      const found = await edits.check({
        encounter: { ...encounter('female'), type: 'PROFEE' },
        diagnoses: [{ sequence: 1, code: 'I89.0' }],
        procedures: [
          { sequence: 1, system: 'HCPCS', code: 'A4466', diagnosisPointers: [1] },
          { sequence: 2, system: 'CPT', code: '99213', modifiers: ['ZZ'], diagnosisPointers: [1] },
        ],
      });
      expect(found).toContainEqual(
        expect.objectContaining({ ruleId: 'NOT_VALID_ON_DATE', severity: 'ERROR', codes: ['A4466'] }),
      );
      expect(found).toContainEqual(
        expect.objectContaining({
          ruleId: 'INVALID_MODIFIER',
          severity: 'ERROR',
          codes: ['99213-ZZ'],
          source: { name: 'HCPCS Level II modifiers', release: '2025Q4' },
        }),
      );
    });

    it('every HCPCS code terminated before the date of service is invalid on it', async () => {
      const rows = (await t.app.get(DataSource).query(
        `SELECT c.code FROM code c JOIN code_set_version v ON v.id = c.version_id
          WHERE v.system = 'HCPCS' AND v.release = '2025Q4' AND c.terminated_on < $1::date ORDER BY c.code`,
        [DOS],
      )) as { code: string }[];
      expect(rows.length).toBeGreaterThan(1000);
      const sample = rows.filter((_, i) => i % 40 === 0);
      for (const { code } of sample) {
        const found = await edits.check({
          encounter: { ...encounter('female'), type: 'PROFEE' },
          diagnoses: [{ sequence: 1, code: 'I10' }],
          procedures: [{ sequence: 1, system: 'HCPCS', code, diagnosisPointers: [1] }],
        });
        expect(found.filter((f) => f.ruleId === 'NOT_VALID_ON_DATE').map((f) => f.codes[0])).toEqual([code]);
      }
    }, 120_000);
  });
});
