import type { EntityManager } from 'typeorm';

/**
 * The writes the coding workflow (worklist) makes to records' tables: coding
 * status, version, work terms and assignments. Records owns encounter and
 * assignment (the access policy reads both), so the SQL lives here and the
 * worklist calls these inside its own transaction; the status rules stay in
 * the worklist's state machine, which decides before it calls.
 */

/**
 * TypeORM's postgres driver answers UPDATE with `[rows, affected]` but INSERT
 * with `rows`; this gives the rows either way.
 */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}

function single<T>(rows: readonly T[], what: string): T {
  const [row] = rows;
  if (row === undefined) throw new Error(`expected a row: ${what}`);
  return row;
}

/** Sets the coding status and moves the chart's version on; answers the new version. */
export async function writeCodingStatus(m: EntityManager, encounterId: string, status: string): Promise<number> {
  const rows = rowsOf<{ version: number }>(
    await m.query(
      `UPDATE encounter SET coding_status = $2, version = version + 1, status_changed_at = now(), updated_at = now()
        WHERE id = $1 RETURNING version`,
      [encounterId, status],
    ),
  );
  return single(rows, 'encounter status').version;
}

/** A change that is not a status change (a save) still moves the version on, so stale edits conflict. */
export async function bumpChartVersion(m: EntityManager, encounterId: string): Promise<number> {
  const rows = rowsOf<{ version: number }>(
    await m.query('UPDATE encounter SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING version', [
      encounterId,
    ]),
  );
  return single(rows, 'encounter version').version;
}

/** Due date and priority; null keeps the current value. */
export async function setChartTerms(
  m: EntityManager,
  encounterId: string,
  terms: { readonly dueDate?: string | null; readonly priority?: number | null },
): Promise<void> {
  await m.query(
    'UPDATE encounter SET due_date = COALESCE($2::date, due_date), priority = COALESCE($3, priority) WHERE id = $1',
    [encounterId, terms.dueDate ?? null, terms.priority ?? null],
  );
}

/** Spreads the pool's due dates over two weeks (every fifth chart high priority): demo data only. */
export async function spreadDemoChartTerms(m: EntityManager): Promise<void> {
  await m.query(`
    WITH ordered AS (SELECT id, row_number() OVER (ORDER BY encounter_number) AS n FROM encounter)
    UPDATE encounter e SET due_date = current_date + (ordered.n % 14)::int,
           priority = CASE WHEN ordered.n % 5 = 0 THEN 2 ELSE 3 END
      FROM ordered WHERE ordered.id = e.id`);
}

/** Opens the chart's one active assignment; answers its id (the purpose later audit events carry). */
export async function startAssignment(
  m: EntityManager,
  encounterId: string,
  coderId: string,
  assignedBy: string,
): Promise<string> {
  const rows = (await m.query(
    'INSERT INTO assignment (encounter_id, coder_id, assigned_by) VALUES ($1, $2, $3) RETURNING id',
    [encounterId, coderId, assignedBy],
  )) as { id: string }[];
  return single(rows, 'assignment').id;
}

/** Ends the chart's active assignment, if any; answers the coder who held it. */
export async function endActiveAssignment(
  m: EntityManager,
  encounterId: string,
  endedBy: string,
  reason: 'REASSIGNED' | 'UNASSIGNED' | 'COMPLETED',
): Promise<string | null> {
  const [row] = rowsOf<{ coder_id: string }>(
    await m.query(
      `UPDATE assignment SET active = false, ended_at = now(), ended_by = $2, ended_reason = $3
        WHERE encounter_id = $1 AND active RETURNING coder_id`,
      [encounterId, endedBy, reason],
    ),
  );
  return row?.coder_id ?? null;
}

/** Whether `quote` appears word for word in the document (of this chart): query indicators are evidence. */
export async function documentContainsQuote(
  m: EntityManager,
  encounterId: string,
  documentId: string,
  quote: string,
): Promise<boolean> {
  const [row] = (await m.query(
    'SELECT strpos(body, $3) > 0 AS found FROM clinical_document WHERE encounter_id = $1 AND id = $2',
    [encounterId, documentId, quote],
  )) as { found: boolean }[];
  return row?.found === true;
}
