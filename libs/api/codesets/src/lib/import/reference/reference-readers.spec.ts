import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '@chartdesk/api-platform';
import { IndexReader } from './index-reader';
import { PcsTablesReader } from './pcs-tables-reader';
import { emptyBatch, type ReferenceBatch, type ReferenceReader } from './reference-rows';
import { TabularReader } from './tabular-reader';
import { streamXml, type XmlHandler } from './xml-stream';

const FIXTURES = join(__dirname, '..', 'fixtures');

async function read(path: string, reader: XmlHandler & ReferenceReader): Promise<ReferenceBatch> {
  const all = emptyBatch();
  const drain = () => {
    const batch = reader.take();
    for (const key of Object.keys(all) as (keyof ReferenceBatch)[]) (all[key] as unknown[]).push(...batch[key]);
  };
  await streamXml(path, reader, { afterChunk: async () => drain() });
  drain();
  return all;
}

function tempXml(text: string, name = 'icd10cm_tabular_2026.xml'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'reference-')), name);
  writeFileSync(path, text);
  return path;
}

describe('TabularReader on the CMS-format fixture', () => {
  let batch: ReferenceBatch;
  beforeAll(async () => {
    batch = await read(join(FIXTURES, 'icd10cm_tabular_2026.xml'), new TabularReader());
  });

  it('reads chapters, sections and the diag hierarchy with levels and parents', () => {
    const node = (id: string) => batch.nodes.find((n) => n.nodeId === id);
    expect(node('4')).toMatchObject({ level: 'CHAPTER', parentId: null });
    expect(node('E08-E13')).toMatchObject({ level: 'SECTION', parentId: '4', title: 'Diabetes mellitus (E08-E13)' });
    expect(node('E11')).toMatchObject({ level: 'CATEGORY', parentId: 'E08-E13', title: 'Type 2 diabetes mellitus' });
    expect(node('E112')).toMatchObject({ level: 'SUBCATEGORY', parentId: 'E11' });
    expect(node('E1122')).toMatchObject({ level: 'CODE', parentId: 'E112' });
    expect(node('S72001')).toMatchObject({ level: 'CODE', parentId: 'S7200' });
    const seqs = batch.nodes.map((n) => n.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(node('E11')?.seq ?? Infinity).toBeLessThan(node('E119')?.seq ?? -1);
  });

  it('reads each note kind under its node with the codes it points to', () => {
    const notes = (id: string, kind: string) => batch.notes.filter((n) => n.nodeId === id && n.kind === kind);
    expect(notes('E11', 'EXCLUDES1').map((n) => n.refCodes)).toContainEqual(['E10']);
    expect(notes('E11', 'USE_ADDITIONAL').map((n) => n.text)).toContain('insulin (Z79.4)');
    expect(notes('1', 'USE_ADDITIONAL')[0]).toMatchObject({ refCodes: ['Z16'], seq: 0 });
    expect(notes('I10', 'EXCLUDES2').map((n) => n.refCodes[0])).toEqual(['I60', 'H350']);
    expect(notes('I10', 'INCLUDES')).toHaveLength(2);
    expect(notes('4', 'NOTE')).toHaveLength(1);
    expect(notes('S72', 'SEVENTH_CHARACTER').map((n) => [n.character, n.text])).toEqual([
      [null, 'The appropriate 7th character is to be added to all codes from category S72'],
      ['A', 'initial encounter for closed fracture'],
      ['B', 'initial encounter for open fracture type I or II'],
      ['C', 'initial encounter for open fracture type IIIA, IIIB, or IIIC'],
      ['D', 'subsequent encounter for closed fracture with routine healing'],
      ['S', 'sequela'],
    ]);
  });

  it('takes inclusion terms as search terms of their code', () => {
    expect(batch.terms).toContainEqual({ code: 'A000', term: 'Classical cholera' });
    expect(batch.terms).toContainEqual({ code: 'S7200', term: 'Fracture of hip NOS' });
  });

  it('does not read the section index or introduction as nodes', () => {
    expect(batch.nodes.map((n) => n.nodeId)).not.toContain('ICD-10-CM TABULAR LIST of DISEASES and INJURIES');
    expect(batch.nodes.filter((n) => n.level === 'SECTION')).toHaveLength(6);
  });
});

describe('readers refuse malformed files with the line and element', () => {
  const reject = async (xml: string, reader: XmlHandler & ReferenceReader, message: RegExp) => {
    const error = await read(tempXml(xml), reader).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).userMessage).toMatch(message);
  };

  it('names broken XML', () =>
    reject(
      '<ICD10CM.tabular>\n<chapter><name>1</name>\n<desc>x</desc></chapter\n<oops',
      new TabularReader(),
      /icd10cm_tabular_2026\.xml, line \d+.*malformed XML/,
    ));

  it('names a diag whose name is not a code', () =>
    reject(
      '<ICD10CM.tabular>\n<chapter><name>1</name><desc>c</desc>\n<section id="A00-A09"><desc>s</desc>\n<diag>\n<name>cholera</name>',
      new TabularReader(),
      /line 5, in <name>: "cholera" is not an ICD-10-CM code/,
    ));

  it('names a diag without a title', () =>
    reject(
      '<ICD10CM.tabular><chapter><name>1</name><desc>c</desc><section id="A00-A09"><desc>s</desc>\n\n<diag><name>A00</name></diag></section></chapter></ICD10CM.tabular>',
      new TabularReader(),
      /line 3, in <diag>: <diag> A00 has no <desc>/,
    ));

  it('refuses the wrong file', () =>
    reject('<ICD10PCS.tabular/>', new TabularReader(), /not an ICD-10-CM Tabular file/));

  it('names a PCS label that is not a PCS character', () =>
    reject(
      '<ICD10PCS.tabular>\n<pcsTable><axis pos="1" values="1"><title>Section</title>\n<label code="O">Bad</label>',
      new PcsTablesReader(),
      /line 3, in <label>: <label code="O"> must be one PCS character/,
    ));

  it('names a PCS row missing a position', () =>
    reject(
      `<ICD10PCS.tabular><pcsTable>
<axis pos="1"><title>Section</title><label code="0">Medical and Surgical</label></axis>
<axis pos="2"><title>Body System</title><label code="F">Hepatobiliary System and Pancreas</label></axis>
<axis pos="3"><title>Operation</title><label code="T">Resection</label></axis>
<pcsRow codes="1"><axis pos="4"><title>Body Part</title><label code="4">Gallbladder</label></axis>
</pcsRow></pcsTable></ICD10PCS.tabular>`,
      new PcsTablesReader(),
      /line 6, in <pcsRow>: a <pcsRow> of table 0FT has no axis 5/,
    ));

  it('names an index code that is not a code', () =>
    reject(
      '<ICD10CM.index><letter><title>A</title>\n<mainTerm><title>Abasia</title>\n<code>R26</code><term level="1"><title>x</title><code>hysterical</code></term>',
      new IndexReader('ICD10CM_INDEX'),
      /line 3, in <code>: <code> "hysterical" holds no ICD-10-CM code/,
    ));
});

