import { DomainError } from '@chartdesk/api-platform';
import { displayCode } from '@chartdesk/coding-rules';
import { CODE_SYSTEM_LABELS, type CodeSystem, type ImportSummary } from '@chartdesk/contracts';
import type { EntityManager } from 'typeorm';
import type { CodeRow, ModifierRow, ProblemLog, ProgressListener } from './import-types';

export interface CodeSetRelease {
  readonly system: CodeSystem;
  readonly release: string;
  readonly effectiveFrom: string;
  readonly sha256: string;
}

/** Rows per INSERT: arrays through unnest keep it to one round trip per batch. */
const BATCH = 5000;

const INSERT_CODES = `
  INSERT INTO code (version_id, code, display_code, billable, short_description, long_description, search_rank, terminated_on)
  SELECT $1, * FROM unnest($2::text[], $3::text[], $4::boolean[], $5::text[], $6::text[], $7::int[], $8::date[])`;

const INSERT_MODIFIERS = `
  INSERT INTO code_modifier (version_id, modifier, description, terminated_on)
  SELECT $1, * FROM unnest($2::text[], $3::text[], $4::date[])`;

/** Billable first, then shorter (more general) descriptions: the order word matches are shown in. */
export function searchRank(row: CodeRow): number {
  return (row.billable ? 0 : 1000) + Math.min(row.longDescription.length, 999);
}

/**
 * Writes one release of a code set in the caller's transaction. The same
 * release from the same file is a no-op; a new release closes the one before
 * it (effective_to = the day before it starts) and is itself closed by a later one.
 */
export async function writeCodeSet(
  manager: EntityManager,
  release: CodeSetRelease,
  parsed: { rows: readonly CodeRow[]; rowsRead: number; problems: ProblemLog; modifiers?: readonly ModifierRow[] },
  onProgress: ProgressListener = () => undefined,
): Promise<ImportSummary> {
  const label = `${CODE_SYSTEM_LABELS[release.system]} ${release.release}`;
  const base = {
    dataset: release.system,
    label,
    release: release.release,
    effectiveFrom: release.effectiveFrom,
    rowsRead: parsed.rowsRead,
    problems: parsed.problems.problems,
    problemCount: parsed.problems.count,
  };
  // Two imports of one system at once would race on the release checks below; the second waits, then sees the first.
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('code_set_version:' || $1))`, [release.system]);
  const existing = (await manager.query(
    'SELECT id, content_sha256, row_count, billable_count FROM code_set_version WHERE system = $1 AND release = $2',
    [release.system, release.release],
  )) as { id: string; content_sha256: string; row_count: number; billable_count: number }[];
  if (existing[0]) {
    if (existing[0].content_sha256 !== release.sha256) {
      throw new DomainError(
        'CONFLICT',
        `${label} was already imported from a different file. Import the new file under a new release name.`,
      );
    }
    onProgress(parsed.rows.length, parsed.rows.length);
    return { ...base, outcome: 'unchanged', rowsImported: 0, billable: existing[0].billable_count };
  }
  if (parsed.rows.length === 0) throw new DomainError('VALIDATION', `The file holds no valid ${label} codes.`);

  const billable = parsed.rows.filter((r) => r.billable).length;
  const [later] = (await manager.query(
    `SELECT effective_from::text AS "from" FROM code_set_version
      WHERE system = $1 AND effective_from > $2 AND replaced_by IS NULL ORDER BY effective_from LIMIT 1`,
    [release.system, release.effectiveFrom],
  )) as { from: string }[];
  const [version] = (await manager.query(
    `INSERT INTO code_set_version (system, release, label, effective_from, effective_to, content_sha256, row_count, billable_count)
     VALUES ($1, $2, $3, $4, $5::date - 1, $6, $7, $8) RETURNING id`,
    [
      release.system,
      release.release,
      label,
      release.effectiveFrom,
      later?.from ?? null,
      release.sha256,
      parsed.rows.length,
      billable,
    ],
  )) as { id: string }[];
  const replaced = await closeEarlierReleases(
    manager,
    'code_set_version',
    'system = $1',
    [release.system],
    version.id,
    release.effectiveFrom,
  );

  for (let start = 0; start < parsed.rows.length; start += BATCH) {
    const batch = parsed.rows.slice(start, start + BATCH);
    await manager.query(INSERT_CODES, [
      version.id,
      batch.map((r) => r.code),
      batch.map((r) => displayCode(release.system, r.code)),
      batch.map((r) => r.billable),
      batch.map((r) => r.shortDescription),
      batch.map((r) => r.longDescription),
      batch.map(searchRank),
      batch.map((r) => r.terminatedOn ?? null),
    ]);
    onProgress(start + batch.length, parsed.rows.length);
  }
  const modifiers = parsed.modifiers ?? [];
  if (modifiers.length > 0) {
    await manager.query(INSERT_MODIFIERS, [
      version.id,
      modifiers.map((m) => m.modifier),
      modifiers.map((m) => m.description),
      modifiers.map((m) => m.terminatedOn),
    ]);
  }
  // Bulk inserts park GIN entries in the pending list, which every search would scan until a vacuum.
  await manager.query(`SELECT gin_clean_pending_list('code_search_doc'::regclass)`);
  await manager.query('ANALYZE code');
  return {
    ...base,
    outcome: 'imported',
    rowsImported: parsed.rows.length,
    billable,
    ...(replaced ? { supersededRelease: replaced } : {}),
  };
}

/**
 * Ends the releases the new one follows (effective_to = the day before it
 * starts) and marks one starting the same day as replaced, so exactly one
 * release covers any date. Returns the release it took over from, if any.
 */
export async function closeEarlierReleases(
  manager: EntityManager,
  table: 'code_set_version' | 'edit_data_version',
  sameDataset: string,
  datasetParams: unknown[],
  newId: string,
  effectiveFrom: string,
): Promise<string | undefined> {
  const n = datasetParams.length;
  const replaced = (await manager.query(
    `UPDATE ${table} SET replaced_by = $${n + 1}
      WHERE ${sameDataset} AND id <> $${n + 1} AND replaced_by IS NULL AND effective_from = $${n + 2}
      RETURNING release`,
    [...datasetParams, newId, effectiveFrom],
  )) as unknown[];
  const closed = (await manager.query(
    `UPDATE ${table} SET effective_to = $${n + 2}::date - 1
      WHERE ${sameDataset} AND id <> $${n + 1} AND replaced_by IS NULL AND effective_from < $${n + 2}
        AND (effective_to IS NULL OR effective_to >= $${n + 2})
      RETURNING release`,
    [...datasetParams, newId, effectiveFrom],
  )) as unknown[];
  const first = (result: unknown[]): string | undefined =>
    (Array.isArray(result[0]) ? (result[0] as { release: string }[]) : [])[0]?.release;
  return first(replaced) ?? first(closed);
}
