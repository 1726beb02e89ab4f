import type { AuditService } from '@chartdesk/api-audit';
import { DomainError } from '@chartdesk/api-platform';
import type { EditDataKind, ImportSummary } from '@chartdesk/contracts';
import type { ImportRequester } from './code-set.importer';
import { parseCodeAttributes, parseExcludes1, parseMue, parseNcciPtp } from './edit-data.readers';
import { type ProviderType, writeEditData } from './edit-data.writer';
import type { ProgressListener } from './import-types';
import { readSourceFile, sourceText } from './source-file';

export interface EditDataImportRequest {
  readonly kind: EditDataKind;
  readonly path: string;
  readonly release: string;
  readonly effectiveFrom: string;
  readonly providerType?: ProviderType;
  /** Defaults per kind, e.g. "NCCI PTP practitioner". */
  readonly sourceName?: string;
}

const ENTRY: Readonly<Record<EditDataKind, RegExp>> = {
  CODE_ATTRIBUTES: /\.csv$/i,
  EXCLUDES1: /\.csv$/i,
  NCCI_PTP: /\.(txt|csv)$/i,
  MUE: /\.(csv|txt)$/i,
};

const DEFAULT_NAMES: Readonly<Record<EditDataKind, string>> = {
  CODE_ATTRIBUTES: 'Code edit attributes',
  EXCLUDES1: 'ICD-10-CM Excludes1',
  NCCI_PTP: 'NCCI PTP',
  MUE: 'MUE',
};

function sourceNameOf(request: EditDataImportRequest, providerType: ProviderType): string {
  if (request.sourceName) return request.sourceName;
  const base = DEFAULT_NAMES[request.kind];
  return providerType === 'ALL' ? base : `${base} ${providerType.toLowerCase()}`;
}

/** Imports one edit data file (the CMS NCCI PTP and MUE layouts, or ChartDesk's CSVs), audited. */
export async function importEditDataFile(
  audit: AuditService,
  request: EditDataImportRequest,
  requester: ImportRequester,
  onProgress?: ProgressListener,
): Promise<ImportSummary> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(request.effectiveFrom) || Number.isNaN(Date.parse(request.effectiveFrom))) {
    throw new DomainError('VALIDATION', 'The effective date must be a date written YYYY-MM-DD.');
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,31}$/.test(request.release)) {
    throw new DomainError(
      'VALIDATION',
      'A release name is up to 32 letters, digits, spaces, dots, dashes or underscores.',
    );
  }
  const providerType =
    request.providerType ?? (request.kind === 'NCCI_PTP' || request.kind === 'MUE' ? 'PRACTITIONER' : 'ALL');
  const file = await readSourceFile(request.path, ENTRY[request.kind]);
  const text = sourceText(file);
  const base = {
    providerType,
    sourceName: sourceNameOf(request, providerType),
    release: request.release,
    effectiveFrom: request.effectiveFrom,
    sha256: file.sha256,
  };
  const write = (manager: Parameters<Parameters<AuditService['withAudit']>[0]>[0]): Promise<ImportSummary> => {
    switch (request.kind) {
      case 'CODE_ATTRIBUTES':
        return writeEditData(
          manager,
          { ...base, kind: 'CODE_ATTRIBUTES' },
          parseCodeAttributes(text, file.name),
          onProgress,
        );
      case 'EXCLUDES1':
        return writeEditData(manager, { ...base, kind: 'EXCLUDES1' }, parseExcludes1(text, file.name), onProgress);
      case 'NCCI_PTP':
        return writeEditData(manager, { ...base, kind: 'NCCI_PTP' }, parseNcciPtp(text, file.name), onProgress);
      case 'MUE':
        return writeEditData(manager, { ...base, kind: 'MUE' }, parseMue(text, file.name), onProgress);
    }
  };
  return audit.withAudit(write, (summary) => ({
    action: 'CODESET_IMPORTED',
    outcome: 'success',
    actor: requester.actor,
    meta: requester.meta,
    resourceType: 'edit_data_version',
    resourceId: `${request.kind}:${providerType}:${request.release}`,
    details: {
      via: requester.via,
      file: file.name,
      sha256: file.sha256,
      outcome: summary.outcome,
      rowsImported: summary.rowsImported,
      problemCount: summary.problemCount,
    },
  }));
}
