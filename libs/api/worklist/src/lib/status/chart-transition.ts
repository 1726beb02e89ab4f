import type { AuditService } from '@chartdesk/api-audit';
import { type Actor, DomainError, type RequestMeta } from '@chartdesk/api-platform';
import { bumpChartVersion, writeCodingStatus } from '@chartdesk/api-records';
import type { CodingStatus, EncounterType } from '@chartdesk/contracts';
import type { EntityManager } from 'typeorm';
import { type CodingEvent, nextStatus } from './coding-status-machine';

/** The chart row as the worklist locks it: status, version and what the edits need. */
export interface LockedChart {
  readonly id: string;
  readonly patientId: string;
  readonly status: CodingStatus;
  readonly version: number;
  readonly type: EncounterType;
  readonly dateOfService: string;
}

const LOCK_SQL = `
SELECT e.id, e.patient_id, e.coding_status, e.version, e.encounter_type,
       COALESCE(to_char(e.service_date, 'YYYY-MM-DD'),
                to_char(COALESCE(e.discharged_at, e.admitted_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD')) AS dos
  FROM records_charts e WHERE e.id = $1 FOR UPDATE`;

/** Row-locks the chart for the rest of the transaction, so concurrent changes queue instead of racing. */
export async function lockChart(m: EntityManager, encounterId: string): Promise<LockedChart> {
  const [row] = (await m.query(LOCK_SQL, [encounterId])) as {
    id: string;
    patient_id: string;
    coding_status: CodingStatus;
    version: number;
    encounter_type: EncounterType;
    dos: string;
  }[];
  if (!row) throw new DomainError('NOT_FOUND', 'No such chart, or you do not have access to it.');
  return {
    id: row.id,
    patientId: row.patient_id,
    status: row.coding_status,
    version: row.version,
    type: row.encounter_type,
    dateOfService: row.dos,
  };
}

/** Optimistic concurrency: the client edited `expected`; anything else is someone else's newer change. */
export function assertVersion(chart: LockedChart, expected: number): void {
  if (chart.version !== expected) {
    throw new DomainError('VERSION_CONFLICT', 'The chart changed since you opened it. Reload to see the latest.', {
      currentVersion: chart.version,
      currentStatus: chart.status,
    });
  }
}

export function illegalTransition(current: CodingStatus, attempted: string): DomainError {
  return new DomainError('ILLEGAL_TRANSITION', `This cannot be done while the chart is ${current}.`, {
    currentStatus: current,
    attempted,
  });
}

export interface TransitionContext {
  readonly actor: Actor;
  readonly meta: RequestMeta;
  readonly audit: AuditService;
  /** The assignment (or pool marker) the audit event carries as purpose. */
  readonly purpose: string;
}

/**
 * The only way a coding status changes: checks the transition table, bumps the
 * chart's version and writes STATUS_CHANGED on the same transaction.
 */
export async function transitionChart(
  m: EntityManager,
  chart: LockedChart,
  event: CodingEvent,
  ctx: TransitionContext,
): Promise<LockedChart> {
  const result = nextStatus(chart.status, event);
  if (!result.allowed) throw illegalTransition(result.current, event);
  const version = await writeCodingStatus(m, chart.id, result.to);
  await ctx.audit.record(m, {
    action: 'STATUS_CHANGED',
    outcome: 'success',
    actor: ctx.actor,
    meta: ctx.meta,
    patientId: chart.patientId,
    resourceType: 'Encounter',
    resourceId: chart.id,
    purpose: ctx.purpose,
    details: { from: result.from, to: result.to, event },
  });
  return { ...chart, status: result.to, version };
}

/** A change that is not a status change (a save) still moves the version on, so stale edits conflict. */
export async function bumpVersion(m: EntityManager, chart: LockedChart): Promise<LockedChart> {
  return { ...chart, version: await bumpChartVersion(m, chart.id) };
}
