import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DomainError } from '@chartdesk/api-platform';
import { unzipSync } from 'fflate';

export interface SourceFile {
  /** The file read: the zip entry's name when it came from a zip. */
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

/**
 * Reads a file as it was downloaded from CMS: either the zip (taking the entry
 * whose name matches `entry`) or the extracted file itself.
 */
export async function readSourceFile(path: string, entry: RegExp): Promise<SourceFile> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    throw new DomainError('VALIDATION', `Cannot read ${basename(path)}.`);
  }
  let name = basename(path);
  if (/\.zip$/i.test(name)) {
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(bytes, { filter: (f) => entry.test(basename(f.name)) });
    } catch {
      throw new DomainError('VALIDATION', `${name} is not a readable zip file.`);
    }
    const found = Object.keys(files).sort()[0];
    if (!found) throw new DomainError('VALIDATION', `${name} holds no file named like ${entry.source}.`);
    name = basename(found);
    bytes = files[found];
  } else if (!entry.test(name)) {
    throw new DomainError('VALIDATION', `${name} is not the expected file (a name like ${entry.source}).`);
  }
  return { name, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** CMS text files are ASCII; latin1 never fails on a stray byte. */
export function sourceText(file: SourceFile): string {
  return Buffer.from(file.bytes).toString('latin1');
}

/** `icd10cm_order_2026.txt` → FY2026, effective 2025-10-01 (the federal fiscal year starts in October). */
export function fiscalYearRelease(fileName: string): { release: string; effectiveFrom: string } | undefined {
  const year = /(20\d{2})/.exec(fileName)?.[1];
  return year ? { release: `FY${year}`, effectiveFrom: `${Number(year) - 1}-10-01` } : undefined;
}

const QUARTERS: Readonly<Record<string, [string, string]>> = {
  JAN: ['Q1', '01-01'],
  APR: ['Q2', '04-01'],
  JUL: ['Q3', '07-01'],
  OCT: ['Q4', '10-01'],
};

/** `HCPC2025_OCT_ANWEB.xlsx` or `..._2025q4_...` → 2025Q4, effective 2025-10-01. */
export function hcpcsQuarterRelease(fileName: string): { release: string; effectiveFrom: string } | undefined {
  const numbered = /(20\d{2})_?Q([1-4])/i.exec(fileName);
  if (numbered) {
    const month = String((Number(numbered[2]) - 1) * 3 + 1).padStart(2, '0');
    return { release: `${numbered[1]}Q${numbered[2]}`, effectiveFrom: `${numbered[1]}-${month}-01` };
  }
  const match = /(20\d{2})_?(JAN|APR|JUL|OCT)/i.exec(fileName);
  if (!match) return undefined;
  const [quarter, monthDay] = QUARTERS[match[2].toUpperCase()];
  return { release: `${match[1]}${quarter}`, effectiveFrom: `${match[1]}-${monthDay}` };
}
