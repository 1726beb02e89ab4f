import { DomainError } from '@chartdesk/api-platform';
import type { EditDataKind, EditListName, EditProviderType, ImportSummary } from '@chartdesk/contracts';
import type { EntityManager } from 'typeorm';
import type { ExcludesRow, MueRow, ParsedEditRows, PtpRow } from './edit-data.readers';
import type { AddOnRow, ListRow } from './edit-publication.readers';
import { closeEarlierReleases } from './code-set.writer';
import type { ProgressListener } from './import-types';

export type ProviderType = EditProviderType;

export interface EditDataRelease {
  readonly kind: EditDataKind;
  readonly providerType: ProviderType;
  /** e.g. "NCCI PTP practitioner"; findings name it with the release. */
  readonly sourceName: string;
  readonly release: string;
  readonly effectiveFrom: string;
  readonly sha256: string;
  /** Code list releases: the lists they speak for. */
  readonly lists?: readonly EditListName[];
}

const BATCH = 5000;

type RowsOf = {
  CODE_ATTRIBUTES: ListRow;
  EXCLUDES1: ExcludesRow;
  NCCI_PTP: PtpRow;
  MUE: MueRow;
  POA_EXEMPT: ListRow;
  MCE: ListRow;
  GUIDELINE_DEFAULTS: ListRow;
  NCCI_ADDON: AddOnRow;
};

