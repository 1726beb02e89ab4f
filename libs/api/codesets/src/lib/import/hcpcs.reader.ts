import { Readable } from 'node:stream';
import { hasCodeShape } from '@chartdesk/coding-rules';
import { DomainError } from '@chartdesk/api-platform';
import ExcelJS from 'exceljs';
import { guessDelimiter, splitDelimited, splitLines } from './csv';
import type { CodeRow, ModifierRow } from './import-types';
import { ProblemLog } from './import-types';
import type { ParsedCodes } from './order-file.parser';
import type { SourceFile } from './source-file';
import { sourceText } from './source-file';

const REQUIRED = ['HCPC', 'RECID', 'LONG DESCRIPTION', 'SHORT DESCRIPTION'] as const;

/** Record types of the alpha-numeric file: 3 a code, 4 its continued description, 7/8 modifiers. */
const CODE_RECORD = '3';
const CONTINUATION_RECORD = '4';
const MODIFIER_RECORDS = new Set(['7', '8']);

/** `20161231` → `2016-12-31`; blank → null; anything else → undefined (malformed). */
function cmsDate(value: string): string | null | undefined {
  if (value === '') return null;
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

async function* spreadsheetRows(file: SourceFile): AsyncGenerator<string[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(file.bytes)), {
    sharedStrings: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    styles: 'ignore',
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      // ExcelJS rows are 1-based and sparse.
      yield Array.from(row.values as unknown[], (v) => (v == null ? '' : String(v))).slice(1);
    }
    return; // the codes are on the first sheet
  }
}

async function* csvRows(file: SourceFile, problems: ProblemLog): AsyncGenerator<string[]> {
  const lines = splitLines(sourceText(file));
  const delimiter = guessDelimiter(lines[0] ?? '');
  for (const [i, line] of lines.entries()) {
    const fields = splitDelimited(line, delimiter);
    if (!fields) problems.add(i + 1, 'unterminated quote');
    yield fields ?? [];
  }
}

/**
 * The CMS HCPCS Level II alpha-numeric file: the .xlsx CMS publishes, or the
 * same columns as CSV (the repo's demo subset). Modifiers are counted, not imported.
 */
export async function readHcpcs(file: SourceFile): Promise<ParsedCodes & { modifiers: ModifierRow[] }> {
  const problems = new ProblemLog();
  const rows: CodeRow[] = [];
  const byCode = new Map<string, CodeRow & { longDescription: string }>();
  let header: Map<string, number> | undefined;
  let rowNo = 0;
  let rowsRead = 0;
  const modifiers = new Map<string, ModifierRow>();
  let last: (CodeRow & { longDescription: string }) | undefined;
  const source = /\.xlsx$/i.test(file.name) ? spreadsheetRows(file) : csvRows(file, problems);
  for await (const values of source) {
    rowNo++;
    if (!header) {
      header = new Map(values.map((v, i) => [v.trim().toUpperCase(), i]));
      const missing = REQUIRED.filter((c) => !header?.has(c));
      if (missing.length > 0)
        throw new DomainError('VALIDATION', `${file.name} lacks the columns ${missing.join(', ')}.`);
      continue;
    }
    const cell = (column: string): string => values[header?.get(column) ?? -1]?.trim() ?? '';
    if (values.every((v) => v.trim() === '')) continue;
    rowsRead++;
    const recordType = cell('RECID');
    const code = cell('HCPC');
    const terminatedOn = cmsDate(cell('TERM DT'));
    if (terminatedOn === undefined) {
      problems.add(rowNo, `TERM DT "${cell('TERM DT')}" is not YYYYMMDD`);
      continue;
    }
    if (MODIFIER_RECORDS.has(recordType)) {
      // 8 continues the description of the modifier before it
      const previous = modifiers.get(code);
      if (recordType === '8' && previous) {
        modifiers.set(code, { ...previous, description: `${previous.description} ${cell('LONG DESCRIPTION')}`.trim() });
      } else if (/^[0-9A-Z]{2}$/.test(code)) {
        modifiers.set(code, { modifier: code, description: cell('LONG DESCRIPTION'), terminatedOn });
      } else problems.add(rowNo, `"${code}" is not a modifier`);
      continue;
    }
    if (recordType === CONTINUATION_RECORD) {
      if (last && last.code === code)
        last.longDescription = `${last.longDescription} ${cell('LONG DESCRIPTION')}`.trim();
      else problems.add(rowNo, `continuation of ${code} without its code record`);
      continue;
    }
    if (recordType !== CODE_RECORD) {
      problems.add(rowNo, `unknown record type "${recordType}"`);
      continue;
    }
    if (!hasCodeShape('HCPCS', code)) {
      problems.add(rowNo, `"${code}" is not a HCPCS Level II code`);
      continue;
    }
    if (byCode.has(code)) {
      problems.add(rowNo, `${code} appears twice`);
      continue;
    }
    const shortDescription = cell('SHORT DESCRIPTION');
    const longDescription = cell('LONG DESCRIPTION') || shortDescription;
    if (!longDescription) {
      problems.add(rowNo, `${code} has no description`);
      continue;
    }
    last = {
      code,
      billable: true,
      shortDescription: shortDescription || longDescription.slice(0, 28),
      longDescription,
      terminatedOn,
    };
    byCode.set(code, last);
    rows.push(last);
  }
  if (!header) throw new DomainError('VALIDATION', `${file.name} is empty.`);
  return { rows, rowsRead, problems, modifiers: [...modifiers.values()] };
}
