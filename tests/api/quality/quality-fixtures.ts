import { type ChartCodes, type SubmitResponse, type WorkspaceView, WorklistPaths } from '@chartdesk/contracts';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import type { TestUser } from '../../support/auth';
import { type ChartSpec, assign, createChart } from '../records/records-fixtures';
import { CLEAN_CODES, call, chartPath } from '../worklist/worklist-fixtures';

export { call, statusOf } from '../worklist/worklist-fixtures';

/**
 * A chart taken through the real worklist: assigned by the supervisor, opened
 * and submitted by the coder with `codes` (clean on the demo edit data).
 */
export async function submittedChart(
  app: NestFastifyApplication,
  supervisor: TestUser,
  coder: TestUser,
  codes: ChartCodes = CLEAN_CODES,
  spec: ChartSpec = {},
  /** Assign in the database, e.g. a chart above this supervisor's clearance that someone cleared assigned. */
  assignDirectly = false,
): Promise<string> {
  const chart = await createChart(app, spec);
  if (assignDirectly) {
    await assign(app, chart.encounterId, coder.user.id);
    await app
      .get(DataSource)
      .query(`UPDATE encounter SET coding_status = 'ASSIGNED' WHERE id = $1`, [chart.encounterId]);
  } else {
    const assigned = await call(app, supervisor, 'POST', WorklistPaths.assignments, {
      encounterIds: [chart.encounterId],
      coderId: coder.user.id,
    });
    if (assigned.status !== 200) throw new Error(`assign failed: ${assigned.status}`);
  }
  const ws = await call<WorkspaceView>(app, coder, 'POST', chartPath(WorklistPaths.workspace, chart.encounterId));
  if (ws.status !== 200) throw new Error(`workspace failed: ${ws.status}`);
  const submitted = await call<SubmitResponse>(app, coder, 'POST', chartPath(WorklistPaths.submit, chart.encounterId), {
    ...codes,
    expectedVersion: ws.body.version,
    acknowledgedWarnings: [],
  });
  if (submitted.status !== 200) throw new Error(`submit failed: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  return chart.encounterId;
}
