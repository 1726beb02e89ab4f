import { join } from 'node:path';
import { AuditService } from '@chartdesk/api-audit';
import { importReferenceFile } from '@chartdesk/api-codesets';
import {
  type CodeReferenceResponse,
  CodePaths,
  type PcsBuilderResponse,
  type Role,
  apiUrl,
} from '@chartdesk/contracts';
import { DataSource } from 'typeorm';
import { type TestUser, authHeader, createUserPerRole } from '../../support/auth';
import { REPO_ROOT } from '../../support/app-process';
import { createFullCmsDatabase, describeWithFullCms } from '../../support/cms-full-database';
import type { TestDatabase } from '../../support/test-database';
import { type TestApp, createTestApp } from '../../support/test-app';

const FIXTURES = join(REPO_ROOT, 'libs/api/codesets/src/lib/import/fixtures');
const DOS = '2026-03-15';

describeWithFullCms('code reference and PCS builder on the full FY2026 import (real AppModule)', () => {
  let db: TestDatabase;
  let t: TestApp;
  let users: Record<Role, TestUser>;

  const get = (path: string, role: Role = 'CODER') =>
    t.app.inject({ method: 'GET', url: apiUrl(path), headers: authHeader(users[role].accessToken) });
  const reference = async (system: string, code: string, dos = DOS) => {
    const res = await get(`${CodePaths.reference}/${system}/${code}?dos=${dos}`);
    expect(res.statusCode).toBe(200);
    return res.json<CodeReferenceResponse>();
  };
  const build = async (prefix: string, dos = DOS) => {
    const res = await get(`${CodePaths.pcsBuilder}?prefix=${prefix}&dos=${dos}`);
    expect(res.statusCode).toBe(200);
    return res.json<PcsBuilderResponse>();
  };
  const importFixture = (name: string) =>
    importReferenceFile(t.app.get(AuditService), { path: join(FIXTURES, name) }, { actor: null, via: 'cli' });

  beforeAll(async () => {
    db = await createFullCmsDatabase();
    t = await createTestApp({ DATABASE_URL: db.url });
    users = await createUserPerRole(t.app);
  }, 900_000);
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  describe('with only the order files imported', () => {
    it('shows what the order file has: header hierarchy, title, billable, release, no notes', async () => {
      const ref = await reference('ICD10CM', 'E11.9');
      expect(ref).toMatchObject({
        code: 'E119',
        displayCode: 'E11.9',
        title: 'Type 2 diabetes mellitus without complications',
        billable: true,
        release: 'FY2026',
        referenceRelease: null,
        notes: [],
        seventhCharacters: [],
      });
      expect(ref.hierarchy.map((h) => [h.display, h.level])).toEqual([
        ['E11', 'HEADER'],
        ['E11.9', 'CODE'],
      ]);
    });

    it('builds PCS codes from the order file with table labels from its headers', async () => {
      const root = await build('');
      expect(root.position).toBe(1);
      expect(root.choices.map((c) => c.value)).toEqual(expect.arrayContaining(['0', '1', 'B', 'X']));
      expect(root.choices.find((c) => c.value === 'B')?.label).toBe('Imaging');
      expect(root.choices[0].codeCount).toBeNull();
      const bodySystems = await build('0');
      expect(bodySystems.choices.find((c) => c.value === 'F')?.label).toBe('Hepatobiliary System and Pancreas');
      const operations = await build('0F');
      expect(operations.axisTitle).toBe('Operation');
      expect(operations.choices.find((c) => c.value === 'T')?.label).toBe('Resection');
      const bodyParts = await build('0FT');
      expect(bodyParts.choices.map((c) => c.value)).toEqual([
        '0',
        '1',
        '2',
        '4',
        '5',
        '6',
        '7',
        '8',
        '9',
        'C',
        'D',
        'F',
        'G',
      ]);
      expect(bodyParts.choices.find((c) => c.value === '4')).toMatchObject({
        label: null,
        codeCount: 3,
        example: 'Resection of Gallbladder, Open Approach',
      });
      const done = await build('0FT44ZZ');
      expect(done.code).toEqual({
        code: '0FT44ZZ',
        title: 'Resection of Gallbladder, Percutaneous Endoscopic Approach',
      });
      expect(done.choices).toEqual([]);
    });
  });

  describe('with the Tabular, Index and PCS Tables imported', () => {
    beforeAll(async () => {
      for (const name of [
        'icd10cm_tabular_2026.xml',
        'icd10cm_index_2026.xml',
        'icd10cm_neoplasm_2026.xml',
        'icd10cm_drug_2026.xml',
        'icd10pcs_tables_2026.xml',
      ]) {
        await importFixture(name);
      }
    }, 120_000);

    it('shows the hierarchy and the notes of the code and its ancestors with the codes they point to', async () => {
      const ref = await reference('ICD10CM', 'e1122');
      expect(ref.referenceRelease).toBe('FY2026');
      expect(ref.hierarchy.map((h) => [h.display, h.level])).toEqual([
        ['Chapter 4', 'CHAPTER'],
        ['E08-E13', 'SECTION'],
        ['E11', 'CATEGORY'],
        ['E11.2', 'SUBCATEGORY'],
        ['E11.22', 'CODE'],
      ]);
      // nearest first: the code's own note, then the category's, then the chapter's
      expect(ref.notes[0]).toMatchObject({ kind: 'USE_ADDITIONAL', nodeId: 'E1122' });
      expect(ref.notes[0].targets.map((c) => c.displayCode)).toEqual([
        'N18.1',
        'N18.2',
        'N18.3',
        'N18.4',
        'N18.5',
        'N18.6',
      ]);
      expect(ref.notes[0].targets[0]).toMatchObject({ title: 'Chronic kidney disease, stage 1', billable: true });
      const excludes1 = ref.notes.filter((n) => n.kind === 'EXCLUDES1');
      expect(excludes1.map((n) => n.nodeDisplay)).toEqual([...Array(8).fill('E11'), 'Chapter 4']);
      const type1 = excludes1.find((n) => n.text === 'type 1 diabetes mellitus (E10.-)');
      expect(type1?.targets).toEqual([
        { code: 'E10', displayCode: 'E10', title: 'Type 1 diabetes mellitus', billable: false },
      ]);
      // the chapter note's range E16-E31 keeps only categories the Tabular holds: here just its ends
      const chapterNote = ref.notes.find((n) => n.kind === 'NOTE' && n.nodeId === '4');
      expect(chapterNote?.targets.map((c) => c.code)).toEqual(['E058', 'E070', 'E16', 'E31', 'E34']);
      expect(ref.seventhCharacters).toEqual([]);
      expect(ref.placeholderGuidance).toBeNull();
    });

    it('gives the 7th characters and placeholder X of an injury code', async () => {
      const femur = await reference('ICD10CM', 'S72.001A');
      expect(femur.hierarchy.map((h) => h.display)).toEqual([
        'Chapter 19',
        'S70-S79',
        'S72',
        'S72.0',
        'S72.00',
        'S72.001',
        'S72.001A',
      ]);
      expect(femur.seventhCharacters[0]).toEqual({ character: 'A', meaning: 'initial encounter for closed fracture' });
      expect(femur.placeholderGuidance).toBe('7th character A: initial encounter for closed fracture.');
      expect(femur.notes.some((n) => n.kind === 'SEVENTH_CHARACTER' && n.nodeId === 'S72')).toBe(true);

      const scalp = await reference('ICD10CM', 'S00.00XA');
      expect(scalp.seventhCharacters.map((c) => c.character)).toEqual(['A', 'D', 'S']);
      expect(scalp.placeholderGuidance).toBe(
        '7th character A: initial encounter. X in position 6 holds the place so the 7th character stays in the 7th position.',
      );
      const header = await reference('ICD10CM', 'S00.0');
      expect(header.placeholderGuidance).toBe(
        'Codes here take a 7th character (A, D, S), filling the empty positions up to the 6th with the placeholder X: e.g. S00.0XXA.',
      );
    });

    it('labels PCS choices from the tables, still offering only codes of the order file', async () => {
      const operations = await build('0D');
      expect(operations.referenceRelease).toBe('FY2026');
      expect(operations.choices.find((c) => c.value === 'T')?.label).toBe('Resection');
      const approaches = await build('0FT4');
      expect(approaches.axisTitle).toBe('Approach');
      expect(approaches.chosen.map((c) => c.label)).toEqual([
        'Medical and Surgical',
        'Hepatobiliary System and Pancreas',
        'Resection',
        'Gallbladder',
      ]);
      expect(approaches.choices.map((c) => [c.value, c.label])).toEqual([
        ['0', 'Open'],
        ['4', 'Percutaneous Endoscopic'],
      ]);
      const qualifiers = await build('0FT40Z');
      expect(qualifiers.choices.map((c) => [c.value, c.label])).toEqual([['Z', 'No Qualifier']]);
      const handAssisted = await build('0FT44Z');
      expect(handAssisted.choices.map((c) => [c.value, c.label])).toEqual([
        ['G', 'Hand-Assisted'],
        ['Z', 'No Qualifier'],
      ]);
      const ref = await reference('ICD10PCS', '0FT44ZZ');
      expect(ref.hierarchy.map((h) => h.title)).toEqual([
        'Section: Medical and Surgical',
        'Body System: Hepatobiliary System and Pancreas',
        'Operation: Resection',
        'Body Part: Gallbladder',
        'Approach: Percutaneous Endoscopic',
        'Device: No Device',
        'Qualifier: No Qualifier',
      ]);
    });

    it('writes inclusion terms and index entries as search terms', async () => {
      const rows = (await t.app.get(DataSource).query(
        `SELECT t.code, t.term, t.source, r.kind FROM code_search_term t JOIN code_reference_release r ON r.id = t.release_id
            WHERE t.code IN ('A000', 'C349', 'T391X1') ORDER BY t.code, t.term`,
      )) as { code: string; term: string; source: string; kind: string }[];
      expect(rows).toEqual(
        expect.arrayContaining([
          { code: 'A000', term: 'Classical cholera', source: 'INCLUSION_TERM', kind: 'ICD10CM_TABULAR' },
          {
            code: 'A000',
            term: 'Cholera (Asiatic) (epidemic) (malignant) classical',
            source: 'INDEX',
            kind: 'ICD10CM_INDEX',
          },
          {
            code: 'C349',
            term: 'Neoplasm, neoplastic lung Malignant Primary',
            source: 'INDEX',
            kind: 'ICD10CM_NEOPLASM',
          },
          {
            code: 'T391X1',
            term: 'Acetaminophen Poisoning, Accidental (unintentional)',
            source: 'INDEX',
            kind: 'ICD10CM_DRUG',
          },
        ]),
      );
    });
  });

  it('never yields a code missing from the release: whole tables walked, and random descents from the root', async () => {
    const dataSource = t.app.get(DataSource);
    const built = new Set<string>();
    const walk = async (prefix: string): Promise<void> => {
      const step = await build(prefix);
      if (step.code) {
        built.add(step.code.code);
        return;
      }
      expect(step.choices.length).toBeGreaterThan(0);
      for (const choice of step.choices) await walk(prefix + choice.value);
    };
    for (const table of ['0FT', '0DT']) await walk(table);
    const [tables] = (await dataSource.query(
      `SELECT count(*)::int AS n FROM code c JOIN code_set_version v ON v.id = c.version_id
        WHERE v.system = 'ICD10PCS' AND v.replaced_by IS NULL AND v.release = 'FY2026'
          AND length(c.code) = 7 AND left(c.code, 3) IN ('0FT', '0DT')`,
    )) as { n: number }[];
    // every code of those tables can be built
    expect(built.size).toBe(tables.n);
    // a seeded random descent from the root, choosing among the offered characters at each step
    let seed = 20260315;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let descent = 0; descent < 40; descent++) {
      let prefix = '';
      for (;;) {
        const step = await build(prefix);
        if (step.code) break;
        prefix += step.choices[Math.floor(random() * step.choices.length)].value;
      }
      built.add(prefix);
    }
    const [valid] = (await dataSource.query(
      `SELECT count(*)::int AS n FROM code c JOIN code_set_version v ON v.id = c.version_id
        WHERE v.system = 'ICD10PCS' AND v.replaced_by IS NULL AND v.release = 'FY2026' AND c.billable
          AND c.code = ANY($1::text[])`,
      [[...built]],
    )) as { n: number }[];
    expect(valid.n).toBe(built.size);
  }, 300_000);

  it('answers 404 for unknown codes and prefixes, 400 for bad input, 403 without codes:search', async () => {
    expect((await get(`${CodePaths.reference}/ICD10CM/Z99999?dos=${DOS}`)).statusCode).toBe(404);
    expect((await get(`${CodePaths.reference}/ICD10CM/E119?dos=1990-01-01`)).statusCode).toBe(404);
    expect((await get(`${CodePaths.pcsBuilder}?prefix=0FT4Y&dos=${DOS}`)).statusCode).toBe(404);
    expect((await get(`${CodePaths.pcsBuilder}?prefix=0FT44ZY&dos=${DOS}`)).statusCode).toBe(404);
    expect((await get(`${CodePaths.pcsBuilder}?prefix=0FO`)).statusCode).toBe(400);
    expect((await get(`${CodePaths.pcsBuilder}?prefix=0FT44ZZZ`)).statusCode).toBe(400);
    expect((await get(`${CodePaths.reference}/ICD9/E119`)).statusCode).toBe(400);
    expect((await get(`${CodePaths.reference}/ICD10CM/${encodeURIComponent("E11'; --")}`)).statusCode).toBe(400);
    expect((await get(`${CodePaths.reference}/ICD10CM/E119?dos=2026-02-30`)).statusCode).toBe(400);
    expect((await get(`${CodePaths.reference}/ICD10CM/E119?dos=${DOS}`, 'ADMIN')).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: apiUrl(`${CodePaths.pcsBuilder}?prefix=0`) });
    expect(anonymous.statusCode).toBe(401);
  });
});
