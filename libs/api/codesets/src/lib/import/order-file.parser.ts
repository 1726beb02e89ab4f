import type { CodeSystem } from '@chartdesk/contracts';
import { hasCodeShape } from '@chartdesk/coding-rules';
import { splitLines } from './csv';
import type { CodeRow, ModifierRow } from './import-types';
import { ProblemLog } from './import-types';

export interface ParsedCodes {
  readonly rows: CodeRow[];
  readonly rowsRead: number;
  readonly problems: ProblemLog;
  /** HCPCS: the file's modifier table. */
  readonly modifiers?: readonly ModifierRow[];
}

/** PCS headers are 3-character tables; CM headers are categories and subcategories. */
function validCode(system: CodeSystem, code: string, billable: boolean): boolean {
  if (system === 'ICD10PCS') return billable ? /^[0-9A-HJ-NP-Z]{7}$/.test(code) : /^[0-9A-HJ-NP-Z]{3,6}$/.test(code);
  return hasCodeShape(system, code);
}

/**
 * The CMS order file (ICD-10-CM and ICD-10-PCS), fixed width: order number in
 * columns 1–5, code 7–13, billable flag 15, short description 17–76, long
 * description from 78.
 */
export function parseOrderFile(text: string, system: 'ICD10CM' | 'ICD10PCS'): ParsedCodes {
  const problems = new ProblemLog();
  const rows: CodeRow[] = [];
  const firstLine = new Map<string, number>();
  let rowsRead = 0;
  splitLines(text).forEach((line, i) => {
    const lineNo = i + 1;
    if (line.trim() === '') return;
    rowsRead++;
    if (line.length < 18 || !/^\d{5} $/.test(line.slice(0, 6))) {
      problems.add(lineNo, 'not an order-file line (expected a 5-digit order number in columns 1–5)');
      return;
    }
    const code = line.slice(6, 13).trim();
    const flag = line.charAt(14);
    const shortDescription = line.slice(16, 76).trim();
    const longDescription = line.slice(77).trim() || shortDescription;
    if (flag !== '0' && flag !== '1') {
      problems.add(lineNo, `billable flag in column 15 must be 0 or 1, found "${flag}"`);
      return;
    }
    if (!validCode(system, code, flag === '1')) {
      problems.add(lineNo, `"${code}" is not a valid ${system} code`);
      return;
    }
    if (shortDescription === '') {
      problems.add(lineNo, `${code} has no description`);
      return;
    }
    const previous = firstLine.get(code);
    if (previous !== undefined) {
      problems.add(lineNo, `${code} repeats line ${previous}`);
      return;
    }
    firstLine.set(code, lineNo);
    rows.push({ code, billable: flag === '1', shortDescription, longDescription });
  });
  return { rows, rowsRead, problems };
}
