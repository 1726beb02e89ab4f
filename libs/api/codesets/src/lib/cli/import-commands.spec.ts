import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findCmsFiles, parseCommandArgs } from './import-commands';

describe('findCmsFiles', () => {
  it('picks the CMS downloads by the names CMS gives them, newest last', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cms-files-'));
    for (const name of [
      'cms_2025_dx.zip',
      'cms_2026_dx.zip',
      'cms_2026_pr.zip',
      'HCPC2025_OCT_ANWEB.xlsx',
      'README.md',
    ]) {
      writeFileSync(join(dir, name), '');
    }
    expect(findCmsFiles(dir)).toEqual([
      { system: 'ICD10CM', path: join(dir, 'cms_2026_dx.zip') },
      { system: 'ICD10PCS', path: join(dir, 'cms_2026_pr.zip') },
      { system: 'HCPCS', path: join(dir, 'HCPC2025_OCT_ANWEB.xlsx') },
    ]);
  });

  it('finds nothing in a folder without CMS files', () => {
    expect(findCmsFiles(mkdtempSync(join(tmpdir(), 'cms-empty-')))).toEqual([]);
  });
});

describe('parseCommandArgs (node:util parseArgs, strict)', () => {
  const options = { release: { type: 'string' }, effective: { type: 'string' } } as const;

  it('reads positionals and options in any order', () => {
    expect(parseCommandArgs(['MCE', '--release', 'v43', 'defs.txt', '--effective=2025-10-01'], options)).toEqual({
      values: { release: 'v43', effective: '2025-10-01' },
      positionals: ['MCE', 'defs.txt'],
    });
  });

  it('refuses an unknown option or an option without its value, instead of guessing', () => {
    expect(parseCommandArgs(['MCE', 'defs.txt', '--relase', 'v43'], options)).toBeUndefined();
    expect(parseCommandArgs(['MCE', 'defs.txt', '--release'], options)).toBeUndefined();
  });
});
