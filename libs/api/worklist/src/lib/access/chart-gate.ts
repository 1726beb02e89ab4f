import { ChartAccessPolicy } from '@chartdesk/api-access';
import { AuditService } from '@chartdesk/api-audit';
import { CHART_ACCESS_FACTS_SQL } from '@chartdesk/api-records';
import { type Actor, DomainError, type RequestMeta } from '@chartdesk/api-platform';
import type { ChartAccessBasis } from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type FactsRow, factsOfRow, subjectOfActor } from './chart-facts';

/** Thrown inside a transaction to roll it back; turned into an audited 404 outside. */
export class ChartDenied extends Error {
  constructor(
    readonly reason: string,
    readonly encounterId: string,
    readonly patientId: string | null,
  ) {
    super('chart denied');
  }
}

export interface ChartGrant {
  readonly encounterId: string;
  readonly patientId: string;
  readonly basis: ChartAccessBasis;
  /** The assignment id (or pool marker) the audit events carry as purpose. */
  readonly purpose: string;
  readonly facts: FactsRow;
}

/** Coders work only on their own assignments; supervisors manage their team's charts and the pool. */
export const CODER_WORK: readonly ChartAccessBasis[] = ['ASSIGNMENT'];
export const SUPERVISOR_WORK: readonly ChartAccessBasis[] = ['TEAM', 'UNASSIGNED_POOL'];

export function chartNotFound(): DomainError {
  return new DomainError('NOT_FOUND', 'No such chart, or you do not have access to it.');
}

/**
 * Every worklist action on one chart goes through here: ChartAccessPolicy
 * decides (records' own fact query, so the answer matches GET /api/charts/:id),
 * and only the listed bases count — break-the-glass reads a chart, it never
 * manages work. A refusal rolls the work back, is audited, and answers 404.
 */
@Injectable()
export class ChartGate {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async authorize(
    m: EntityManager,
    actor: Actor,
    encounterId: string,
    bases: readonly ChartAccessBasis[],
  ): Promise<ChartGrant> {
    const now = new Date();
    const [row] = (await m.query(CHART_ACCESS_FACTS_SQL, [encounterId, actor.userId, now])) as FactsRow[];
    if (!row) throw new ChartDenied('NOT_FOUND', encounterId, null);
    const decision = ChartAccessPolicy.canOpen(subjectOfActor(actor, row), factsOfRow(row), now);
    if (!decision.allowed) throw new ChartDenied(decision.reason, encounterId, row.patient_id);
    if (!bases.includes(decision.basis)) throw new ChartDenied(`BASIS_${decision.basis}`, encounterId, row.patient_id);
    return { encounterId, patientId: row.patient_id, basis: decision.basis, purpose: decision.purpose, facts: row };
  }

  /** One transaction for the work; a ChartDenied inside becomes an audited 404 after the rollback. */
  async run<T>(actor: Actor, meta: RequestMeta, work: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (!(error instanceof ChartDenied)) throw error;
      await this.audit.recordStandalone({
        action: 'ACCESS_DENIED',
        outcome: 'denied',
        outcomeReason: error.reason,
        actor,
        meta,
        patientId: error.patientId,
        resourceType: 'Encounter',
        resourceId: error.encounterId,
      });
      throw chartNotFound();
    }
  }
}
