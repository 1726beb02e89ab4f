import type { AuditService } from '@chartdesk/api-audit';
import { DomainError } from '@chartdesk/api-platform';
import type { ImportableEditDataKind, ImportSummary } from '@chartdesk/contracts';
import type { ImportRequester } from './code-set.importer';
import { type AttributeRow, parseCodeAttributes, parseExcludes1, parseMue, parseNcciPtp } from './edit-data.readers';
import { type ListRow, parseAddOnCodes, parseMceDefinitions, parsePoaExemptList } from './edit-publication.readers';
import { type ProviderType, writeEditData } from './edit-data.writer';
import type { ProgressListener } from './import-types';
import { readSourceFile, sourceText } from './source-file';

export interface EditDataImportRequest {
  readonly kind: FileKind;
  readonly path: string;
  readonly release: string;
  readonly effectiveFrom: string;
  readonly providerType?: ProviderType;
  /** Defaults per kind, e.g. "NCCI PTP practitioner". */
  readonly sourceName?: string;
}

type FileKind = ImportableEditDataKind;

const ENTRY: Readonly<Record<FileKind, RegExp>> = {
  CODE_ATTRIBUTES: /\.csv$/i,
  EXCLUDES1: /\.csv$/i,
  NCCI_PTP: /\.(txt|csv)$/i,
  MUE: /\.(csv|txt)$/i,
  POA_EXEMPT: /^POA.*exempt.*\.txt$/i,
  MCE: /\.txt$/i,
  NCCI_ADDON: /\.(txt|csv)$/i,
};

const DEFAULT_NAMES: Readonly<Record<FileKind, string>> = {
  CODE_ATTRIBUTES: 'Code edit attributes',
  EXCLUDES1: 'ICD-10-CM Excludes1',
  NCCI_PTP: 'NCCI PTP',
  MUE: 'MUE',
  POA_EXEMPT: 'CMS POA exempt list',
  MCE: 'Medicare Code Editor',
  NCCI_ADDON: 'NCCI add-on codes',
};

const ATTRIBUTE_LISTS = ['SEX', 'AGE', 'MANIFESTATION', 'UNACCEPTABLE_PRINCIPAL', 'POA_EXEMPT'] as const;

/** A site's attribute CSV row as list entries; a prefix starting with a digit is ICD-10-PCS. */
function attributeLists(row: AttributeRow, label: string, line: string): ListRow[] {
  const system = /^[0-9]/.test(row.codePrefix) ? 'ICD10PCS' : 'ICD10CM';
  const base = { system, codePrefix: row.codePrefix, basis: 'LOCAL', evidence: `${label}: ${line}` } as const;
  const rows: ListRow[] = [];
  if (row.sex) rows.push({ ...base, list: 'SEX', value: row.sex });
  if (row.ageCategory) rows.push({ ...base, list: 'AGE', value: row.ageCategory });
  if (row.manifestation) rows.push({ ...base, list: 'MANIFESTATION', value: null });
  if (row.unacceptablePrincipal) rows.push({ ...base, list: 'UNACCEPTABLE_PRINCIPAL', value: null });
  if (row.poaExempt) rows.push({ ...base, list: 'POA_EXEMPT', value: null });
  return rows;
}

function sourceNameOf(request: EditDataImportRequest & { kind: FileKind }, providerType: ProviderType): string {
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
  const label = `${base.sourceName} ${request.release}`;
  const write = (manager: Parameters<Parameters<AuditService['withAudit']>[0]>[0]): Promise<ImportSummary> => {
    switch (request.kind) {
      case 'CODE_ATTRIBUTES': {
        const parsed = parseCodeAttributes(text, file.name);
        const rows = parsed.rows.flatMap((r) => attributeLists(r, label, r.codePrefix));
        return writeEditData(
          manager,
          { ...base, kind: 'CODE_ATTRIBUTES', lists: ATTRIBUTE_LISTS },
          { ...parsed, rows },
          onProgress,
        );
      }
      case 'POA_EXEMPT': {
        const parsed = parsePoaExemptList(text, file.name);
        return writeEditData(manager, { ...base, kind: 'POA_EXEMPT', lists: parsed.lists }, parsed, onProgress);
      }
      case 'MCE': {
        const parsed = parseMceDefinitions(text, file.name, label);
        return writeEditData(manager, { ...base, kind: 'MCE', lists: parsed.lists }, parsed, onProgress);
      }
      case 'NCCI_ADDON':
        return writeEditData(manager, { ...base, kind: 'NCCI_ADDON' }, parseAddOnCodes(text, file.name), onProgress);
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