describe('IndexReader on the CMS-format fixtures', () => {
  it('writes each code of the Index as the path of titles, nonessential modifiers included', async () => {
    const reader = new IndexReader('ICD10CM_INDEX');
    const { terms } = await read(join(FIXTURES, 'icd10cm_index_2026.xml'), reader);
    expect(terms).toContainEqual({ code: 'A000', term: 'Cholera (Asiatic) (epidemic) (malignant) classical' });
    expect(terms).toContainEqual({
      code: 'E1101',
      term: 'Diabetes, diabetic (mellitus) (sugar) type 2 with hyperosmolarity with coma',
    });
    expect(terms).toContainEqual({
      code: 'S729',
      term: 'Fracture, traumatic (abduction) (adduction) (separation) femur, femoral',
    });
    expect(terms).toContainEqual({ code: 'R030', term: 'High blood pressure' });
    // see / seeAlso lead to other terms, not codes
    expect(terms.some((t) => t.term.startsWith('Attack'))).toBe(false);
    expect(reader.crossReferences).toBe(7);
  });

  it('adds the column heading for the Neoplasm and Drug tables and skips empty cells', async () => {
    const neoplasm = await read(join(FIXTURES, 'icd10cm_neoplasm_2026.xml'), new IndexReader('ICD10CM_NEOPLASM'));
    expect(neoplasm.terms).toContainEqual({ code: 'C349', term: 'Neoplasm, neoplastic lung Malignant Primary' });
    expect(neoplasm.terms).toContainEqual({ code: 'D491', term: 'Neoplasm, neoplastic lung Unspecified Behavior' });
    expect(neoplasm.terms.filter((t) => t.term.includes('bone'))).toHaveLength(5);
    const drug = await read(join(FIXTURES, 'icd10cm_drug_2026.xml'), new IndexReader('ICD10CM_DRUG'));
    expect(drug.terms).toContainEqual({ code: 'T391X1', term: 'Acetaminophen Poisoning, Accidental (unintentional)' });
    expect(drug.terms).toContainEqual({ code: 'T360X6', term: 'Penicillin (any) Underdosing' });
  });
});

describe('PcsTablesReader on the CMS-format fixture', () => {
  it('reads each table once with positions 1–3 and the values of every row', async () => {
    const reader = new PcsTablesReader();
    const { pcsAxes, pcsValues } = await read(join(FIXTURES, 'icd10pcs_tables_2026.xml'), reader);
    expect(reader.tableCount).toBe(2);
    expect(pcsAxes.filter((a) => a.tableCode === '0FT').map((a) => [a.pos, a.value, a.label])).toEqual([
      [1, '0', 'Medical and Surgical'],
      [2, 'F', 'Hepatobiliary System and Pancreas'],
      [3, 'T', 'Resection'],
    ]);
    expect(pcsAxes.find((a) => a.tableCode === '0FT' && a.pos === 3)?.definition).toMatch(/^Cutting out or off/);
    const row1 = pcsValues.filter((v) => v.tableCode === '0FT' && v.rowSeq === 1);
    expect(row1.filter((v) => v.pos === 4).map((v) => v.value)).toEqual(['0', '1', '2', '4', 'G']);
    expect(row1.find((v) => v.pos === 7 && v.value === 'G')).toMatchObject({
      title: 'Qualifier',
      label: 'Hand-Assisted',
    });
    expect(new Set(pcsValues.filter((v) => v.tableCode === '0FT').map((v) => v.rowSeq))).toEqual(new Set([0, 1, 2]));
  });
});
