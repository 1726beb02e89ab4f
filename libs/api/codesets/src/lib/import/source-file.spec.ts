import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { fiscalYearRelease, hcpcsQuarterRelease, readSourceFile, sourceText } from './source-file';

describe('source files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'codesets-source-'));

  it('reads the matching entry from a CMS zip, and the same bytes give the same hash', async () => {
    const order = new TextEncoder().encode('00001 A00     0 Cholera\r\n');
    writeFileSync(
      join(dir, 'cms.zip'),
      zipSync({
        'icd10cm_order_addenda_2026.txt': new TextEncoder().encode('addenda'),
        'icd10cm_order_2026.txt': order,
      }),
    );
    writeFileSync(join(dir, 'icd10cm_order_2026.txt'), order);
    const fromZip = await readSourceFile(join(dir, 'cms.zip'), /^icd10cm_order_20\d{2}\.txt$/);
    const extracted = await readSourceFile(join(dir, 'icd10cm_order_2026.txt'), /^icd10cm_order_20\d{2}\.txt$/);
    expect(fromZip.name).toBe('icd10cm_order_2026.txt');
    expect(sourceText(fromZip)).toContain('Cholera');
    expect(fromZip.sha256).toBe(extracted.sha256);
  });

  it('refuses a zip without the expected file, and a file with the wrong name', async () => {
    writeFileSync(join(dir, 'other.zip'), zipSync({ 'readme.txt': new TextEncoder().encode('x') }));
    await expect(readSourceFile(join(dir, 'other.zip'), /^icd10cm_order_20\d{2}\.txt$/)).rejects.toThrow(
      /holds no file/,
    );
    await expect(readSourceFile(join(dir, 'icd10cm_order_2026.txt'), /\.xlsx$/)).rejects.toThrow(
      /not the expected file/,
    );
    await expect(readSourceFile(join(dir, 'missing.txt'), /\.txt$/)).rejects.toThrow(/Cannot read/);
  });

  it('infers CMS releases from file names', () => {
    expect(fiscalYearRelease('icd10cm_order_2026.txt')).toEqual({ release: 'FY2026', effectiveFrom: '2025-10-01' });
    expect(hcpcsQuarterRelease('HCPC2025_OCT_ANWEB.xlsx')).toEqual({ release: '2025Q4', effectiveFrom: '2025-10-01' });
    expect(hcpcsQuarterRelease('HCPC2026_JAN_ANWEB_v2.xlsx')).toEqual({
      release: '2026Q1',
      effectiveFrom: '2026-01-01',
    });
    expect(hcpcsQuarterRelease('hcpcs_2025q3_demo.csv')).toEqual({ release: '2025Q3', effectiveFrom: '2025-07-01' });
    expect(hcpcsQuarterRelease('codes.xlsx')).toBeUndefined();
  });
});
