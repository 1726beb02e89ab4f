import { type ChartAccessDecision, ChartAccessPolicy, type ChartAccessSubject } from '@chartdesk/api-access';
import { AuditService } from '@chartdesk/api-audit';
import type { Actor, RequestMeta } from '@chartdesk/api-platform';
import type { ChartAccessBasis } from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type AccessFactsRow, factsFrom, subjectFrom } from '../charts/chart-rows';
import { CHART_ACCESS_FACTS_SQL } from '../charts/chart-sql';
import { chartNotFound, ChartDenied, type DeniedResource } from './chart-denied';
import { noteChartDecision } from './chart-scoped';
import { type FieldProjection, projectionFor } from './field-projection';

/**
 * What the caller means to do with the chart, and so which grounds for access count:
 * reading counts every basis the policy grants; work on the chart counts only the
 * bases of that work (break-the-glass reads a chart, it never manages work).
 */
export type ChartWork = 'read' | 'code' | 'manage' | 'supervise' | 'break-glass';
export const CHART_WORK: Readonly<Record<ChartWork, readonly ChartAccessBasis[] | null>> = {
  read: null,
  code: ['ASSIGNMENT'],
  manage: ['TEAM', 'UNASSIGNED_POOL'],
  supervise: ['TEAM'],
  // Asks ChartAccessPolicy.canBreakGlass instead of canOpen: the grant is the basis.
  'break-glass': null,
};

/** Whether `basis` is a ground for `work` (batch filters use it; require applies it to one chart). */
export function workAllows(work: ChartWork, basis: ChartAccessBasis): boolean {
  const bases = CHART_WORK[work];
  return bases === null || bases.includes(basis);
}

export interface ChartGrant {
  readonly encounterId: string;
  readonly patientId: string;
  readonly basis: ChartAccessBasis;
  /** The assignment, grant or investigation id (or pool marker) the audit events carry as purpose. */
  readonly purpose: string;
  readonly decision: Extract<ChartAccessDecision, { allowed: true }>;
  readonly subject: ChartAccessSubject;
  /** The raw facts, for callers that ask the policy about one of the chart's documents. */
  readonly facts: AccessFactsRow;
  /** The patient fields this role may see (one table for every response). */
  readonly projection: FieldProjection;
}

/**
 * The one access decision for a record-scoped read or action (DESIGN "One access
 * decision"): load the facts once → ChartAccessPolicy → on denial ChartDenied, which
 * `run` turns into the committed ACCESS_DENIED event and the 404; on success the
 * subject, the decision and the role's field projection. Records holds it because the
 * facts are records' tables; worklist and quality call it, nobody re-implements it.
 */
@Injectable()
export class ChartAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async require(
    m: EntityManager,
    actor: Actor,
    work: ChartWork,
    encounterId: string,
    options: { readonly now?: Date; readonly resource?: DeniedResource } = {},
  ): Promise<ChartGrant> {
    const now = options.now ?? new Date();
    const [row] = (await m.query(CHART_ACCESS_FACTS_SQL, [encounterId, actor.userId, now])) as AccessFactsRow[];
    if (!row) throw new ChartDenied('NOT_FOUND', encounterId, null, options.resource);
    const subject = subjectFrom(actor, row);
    const decision =
      work === 'break-glass'
        ? ChartAccessPolicy.canBreakGlass(subject, factsFrom(row))
        : ChartAccessPolicy.canOpen(subject, factsFrom(row), now);
    const details = work === 'break-glass' ? { requested: 'break-glass' } : undefined;
    if (!decision.allowed)
      throw new ChartDenied(decision.reason, encounterId, row.patient_id, options.resource, details);
    if (!workAllows(work, decision.basis)) {
      throw new ChartDenied(`BASIS_${decision.basis}`, encounterId, row.patient_id, options.resource);
    }
    noteChartDecision();
    return {
      encounterId,
      patientId: row.patient_id,
      basis: decision.basis,
      purpose: decision.purpose,
      decision,
      subject,
      facts: row,
      projection: projectionFor(actor.role),
    };
  }

  /** One transaction for the work; a ChartDenied inside becomes an audited 404 after the rollback. */
  async run<T>(actor: Actor, meta: RequestMeta, work: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (!(error instanceof ChartDenied)) throw error;
      return this.refuse(actor, meta, error);
    }
  }

  /**
   * The one denial path: the ACCESS_DENIED event in its own committed transaction,
   * then the 404. For callers whose transaction must commit other work before the
   * refusal (break-the-glass keeps the step-up code spent).
   */
  async refuse(actor: Actor, meta: RequestMeta, error: ChartDenied): Promise<never> {
    await this.audit.recordStandalone({
      action: 'ACCESS_DENIED',
      outcome: 'denied',
      outcomeReason: error.reason,
      actor,
      meta,
      patientId: error.patientId,
      resourceType: error.resource.type,
      resourceId: error.resource.id,
      ...(error.details ? { details: error.details } : {}),
    });
    throw chartNotFound();
  }
}
