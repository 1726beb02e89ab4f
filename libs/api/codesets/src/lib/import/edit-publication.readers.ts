import { hasCodeShape, normalizeCode } from '@chartdesk/coding-rules';
import { DomainError } from '@chartdesk/api-platform';
import type { AgeCategory, CodeSystem, EditBasis, EditListName } from '@chartdesk/contracts';
import { splitDelimited, splitLines } from './csv';
import type { ParsedEditRows } from './edit-data.readers';
import { ProblemLog } from './import-types';

/** One entry of a code list, as written to `edit_list_entry`. */
export interface ListRow {
  readonly list: EditListName;
  readonly system: CodeSystem;
  readonly codePrefix: string;
  readonly value: string | null;
  readonly basis: EditBasis;
  readonly evidence: string;
}

export interface ParsedLists extends ParsedEditRows<ListRow> {
  /** The lists the file speaks for (also when one of them turns out empty). */
  readonly lists: readonly EditListName[];
}

/**
 * CMS ICD-10-CM POA exempt list (`POAexemptCodesFY26.txt`): tab-delimited,
 * a header row naming `POAexemptCode`, then order number, code with its dot,
 * and the long title (quoted when it holds a comma).
 */
export function parsePoaExemptList(text: string, fileName: string): ParsedLists {
  const problems = new ProblemLog();
  const rows: ListRow[] = [];
  let codeColumn = -1;
  let titleColumn = -1;
  let rowsRead = 0;
  splitLines(text).forEach((line, i) => {
    if (line.trim() === '') return;
    const fields = splitDelimited(line, '\t');
    if (codeColumn < 0) {
      const names = (fields ?? []).map((f) => f.trim().toLowerCase());
      codeColumn = names.indexOf('poaexemptcode');
      titleColumn = names.indexOf('description');
      return;
    }
    rowsRead++;
    if (!fields) return problems.add(i + 1, 'unterminated quote');
    const entered = fields[codeColumn]?.trim() ?? '';
    const code = normalizeCode(entered);
    if (!code || !hasCodeShape('ICD10CM', code)) return problems.add(i + 1, `"${entered}" is not an ICD-10-CM code`);
    const title = fields[titleColumn]?.trim() ?? '';
    rows.push({
      list: 'POA_EXEMPT',
      system: 'ICD10CM',
      codePrefix: code,
      value: null,
      basis: 'CMS',
      evidence: `${fileName} line ${i + 1}: ${entered}${title ? ` ${title}` : ''}`,
    });
  });
  if (codeColumn < 0) throw new DomainError('VALIDATION', `${fileName} has no POAexemptCode header row.`);
  return { rows, rowsRead, problems, lists: ['POA_EXEMPT'] };
}

interface McePart {
  readonly list: EditListName;
  readonly system: CodeSystem;
  readonly value: string | null;
}

/**
 * The code list headings of "Definitions of Medicare Code Edits" (chapter 1),
 * most specific first. A heading for a conditional list (codes that only
 * conflict with or without another code, or over an age) ends the current
 * list: those need the other code and are not simple lists.
 */
