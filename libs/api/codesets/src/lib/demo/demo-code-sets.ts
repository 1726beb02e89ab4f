import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AuditService } from '@chartdesk/api-audit';
import type { ImportSummary } from '@chartdesk/contracts';
import type { DataSource } from 'typeorm';
import { importCodeSetFile, type ImportRequester } from '../import/code-set.importer';
import { importEditDataFile } from '../import/edit-data.importer';
import { seedSearchVocabulary } from '../search/vocabulary';

const MARKER = 'icd10cm_order_2026_demo.txt';

/**
 * Where the demo subset lives: beside the bundle when the build copies it
 * (`codesets-demo/`), else in the repository (`libs/api/codesets/data`).
 */
export function demoCodeSetDir(): string {
  const candidates = [
    join(__dirname, 'codesets-demo'),
    join(__dirname, '../../../data'),
    join(process.cwd(), 'libs/api/codesets/data'),
  ];
  const found = candidates.find((dir) => existsSync(join(dir, MARKER)));
  if (!found) throw new Error(`The demo code set files (${MARKER}) were not found in ${candidates.join(', ')}`);
  return found;
}

/**
 * Imports the demo subset: real ICD-10-CM/PCS FY2026 and HCPCS 2025Q4 codes
 * (CMS, public domain), CPT-like codes with our own labels, and our demo edit
 * data. The sex, age, manifestation, principal and POA exempt lists are the
 * guideline defaults derived from the ICD-10-CM order file at its import.
 * Idempotent, like every import. Returns a one-line summary.
 */
export async function seedDemoCodeSets(dataSource: DataSource): Promise<string> {
  const dir = demoCodeSetDir();
  const audit = new AuditService(dataSource);
  const requester: ImportRequester = { actor: null, via: 'demo-seed' };
  const results: ImportSummary[] = [
    await importCodeSetFile(
      audit,
      { system: 'ICD10CM', path: join(dir, MARKER), release: 'FY2026 demo', effectiveFrom: '2025-10-01' },
      requester,
    ),
    await importCodeSetFile(
      audit,
      {
        system: 'ICD10PCS',
        path: join(dir, 'icd10pcs_order_2026_demo.txt'),
        release: 'FY2026 demo',
        effectiveFrom: '2025-10-01',
      },
      requester,
    ),
    await importCodeSetFile(
      audit,
      {
        system: 'HCPCS',
        path: join(dir, 'hcpcs_2025q4_demo.csv'),
        release: '2025Q4 demo',
        effectiveFrom: '2025-10-01',
      },
      requester,
    ),
    await importCodeSetFile(
      audit,
      { system: 'CPT', path: join(dir, 'cpt_demo_2026.csv'), release: '2026 demo labels', effectiveFrom: '2025-01-01' },
      requester,
    ),
    await importEditDataFile(
      audit,
      {
        kind: 'EXCLUDES1',
        path: join(dir, 'excludes1_demo_fy2026.csv'),
        release: 'FY2026 demo',
        effectiveFrom: '2025-10-01',
      },
      requester,
    ),
    await importEditDataFile(
      audit,
      {
        kind: 'NCCI_PTP',
        path: join(dir, 'ncci_ptp_practitioner_demo_2026q1.txt'),
        release: '2026Q1 demo',
        effectiveFrom: '2025-01-01',
        providerType: 'PRACTITIONER',
      },
      requester,
    ),
    await importEditDataFile(
      audit,
      {
        kind: 'MUE',
        path: join(dir, 'mue_practitioner_demo_2026q1.csv'),
        release: '2026Q1 demo',
        effectiveFrom: '2025-01-01',
        providerType: 'PRACTITIONER',
      },
      requester,
    ),
  ];
  const vocabulary = await seedSearchVocabulary(audit, requester);
  return [...results.map((r) => `${r.label}: ${r.rowsImported || r.outcome}`), vocabulary].join('; ');
}
