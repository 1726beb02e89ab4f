import { hasCodeShape } from '@chartdesk/coding-rules';
import { DomainError } from '@chartdesk/api-platform';
import { guessDelimiter, splitDelimited, splitLines } from './csv';
import type { CodeRow } from './import-types';
import { ProblemLog } from './import-types';
import type { ParsedCodes } from './order-file.parser';

/**
 * CPT from the customer's licensed file: a CSV (or tab-separated) file with a
 * header naming `code` and `descriptor` (optionally `short_descriptor`).
 * ChartDesk ships no AMA descriptors; the demo file carries our own labels.
 */
export function parseCptCsv(text: string, fileName: string): ParsedCodes {
  const problems = new ProblemLog();
  const lines = splitLines(text);
  const delimiter = guessDelimiter(lines[0] ?? '');
  const header = (splitDelimited(lines[0] ?? '', delimiter) ?? []).map((h) => h.trim().toLowerCase());
  const codeAt = header.indexOf('code');
  const descriptorAt = header.indexOf('descriptor');
  const shortAt = header.indexOf('short_descriptor');
  if (codeAt < 0 || descriptorAt < 0) {
    throw new DomainError('VALIDATION', `${fileName} needs a header row with "code" and "descriptor" columns.`);
  }
  const rows: CodeRow[] = [];
  const seen = new Set<string>();
  let rowsRead = 0;
  lines.slice(1).forEach((line, i) => {
    const lineNo = i + 2;
    if (line.trim() === '') return;
    rowsRead++;
    const fields = splitDelimited(line, delimiter);
    if (!fields) return problems.add(lineNo, 'unterminated quote');
    const code = (fields[codeAt] ?? '').trim().toUpperCase();
    const descriptor = (fields[descriptorAt] ?? '').trim();
    if (!hasCodeShape('CPT', code)) return problems.add(lineNo, `"${code}" is not a CPT code`);
    if (!descriptor) return problems.add(lineNo, `${code} has no descriptor`);
    if (seen.has(code)) return problems.add(lineNo, `${code} appears twice`);
    seen.add(code);
    const shortDescription = (shortAt >= 0 ? fields[shortAt]?.trim() : '') || descriptor;
    rows.push({ code, billable: true, shortDescription, longDescription: descriptor });
  });
  return { rows, rowsRead, problems };
}
