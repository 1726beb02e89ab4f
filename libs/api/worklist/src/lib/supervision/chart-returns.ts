import type { EntityManager } from 'typeorm';
import { oneRow } from '../status/returning-rows';

/**
 * Records why a chart went back to its coder. The coder's workspace shows the
 * latest reason; supervisors (worklist) and quality reviews (quality) both
 * return charts, and both write it here.
 */
export async function recordChartReturn(
  m: EntityManager,
  encounterId: string,
  returnedBy: string,
  reason: string,
): Promise<string> {
  return oneRow(
    (await m.query('INSERT INTO chart_return (encounter_id, returned_by, reason) VALUES ($1, $2, $3) RETURNING id', [
      encounterId,
      returnedBy,
      reason.trim(),
    ])) as { id: string }[],
  ).id;
}