const MCE_HEADINGS: readonly [RegExp, McePart | null][] = [
  [
    /\b(unless|only when|except|in combination|combined with|when .* (is|are) (present|absent)|over age|questionable obstetric)/i,
    null,
  ],
  [/^(perinatal\/)?newborn diagnoses/i, { list: 'AGE', system: 'ICD10CM', value: 'NEWBORN' }],
  [/^pediatric diagnoses/i, { list: 'AGE', system: 'ICD10CM', value: 'PEDIATRIC' }],
  [/^maternity diagnoses/i, { list: 'AGE', system: 'ICD10CM', value: 'MATERNITY' }],
  [/^adult diagnoses/i, { list: 'AGE', system: 'ICD10CM', value: 'ADULT' }],
  [/^diagnoses for females only/i, { list: 'SEX', system: 'ICD10CM', value: 'female' }],
  [/^procedures for females only/i, { list: 'SEX', system: 'ICD10PCS', value: 'female' }],
  [/^diagnoses for males only/i, { list: 'SEX', system: 'ICD10CM', value: 'male' }],
  [/^procedures for males only/i, { list: 'SEX', system: 'ICD10PCS', value: 'male' }],
  [/^\d+\.\s*manifestation codes? as principal/i, { list: 'MANIFESTATION', system: 'ICD10CM', value: null }],
  [/^\d+\.\s*non-?specific principal/i, { list: 'NONSPECIFIC_PRINCIPAL', system: 'ICD10CM', value: null }],
  [/^\d+\.\s*questionable admission/i, { list: 'QUESTIONABLE_ADMISSION', system: 'ICD10CM', value: null }],
  [/^\d+\.\s*unacceptable principal/i, { list: 'UNACCEPTABLE_PRINCIPAL', system: 'ICD10CM', value: null }],
  [/^\d+\.\s*non-?covered procedure/i, { list: 'NON_COVERED', system: 'ICD10PCS', value: null }],
  [/^\d+\.\s*limited coverage/i, { list: 'LIMITED_COVERAGE', system: 'ICD10PCS', value: null }],
  // any other numbered edit ends the list before it
  [/^\d+\.\s+[A-Za-z]/, null],
];

const SUBSECTION_MARK = /^(?:[A-Z]\.|\d+[A-Z]?\.?[A-Z]?\.?|\([a-z]\))\s+/;
const CODE_LINE = /^([A-Z0-9]{3,7}(?:\.[A-Z0-9]{1,4})?)(?:\s+|\t)(\S.*)?$/;

function headingOf(line: string): McePart | null | undefined {
  if (line.length > 90) return undefined;
  const plain = line.replace(SUBSECTION_MARK, (m) => (/^\d+\.\s+$/.test(m) ? m : ''));
  for (const [pattern, part] of MCE_HEADINGS) if (pattern.test(plain) || pattern.test(line)) return part;
  return undefined;
}

const AGE_LABEL: Readonly<Record<string, string>> = {
  NEWBORN: 'newborn (age 0)',
  PEDIATRIC: 'pediatric (age 0–17)',
  MATERNITY: 'maternity (age 9–64)',
  ADULT: 'adult (age 15–124)',
};

/**
 * The text version of CMS "Definitions of Medicare Code Edits" (e.g.
 * `Definitions of Medicare Code Edits_v43.txt`): chapter 1 lists the codes
 * of each edit under its heading, one code (no dot) and its title per line.
 * Prose and page headers are skipped; a code-like line under a list heading
 * that is not a code of the list's system is reported with its line number.
 */
export function parseMceDefinitions(text: string, fileName: string, releaseLabel: string): ParsedLists {
  const problems = new ProblemLog();
  const rows = new Map<string, ListRow>();
  const lists = new Set<EditListName>();
  let current: (McePart & { heading: string }) | null = null;
  let rowsRead = 0;
  splitLines(text).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const heading = headingOf(line);
    if (heading !== undefined) {
      current = heading ? { ...heading, heading: line } : null;
      if (heading) lists.add(heading.list);
      return;
    }
    if (!current) return;
    const match = CODE_LINE.exec(line);
    if (!match || !/\d/.test(match[1])) return; // prose, page headers
    rowsRead++;
    const code = normalizeCode(match[1]);
    if (!code || !hasCodeShape(current.system, code) || (current.system === 'ICD10PCS' && code.length !== 7)) {
      problems.add(i + 1, `"${match[1]}" is not an ${current.system === 'ICD10CM' ? 'ICD-10-CM' : 'ICD-10-PCS'} code`);
      return;
    }
    const what = current.list === 'AGE' ? AGE_LABEL[current.value as AgeCategory] : current.heading;
    rows.set(`${current.list}|${current.system}|${code}`, {
      list: current.list,
      system: current.system,
      codePrefix: code,
      value: current.value,
      basis: 'CMS',
      evidence:
        `${releaseLabel}, "${current.heading}"${current.list === 'AGE' ? ` [${what}]` : ''}, line ${i + 1}: ${code} ${match[2] ?? ''}`.trim(),
    });
  });
  if (lists.size === 0) throw new DomainError('VALIDATION', `${fileName} has none of the MCE code list headings.`);
  return { rows: [...rows.values()], rowsRead, problems, lists: [...lists] };
}

