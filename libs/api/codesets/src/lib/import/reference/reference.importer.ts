import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { AuditService } from '@chartdesk/api-audit';
import { DomainError } from '@chartdesk/api-platform';
import { type ImportSummary, REFERENCE_DATASET_LABELS, type ReferenceDataset } from '@chartdesk/contracts';
import type { EntityManager } from 'typeorm';
import type { ImportRequester } from '../code-set.importer';
import type { ProgressListener } from '../import-types';
import { fiscalYearRelease } from '../source-file';
import { IndexReader } from './index-reader';
import { PcsTablesReader } from './pcs-tables-reader';
import type { ReferenceReader } from './reference-rows';
import {
  beginReferenceRelease,
  finishReferenceRelease,
  resolveRangeMembers,
  type TermSource,
  writeReferenceBatch,
} from './reference.writer';
import { TabularReader } from './tabular-reader';
import { streamXml, type XmlHandler } from './xml-stream';

export interface ReferenceImportRequest {
  /** The extracted CMS XML file. */
  readonly path: string;
  /** Inferred from the file name when absent. */
  readonly dataset?: ReferenceDataset;
  /** Inferred from the file name (FY2026, effective 2025-10-01) when absent. */
  readonly release?: string;
  readonly effectiveFrom?: string;
}

/** The file names CMS publishes each reference file under. */
export const REFERENCE_FILE_NAMES: Readonly<Record<ReferenceDataset, RegExp>> = {
  ICD10CM_TABULAR: /^icd10cm[-_]tabular[-_]\d{4}.*\.xml$/i,
  ICD10CM_INDEX: /^icd10cm[-_]index[-_]\d{4}.*\.xml$/i,
  ICD10CM_EINDEX: /^icd10cm[-_]eindex[-_]\d{4}.*\.xml$/i,
  ICD10CM_NEOPLASM: /^icd10cm[-_]neoplasm[-_]\d{4}.*\.xml$/i,
  ICD10CM_DRUG: /^icd10cm[-_]drug[-_]\d{4}.*\.xml$/i,
  ICD10PCS_TABLES: /^icd10pcs[-_]tables[-_]\d{4}.*\.xml$/i,
};

export function referenceDatasetOf(fileName: string): ReferenceDataset | undefined {
  return (Object.keys(REFERENCE_FILE_NAMES) as ReferenceDataset[]).find((k) => REFERENCE_FILE_NAMES[k].test(fileName));
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const RELEASE = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,31}$/;

function readerFor(dataset: ReferenceDataset): { reader: XmlHandler & ReferenceReader; terms: TermSource } {
  switch (dataset) {
    case 'ICD10CM_TABULAR':
      return { reader: new TabularReader(), terms: 'INCLUSION_TERM' };
    case 'ICD10CM_INDEX':
    case 'ICD10CM_EINDEX':
    case 'ICD10CM_NEOPLASM':
    case 'ICD10CM_DRUG':
      return { reader: new IndexReader(dataset), terms: 'INDEX' };
    case 'ICD10PCS_TABLES':
      return { reader: new PcsTablesReader(), terms: 'PCS_INDEX' };
  }
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch {
    throw new DomainError('VALIDATION', `Cannot read ${basename(path)}.`);
  }
  return hash.digest('hex');
}

function resolve(request: ReferenceImportRequest): {
  dataset: ReferenceDataset;
  release: string;
  effectiveFrom: string;
} {
  const name = basename(request.path);
  const dataset = request.dataset ?? referenceDatasetOf(name);
  if (!dataset) {
    throw new DomainError(
      'VALIDATION',
      `${name} is not a CMS reference file (expected a name like icd10cm_tabular_2026.xml, icd10cm_index_2026.xml or icd10pcs_tables_2026.xml).`,
    );
  }
  const inferred = fiscalYearRelease(name);
  const release = request.release ?? inferred?.release;
  const effectiveFrom = request.effectiveFrom ?? inferred?.effectiveFrom;
  if (!release || !effectiveFrom) {
    throw new DomainError('VALIDATION', `Give the release name and effective date for ${name}.`);
  }
  if (!RELEASE.test(release)) {
    throw new DomainError(
      'VALIDATION',
      'A release name is up to 32 letters, digits, spaces, dots, dashes or underscores.',
    );
  }
  if (!DATE.test(effectiveFrom) || Number.isNaN(Date.parse(effectiveFrom))) {
    throw new DomainError('VALIDATION', 'The effective date must be a date written YYYY-MM-DD.');
  }
  return { dataset, release, effectiveFrom };
}

/**
 * Streams one CMS reference file (Tabular, Index, Neoplasm or Drug table, PCS
 * Tables) into its tables. Rows are written between chunks, so memory stays
 * flat however large the file; everything, with its CODESET_IMPORTED audit
 * event, commits together or not at all (a malformed element rolls it back).
 */
export async function importReferenceFile(
  audit: AuditService,
  request: ReferenceImportRequest,
  requester: ImportRequester,
  onProgress: ProgressListener = () => undefined,
): Promise<ImportSummary> {
  const { dataset, release, effectiveFrom } = resolve(request);
  const name = basename(request.path);
  const sha256 = await sha256Of(request.path);
  const label = `${REFERENCE_DATASET_LABELS[dataset]} ${release}`;
  const work = async (manager: EntityManager): Promise<ImportSummary> => {
    const base = { dataset, label, release, effectiveFrom, problems: [], problemCount: 0 };
    const start = await beginReferenceRelease(
      manager,
      { kind: dataset, release, effectiveFrom, sourceName: name, sha256 },
      label,
    );
    if (start.outcome === 'unchanged') {
      return { ...base, outcome: 'unchanged', rowsRead: start.rowCount, rowsImported: 0 };
    }
    const { reader, terms } = readerFor(dataset);
    let rows = 0;
    const flush = async () => {
      rows += await writeReferenceBatch(manager, start.id, reader.take(), terms);
    };
    await streamXml(request.path, reader, {
      afterChunk: async (done, total) => {
        await flush();
        onProgress(done, total);
      },
    });
    await flush();
    if (dataset === 'ICD10CM_TABULAR') await resolveRangeMembers(manager, start.id);
    await finishReferenceRelease(manager, start.id, rows);
    return {
      ...base,
      outcome: 'imported',
      rowsRead: rows,
      rowsImported: rows,
      ...(start.superseded ? { supersededRelease: start.superseded } : {}),
    };
  };
  return audit.withAudit(work, (summary) => ({
    action: 'CODESET_IMPORTED',
    outcome: 'success',
    actor: requester.actor,
    meta: requester.meta,
    resourceType: 'code_reference_release',
    resourceId: `${dataset}:${release}`,
    details: {
      via: requester.via,
      file: name,
      sha256,
      outcome: summary.outcome,
      rowsImported: summary.rowsImported,
      problemCount: 0,
    },
  }));
}
