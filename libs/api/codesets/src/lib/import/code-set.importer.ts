import type { AuditService } from '@chartdesk/api-audit';
import { DomainError, type RequestMeta } from '@chartdesk/api-platform';
import type { Actor } from '@chartdesk/api-platform';
import { CODE_SYSTEM_LABELS, type CodeSystem, type ImportSummary } from '@chartdesk/contracts';
import type { ParsedCodes } from './order-file.parser';
import { parseOrderFile } from './order-file.parser';
import { readHcpcs } from './hcpcs.reader';
import { parseCptCsv } from './cpt.reader';
import { writeCodeSet } from './code-set.writer';
import { writeEditData } from './edit-data.writer';
import { deriveGuidelineDefaults, GUIDELINE_DEFAULT_LISTS } from './guideline-defaults';
import { ProblemLog, type ProgressListener } from './import-types';
import type { EntityManager } from 'typeorm';
import { fiscalYearRelease, hcpcsQuarterRelease, readSourceFile, type SourceFile, sourceText } from './source-file';

export interface CodeSetImportRequest {
  readonly system: CodeSystem;
  /** A CMS zip or the extracted file. */
  readonly path: string;
  /** Inferred from the CMS file name when absent (FY2026, 2025Q4); required for CPT. */
  readonly release?: string;
  readonly effectiveFrom?: string;
}

/** Who asked, for the audit event: a signed-in admin, or the CLI / demo seed (no user). */
export interface ImportRequester {
  readonly actor: Actor | null;
  readonly meta?: RequestMeta;
  readonly via: 'api' | 'cli' | 'demo-seed';
}

/** Which file inside a CMS zip each system reads. */
const ENTRY: Readonly<Record<CodeSystem, RegExp>> = {
  ICD10CM: /^icd10cm_order_20\d{2}(_demo)?\.txt$/i,
  ICD10PCS: /^icd10pcs_order_20\d{2}(_demo)?\.txt$/i,
  HCPCS: /^(HCPC.*\.xlsx|hcpcs.*\.csv)$/i,
  CPT: /\.(csv|txt)$/i,
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const RELEASE = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,31}$/;

async function parse(system: CodeSystem, file: SourceFile): Promise<ParsedCodes> {
  switch (system) {
    case 'ICD10CM':
    case 'ICD10PCS':
      return parseOrderFile(sourceText(file), system);
    case 'HCPCS':
      return readHcpcs(file);
    case 'CPT':
      return parseCptCsv(sourceText(file), file.name);
  }
}

function resolveRelease(request: CodeSetImportRequest, file: SourceFile): { release: string; effectiveFrom: string } {
  const inferred =
    request.system === 'HCPCS'
      ? hcpcsQuarterRelease(file.name)
      : request.system === 'CPT'
        ? undefined
        : fiscalYearRelease(file.name);
  const release = request.release ?? inferred?.release;
  const effectiveFrom = request.effectiveFrom ?? inferred?.effectiveFrom;
  if (!release || !effectiveFrom) {
    throw new DomainError(
      'VALIDATION',
      `Give the release name and effective date for this ${CODE_SYSTEM_LABELS[request.system]} file.`,
    );
  }
  if (!RELEASE.test(release))
    throw new DomainError(
      'VALIDATION',
      'A release name is up to 32 letters, digits, spaces, dots, dashes or underscores.',
    );
  if (!DATE.test(effectiveFrom) || Number.isNaN(Date.parse(effectiveFrom))) {
    throw new DomainError('VALIDATION', 'The effective date must be a date written YYYY-MM-DD.');
  }
  return { release, effectiveFrom };
}

/**
 * The edit lists derived from an ICD-10-CM release (Official Guidelines
 * defaults), written with the release itself, or on a re-import of a release
 * imported before the defaults existed.
 */
async function writeGuidelineDefaults(
  manager: EntityManager,
  parsed: ParsedCodes,
  release: string,
  effectiveFrom: string,
  file: SourceFile,
): Promise<void> {
  const label = `ICD-10-CM ${release}`;
  const rows = deriveGuidelineDefaults(parsed.rows, label);
  // A partial file (an addendum, a test extract) may hold no code a default applies to: nothing to derive.
  if (rows.length === 0) return;
  await writeEditData(
    manager,
    {
      kind: 'GUIDELINE_DEFAULTS',
      providerType: 'ALL',
      sourceName: 'ICD-10-CM Official Guidelines defaults',
      release,
      effectiveFrom,
      sha256: file.sha256,
      lists: GUIDELINE_DEFAULT_LISTS,
    },
    { rows, rowsRead: rows.length, problems: new ProblemLog() },
  );
}

/**
 * Reads, parses and writes one code set file. The write and its
 * CODESET_IMPORTED audit event commit together or not at all.
 */
export async function importCodeSetFile(
  audit: AuditService,
  request: CodeSetImportRequest,
  requester: ImportRequester,
  onProgress?: ProgressListener,
): Promise<ImportSummary> {
  const file = await readSourceFile(request.path, ENTRY[request.system]);
  const { release, effectiveFrom } = resolveRelease(request, file);
  const parsed = await parse(request.system, file);
  return audit.withAudit(
    async (manager) => {
      const summary = await writeCodeSet(
        manager,
        { system: request.system, release, effectiveFrom, sha256: file.sha256 },
        parsed,
        onProgress,
      );
      if (request.system === 'ICD10CM') await writeGuidelineDefaults(manager, parsed, release, effectiveFrom, file);
      return summary;
    },
    (summary) => ({
      action: 'CODESET_IMPORTED',
      outcome: 'success',
      actor: requester.actor,
      meta: requester.meta,
      resourceType: 'code_set_version',
      resourceId: `${request.system}:${release}`,
      details: {
        via: requester.via,
        file: file.name,
        sha256: file.sha256,
        outcome: summary.outcome,
        rowsImported: summary.rowsImported,
        problemCount: summary.problemCount,
      },
    }),
  );
}