const LIST_TABLE = {
  sql: `INSERT INTO edit_list_entry (version_id, list, system, code_prefix, value, basis, evidence)
        SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
  key: (r: ListRow) => `${r.list}|${r.system}|${r.codePrefix}`,
  columns: (rows: ListRow[]) => [
    rows.map((r) => r.list),
    rows.map((r) => r.system),
    rows.map((r) => r.codePrefix),
    rows.map((r) => r.value),
    rows.map((r) => r.basis),
    rows.map((r) => r.evidence),
  ],
};

/** One unnest INSERT per kind, with the key that makes a row a duplicate. */
const TABLES: {
  [K in EditDataKind]: { sql: string; key: (r: RowsOf[K]) => string; columns: (rows: RowsOf[K][]) => unknown[] };
} = {
  CODE_ATTRIBUTES: LIST_TABLE,
  POA_EXEMPT: LIST_TABLE,
  MCE: LIST_TABLE,
  GUIDELINE_DEFAULTS: LIST_TABLE,
  NCCI_ADDON: {
    sql: `INSERT INTO ncci_addon_edit (version_id, addon_code, primary_code, edit_type, effective_from, effective_to)
          SELECT $1, * FROM unnest($2::text[], $3::text[], $4::smallint[], $5::date[], $6::date[])`,
    key: (r) => `${r.addOn}|${r.primary}|${r.effectiveFrom}`,
    columns: (rows) => [
      rows.map((r) => r.addOn),
      rows.map((r) => r.primary),
      rows.map((r) => r.editType),
      rows.map((r) => r.effectiveFrom),
      rows.map((r) => r.effectiveTo),
    ],
  },
  EXCLUDES1: {
    sql: `INSERT INTO excludes1_pair (version_id, code_prefix, excluded_prefix) SELECT $1, * FROM unnest($2::text[], $3::text[])`,
    key: (r) => `${r.codePrefix}|${r.excludedPrefix}`,
    columns: (rows) => [rows.map((r) => r.codePrefix), rows.map((r) => r.excludedPrefix)],
  },
  NCCI_PTP: {
    sql: `INSERT INTO ncci_ptp_edit (version_id, column1, column2, effective_from, effective_to, modifier_indicator)
          SELECT $1, * FROM unnest($2::text[], $3::text[], $4::date[], $5::date[], $6::smallint[])`,
    key: (r) => `${r.column1}|${r.column2}|${r.effectiveFrom}`,
    columns: (rows) => [
      rows.map((r) => r.column1),
      rows.map((r) => r.column2),
      rows.map((r) => r.effectiveFrom),
      rows.map((r) => r.effectiveTo),
      rows.map((r) => r.modifierIndicator),
    ],
  },
  MUE: {
    sql: `INSERT INTO mue_limit (version_id, code, max_units, adjudication_indicator, rationale)
          SELECT $1, * FROM unnest($2::text[], $3::int[], $4::smallint[], $5::text[])`,
    key: (r) => r.code,
    columns: (rows) => [
      rows.map((r) => r.code),
      rows.map((r) => r.maxUnits),
      rows.map((r) => r.adjudicationIndicator),
      rows.map((r) => r.rationale),
    ],
  },
};

/**
 * Writes one release of an edit data set in the caller's transaction, with the
 * same rules as code sets: the same file again changes nothing, a new release
 * closes the previous one of the same kind and provider type.
 */
export async function writeEditData<K extends EditDataKind>(
  manager: EntityManager,
  release: EditDataRelease & { kind: K },
  parsed: ParsedEditRows<RowsOf[K]>,
  onProgress: ProgressListener = () => undefined,
): Promise<ImportSummary> {
  const label = `${release.sourceName} ${release.release}`;
  const table = TABLES[release.kind] as (typeof TABLES)[K];
  const unique = new Map<string, RowsOf[K]>();
  for (const row of parsed.rows) unique.set(table.key(row), row);
  const base = {
    dataset: release.kind,
    label,
    release: release.release,
    effectiveFrom: release.effectiveFrom,
    rowsRead: parsed.rowsRead,
    problems: parsed.problems.problems,
    problemCount: parsed.problems.count,
  };
  // Nothing partial: a file with malformed lines is refused whole, with their line numbers.
  if (parsed.problems.count > 0) {
    const shown = parsed.problems.problems.slice(0, 5).map((p) => `line ${p.line}: ${p.message}`);
    throw new DomainError(
      'VALIDATION',
      `${label}: ${parsed.problems.count} malformed line(s), nothing was imported (${shown.join('; ')}${parsed.problems.count > 5 ? '; …' : ''}).`,
      { problems: parsed.problems.problems, problemCount: parsed.problems.count },
    );
  }
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('edit_data_version:' || $1))`, [release.kind]);
  const [existing] = (await manager.query(
    'SELECT content_sha256 FROM edit_data_version WHERE kind = $1 AND provider_type = $2 AND release = $3',
    [release.kind, release.providerType, release.release],
  )) as { content_sha256: string }[];
  if (existing) {
    if (existing.content_sha256 !== release.sha256) {
      throw new DomainError('CONFLICT', `${label} was already imported from a different file. Use a new release name.`);
    }
    return { ...base, outcome: 'unchanged', rowsImported: 0 };
  }
  if (unique.size === 0) throw new DomainError('VALIDATION', `The file holds no valid ${label} rows.`);
  const [later] = (await manager.query(
    `SELECT effective_from::text AS "from" FROM edit_data_version
      WHERE kind = $1 AND provider_type = $2 AND effective_from > $3 AND replaced_by IS NULL ORDER BY effective_from LIMIT 1`,
    [release.kind, release.providerType, release.effectiveFrom],
  )) as { from: string }[];
  const [version] = (await manager.query(
    `INSERT INTO edit_data_version (kind, provider_type, source_name, release, effective_from, effective_to, content_sha256, row_count, lists)
     VALUES ($1, $2, $3, $4, $5, $6::date - 1, $7, $8, $9::text[]) RETURNING id`,
    [
      release.kind,
      release.providerType,
      release.sourceName,
      release.release,
      release.effectiveFrom,
      later?.from ?? null,
      release.sha256,
      unique.size,
      release.lists ?? [],
    ],
  )) as { id: string }[];
  const replaced = await closeEarlierReleases(
    manager,
    'edit_data_version',
    'kind = $1 AND provider_type = $2',
    [release.kind, release.providerType],
    version.id,
    release.effectiveFrom,
  );
  const rows = [...unique.values()];
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    await manager.query(table.sql, [version.id, ...table.columns(batch)]);
    onProgress(start + batch.length, rows.length);
  }
  return {
    ...base,
    outcome: 'imported',
    rowsImported: rows.length,
    ...(replaced ? { supersededRelease: replaced } : {}),
  };
}