export interface AddOnRow {
  readonly addOn: string;
  readonly primary: string;
  readonly editType: 1 | 2 | 3;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
}

/** AOC dates: YYYYMMDD, or YYYYDDD (day of year); blank, `*` or 9999999 for none. */
function aocDate(value: string): string | null | undefined {
  const v = value.trim();
  if (v === '' || v === '*' || /^9{7,8}$/.test(v)) return null;
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{4})(\d{3})$/.exec(v);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 366) return undefined;
  const date = new Date(Date.UTC(Number(m[1]), 0, Number(m[2])));
  return date.toISOString().slice(0, 10);
}

const PROCEDURE = /^[0-9A-Z]{4}[0-9A-Z]$/;

/**
 * CMS NCCI add-on code edit file (tab-delimited text, or CSV): columns named
 * "Add-on Code", "Primary Code", "AOC Edit Type" and the edit's effective and
 * deletion dates, found by their header names.
 */
export function parseAddOnCodes(text: string, fileName: string): ParsedEditRows<AddOnRow> {
  const problems = new ProblemLog();
  const rows: AddOnRow[] = [];
  let columns: { addOn: number; primary: number; type: number; from: number; to: number } | undefined;
  let delimiter = '\t';
  let rowsRead = 0;
  splitLines(text).forEach((line, i) => {
    if (line.trim() === '') return;
    if (!columns) {
      delimiter = line.includes('\t') ? '\t' : ',';
      const names = (splitDelimited(line, delimiter) ?? []).map((f) => f.trim().toLowerCase());
      const find = (test: (n: string) => boolean) => names.findIndex(test);
      const addOn = find((n) => n === 'add-on code' || n === 'add on code' || n === 'addon code');
      const primary = find((n) => n === 'primary code');
      const type = find((n) => /edit type$/.test(n));
      if (addOn >= 0 && primary >= 0 && type >= 0) {
        columns = {
          addOn,
          primary,
          type,
          from: find((n) => /edit effective date$/.test(n)),
          to: find((n) => /edit deletion date$/.test(n)),
        };
      }
      return;
    }
    rowsRead++;
    const f = (splitDelimited(line, delimiter) ?? []).map((v) => v.trim());
    const addOn = f[columns.addOn] ?? '';
    const primary = f[columns.primary] ?? '';
    const type = (f[columns.type] ?? '').replace(/^type\s*/i, '');
    if (!PROCEDURE.test(addOn)) return problems.add(i + 1, `"${addOn}" is not a procedure code`);
    if (primary !== '' && !PROCEDURE.test(primary)) return problems.add(i + 1, `"${primary}" is not a procedure code`);
    const editType = { '1': 1, I: 1, '2': 2, II: 2, '3': 3, III: 3 }[type.toUpperCase()] as 1 | 2 | 3 | undefined;
    if (!editType) return problems.add(i + 1, `edit type "${f[columns.type] ?? ''}" must be 1, 2 or 3`);
    const from = columns.from >= 0 ? aocDate(f[columns.from] ?? '') : null;
    const to = columns.to >= 0 ? aocDate(f[columns.to] ?? '') : null;
    if (from === undefined || to === undefined) return problems.add(i + 1, 'dates must be YYYYMMDD or YYYYDDD');
    rows.push({ addOn, primary, editType, effectiveFrom: from ?? '1900-01-01', effectiveTo: to });
  });
  if (!columns) throw new DomainError('VALIDATION', `${fileName} has no add-on code header row.`);
  return { rows, rowsRead, problems };
}
