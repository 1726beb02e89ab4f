import { DomainError } from '@chartdesk/api-platform';
import type { ReferenceDataset } from '@chartdesk/contracts';
import type { EntityManager } from 'typeorm';
import { CANDIDATE_MARK } from './note-refs';
import type { ReferenceBatch } from './reference-rows';

export interface ReferenceRelease {
  readonly kind: ReferenceDataset;
  readonly release: string;
  readonly effectiveFrom: string;
  readonly sourceName: string;
  readonly sha256: string;
}

export type ReleaseStart =
  | { readonly outcome: 'unchanged'; readonly rowCount: number }
  | { readonly outcome: 'new'; readonly id: string; readonly superseded?: string };

/**
 * Claims a release before its rows are read: the same release from the same
 * file is a no-op, from a different file a 409. A new release ends the open
 * releases of its kind that started earlier (the day before it starts) and
 * is itself ended by a later one already imported.
 */
export async function beginReferenceRelease(
  manager: EntityManager,
  release: ReferenceRelease,
  label: string,
): Promise<ReleaseStart> {
  // Two imports of one kind at once would race on the checks below; the second waits, then sees the first.
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('code_reference_release:' || $1))`, [release.kind]);
  const [existing] = (await manager.query(
    'SELECT content_sha256, row_count FROM code_reference_release WHERE kind = $1 AND release = $2',
    [release.kind, release.release],
  )) as { content_sha256: string; row_count: number }[];
  if (existing) {
    if (existing.content_sha256 !== release.sha256) {
      throw new DomainError(
        'CONFLICT',
        `${label} was already imported from a different file. Import the new file under a new release name.`,
      );
    }
    return { outcome: 'unchanged', rowCount: existing.row_count };
  }
  const [later] = (await manager.query(
    `SELECT effective_from::text AS "from" FROM code_reference_release
      WHERE kind = $1 AND effective_from > $2 ORDER BY effective_from LIMIT 1`,
    [release.kind, release.effectiveFrom],
  )) as { from: string }[];
  const [row] = (await manager.query(
    `INSERT INTO code_reference_release (kind, release, effective_from, effective_to, source_name, content_sha256)
     VALUES ($1, $2, $3, $4::date - 1, $5, $6) RETURNING id`,
    [release.kind, release.release, release.effectiveFrom, later?.from ?? null, release.sourceName, release.sha256],
  )) as { id: string }[];
  const closed = (await manager.query(
    `UPDATE code_reference_release SET effective_to = $3::date - 1
      WHERE kind = $1 AND id <> $2 AND effective_from < $3 AND (effective_to IS NULL OR effective_to >= $3)
      RETURNING release`,
    [release.kind, row.id, release.effectiveFrom],
  )) as unknown[];
  const superseded = (Array.isArray(closed[0]) ? (closed[0] as { release: string }[]) : [])[0]?.release;
  return { outcome: 'new', id: row.id, ...(superseded ? { superseded } : {}) };
}

const INSERT_NODES = `
  INSERT INTO code_tabular_node (release_id, node_id, level, parent_id, title, seq)
  SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[])`;

/** text[] columns cannot go through unnest of a 2-D array, so ref_codes travel as JSON. */
const INSERT_NOTES = `
  INSERT INTO code_tabular_note (release_id, node_id, kind, seq, text, ref_codes, character)
  SELECT $1, n.node_id, n.kind, n.seq, n.text, ARRAY(SELECT jsonb_array_elements_text(n.refs)), n.character
    FROM unnest($2::text[], $3::text[], $4::int[], $5::text[], $6::jsonb[], $7::text[])
      AS n (node_id, kind, seq, text, refs, character)`;

const INSERT_TERMS = `
  INSERT INTO code_search_term (release_id, system, code, term, source)
  SELECT $1, $2, * FROM unnest($3::text[], $4::text[], $5::text[])`;

const INSERT_PCS_AXES = `
  INSERT INTO code_pcs_table_axis (release_id, table_code, pos, value, title, label, definition)
  SELECT $1, * FROM unnest($2::text[], $3::smallint[], $4::text[], $5::text[], $6::text[], $7::text[])`;

const INSERT_PCS_VALUES = `
  INSERT INTO code_pcs_row_value (release_id, table_code, row_seq, pos, value, title, label)
  SELECT $1, * FROM unnest($2::text[], $3::int[], $4::smallint[], $5::text[], $6::text[], $7::text[])`;

export type TermSource = 'INCLUSION_TERM' | 'INDEX' | 'PCS_INDEX';

/** Writes what a reader produced since the last call; returns the rows written. */
export async function writeReferenceBatch(
  manager: EntityManager,
  releaseId: string,
  batch: ReferenceBatch,
  termSource: TermSource,
): Promise<number> {
  const { nodes, notes, terms, pcsAxes, pcsValues } = batch;
  if (nodes.length > 0) {
    await manager.query(INSERT_NODES, [
      releaseId,
      nodes.map((n) => n.nodeId),
      nodes.map((n) => n.level),
      nodes.map((n) => n.parentId),
      nodes.map((n) => n.title),
      nodes.map((n) => n.seq),
    ]);
  }
  if (notes.length > 0) {
    await manager.query(INSERT_NOTES, [
      releaseId,
      notes.map((n) => n.nodeId),
      notes.map((n) => n.kind),
      notes.map((n) => n.seq),
      notes.map((n) => n.text),
      notes.map((n) => JSON.stringify(n.refCodes)),
      notes.map((n) => n.character),
    ]);
  }
  if (terms.length > 0) {
    await manager.query(INSERT_TERMS, [
      releaseId,
      termSource === 'PCS_INDEX' ? 'ICD10PCS' : 'ICD10CM',
      terms.map((t) => t.code),
      terms.map((t) => t.term),
      terms.map(() => termSource),
    ]);
  }
  if (pcsAxes.length > 0) {
    await manager.query(INSERT_PCS_AXES, [
      releaseId,
      pcsAxes.map((a) => a.tableCode),
      pcsAxes.map((a) => a.pos),
      pcsAxes.map((a) => a.value),
      pcsAxes.map((a) => a.title),
      pcsAxes.map((a) => a.label),
      pcsAxes.map((a) => a.definition),
    ]);
  }
  if (pcsValues.length > 0) {
    await manager.query(INSERT_PCS_VALUES, [
      releaseId,
      pcsValues.map((v) => v.tableCode),
      pcsValues.map((v) => v.rowSeq),
      pcsValues.map((v) => v.pos),
      pcsValues.map((v) => v.value),
      pcsValues.map((v) => v.title),
      pcsValues.map((v) => v.label),
    ]);
  }
  return nodes.length + notes.length + terms.length + pcsAxes.length + pcsValues.length;
}

/**
 * Range members were written tentatively (A00-A09 → A01…A08 marked); now
 * that every node of the release is in, keep the members that are nodes of
 * this Tabular and drop the rest, so ref_codes only name codes that exist.
 */
export async function resolveRangeMembers(manager: EntityManager, releaseId: string): Promise<void> {
  await manager.query(
    `UPDATE code_tabular_note n SET ref_codes = ARRAY(
        SELECT CASE WHEN left(r, 1) = $2 THEN substr(r, 2) ELSE r END
          FROM unnest(n.ref_codes) WITH ORDINALITY AS u (r, i)
         WHERE left(r, 1) <> $2
            OR EXISTS (SELECT 1 FROM code_tabular_node t WHERE t.release_id = n.release_id AND t.node_id = substr(r, 2))
         ORDER BY i)
      WHERE n.release_id = $1 AND EXISTS (SELECT 1 FROM unnest(n.ref_codes) r WHERE left(r, 1) = $2)`,
    [releaseId, CANDIDATE_MARK],
  );
}

export async function finishReferenceRelease(
  manager: EntityManager,
  releaseId: string,
  rowCount: number,
): Promise<void> {
  await manager.query('UPDATE code_reference_release SET row_count = $2 WHERE id = $1', [releaseId, rowCount]);
  await manager.query('ANALYZE code_tabular_node');
  await manager.query('ANALYZE code_tabular_note');
}
