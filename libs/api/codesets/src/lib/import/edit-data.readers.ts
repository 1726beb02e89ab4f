import { DomainError } from '@chartdesk/api-platform';
import type { AgeCategory } from '@chartdesk/contracts';
import { guessDelimiter, splitDelimited, splitLines } from './csv';
import { ProblemLog } from './import-types';

export interface ParsedEditRows<T> {
  readonly rows: T[];
  readonly rowsRead: number;
  readonly problems: ProblemLog;
}

export interface PtpRow {
  readonly column1: string;
  readonly column2: string;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly modifierIndicator: 0 | 1 | 9;
}

export interface MueRow {
  readonly code: string;
  readonly maxUnits: number;
  readonly adjudicationIndicator: 1 | 2 | 3;
  readonly rationale: string;
}

export interface AttributeRow {
  readonly codePrefix: string;
  readonly sex: 'male' | 'female' | null;
  readonly ageCategory: AgeCategory | null;
  readonly manifestation: boolean;
  readonly unacceptablePrincipal: boolean;
  readonly poaExempt: boolean;
}

export interface ExcludesRow {
  readonly codePrefix: string;
  readonly excludedPrefix: string;
}

const PROCEDURE_CODE = /^[0-9A-Z]{4}[0-9A-Z]$/;
const CODE_PREFIX = /^[0-9A-Z]{1,7}$/;

/** `20260101` → `2026-01-01`; `*` or blank → null; anything else → undefined (malformed). */
function cmsDate(value: string): string | null | undefined {
  const v = value.trim();
  if (v === '' || v === '*') return null;
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/**
 * Walks a CMS-style table: notice lines until a header row recognised by
 * `isHeader`, then one record per line. Lines after the header that do not
 * parse are reported with their number.
 */
function readTable<T>(
  text: string,
  fileName: string,
  isHeader: (fields: string[]) => boolean,
  parse: (fields: string[]) => T | string,
): ParsedEditRows<T> {
  const problems = new ProblemLog();
  const rows: T[] = [];
  const lines = splitLines(text);
  let delimiter: string | undefined;
  let rowsRead = 0;
  let dataStarted = false;
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    if (!delimiter) {
      const candidate = guessDelimiter(line);
      const fields = splitDelimited(line, candidate)?.map((f) => f.trim().toLowerCase());
      if (fields && isHeader(fields)) delimiter = candidate;
      return;
    }
    const fields = splitDelimited(line, delimiter)?.map((f) => f.trim());
    // CMS headers sometimes wrap onto a second line; it starts with no code.
    if (!dataStarted && fields && !/^[0-9A-Z]{1,7}$/.test(fields[0] ?? '')) return;
    dataStarted = true;
    rowsRead++;
    const result = fields ? parse(fields) : 'unterminated quote';
    if (typeof result === 'string') problems.add(i + 1, result);
    else rows.push(result);
  });
  if (!delimiter) throw new DomainError('VALIDATION', `${fileName} has no header row of the expected layout.`);
  return { rows, rowsRead, problems };
}

/**
 * CMS NCCI procedure-to-procedure file (practitioner or hospital), tab-delimited
 * text or CSV: Column 1, Column 2, prior-1996 flag, effective date, deletion
 * date (`*` for none), modifier indicator (0/1/9), rationale.
 */
export function parseNcciPtp(text: string, fileName: string): ParsedEditRows<PtpRow> {
  return readTable<PtpRow>(
    text,
    fileName,
    (f) => /^column ?1/.test(f[0] ?? '') && /^column ?2/.test(f[1] ?? ''),
    (f) => {
      const [column1 = '', column2 = '', , effective = '', deletion = '', indicator = ''] = f;
      if (!PROCEDURE_CODE.test(column1) || !PROCEDURE_CODE.test(column2))
        return `"${column1}"/"${column2}" are not procedure codes`;
      const effectiveFrom = cmsDate(effective);
      const effectiveTo = cmsDate(deletion);
      if (!effectiveFrom) return `effective date "${effective}" is not YYYYMMDD`;
      if (effectiveTo === undefined) return `deletion date "${deletion}" is not YYYYMMDD or *`;
      if (!['0', '1', '9'].includes(indicator)) return `modifier indicator "${indicator}" must be 0, 1 or 9`;
      return { column1, column2, effectiveFrom, effectiveTo, modifierIndicator: Number(indicator) as 0 | 1 | 9 };
    },
  );
}

/**
 * CMS MUE table (practitioner, outpatient hospital or DME), CSV: HCPCS/CPT
 * code, MUE value, adjudication indicator ("2 Date of Service Edit: Policy"), rationale.
 */
export function parseMue(text: string, fileName: string): ParsedEditRows<MueRow> {
  return readTable<MueRow>(
    text,
    fileName,
    (f) => f[0]?.includes('hcpcs') === true && f.some((c) => c.includes('mue')),
    (f) => {
      const [code = '', value = '', indicator = '', rationale = ''] = f;
      if (!PROCEDURE_CODE.test(code)) return `"${code}" is not a procedure code`;
      if (!/^\d+$/.test(value)) return `MUE value "${value}" is not a whole number`;
      const mai = /^([123])\b/.exec(indicator)?.[1];
      if (!mai) return `adjudication indicator "${indicator}" must start with 1, 2 or 3`;
      return { code, maxUnits: Number(value), adjudicationIndicator: Number(mai) as 1 | 2 | 3, rationale };
    },
  );
}

const AGE_CATEGORIES: readonly string[] = ['NEWBORN', 'PEDIATRIC', 'MATERNITY', 'ADULT'];
const flag = (v: string | undefined): boolean | undefined =>
  v === undefined || v === '' || v === 'N' || v === '0' ? false : v === 'Y' || v === '1' ? true : undefined;

/**
 * Code edit attributes (ChartDesk CSV): code_prefix, sex (M/F), age_category,
 * manifestation, unacceptable_principal, poa_exempt (Y/N).
 */
export function parseCodeAttributes(text: string, fileName: string): ParsedEditRows<AttributeRow> {
  return readTable<AttributeRow>(
    text,
    fileName,
    (f) => f[0] === 'code_prefix' && f.includes('poa_exempt'),
    (f) => {
      const [prefix = '', sex = '', age = '', manifestation, unacceptable, exempt] = f.map((v) => v.toUpperCase());
      if (!CODE_PREFIX.test(prefix)) return `"${prefix}" is not a code prefix`;
      if (!['', 'M', 'F'].includes(sex)) return `sex "${sex}" must be M, F or blank`;
      if (age !== '' && !AGE_CATEGORIES.includes(age)) return `age category "${age}" is unknown`;
      const flags = [flag(manifestation), flag(unacceptable), flag(exempt)];
      if (flags.includes(undefined)) return 'flags must be Y or N';
      return {
        codePrefix: prefix,
        sex: sex === 'M' ? 'male' : sex === 'F' ? 'female' : null,
        ageCategory: age === '' ? null : (age as AgeCategory),
        manifestation: flags[0] === true,
        unacceptablePrincipal: flags[1] === true,
        poaExempt: flags[2] === true,
      };
    },
  );
}

/** Excludes1 pairs (ChartDesk CSV from the tabular list): code_prefix, excluded_prefix. */
export function parseExcludes1(text: string, fileName: string): ParsedEditRows<ExcludesRow> {
  return readTable<ExcludesRow>(
    text,
    fileName,
    (f) => f[0] === 'code_prefix' && f[1] === 'excluded_prefix',
    (f) => {
      const [codePrefix = '', excludedPrefix = ''] = f.map((v) => v.toUpperCase().replace('.', ''));
      if (!CODE_PREFIX.test(codePrefix) || !CODE_PREFIX.test(excludedPrefix)) {
        return `"${f[0]}"/"${f[1]}" are not code prefixes`;
      }
      return { codePrefix, excludedPrefix };
    },
  );
}
