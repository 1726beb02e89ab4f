import { AuditService } from '@chartdesk/api-audit';
import { ChartAccess } from '@chartdesk/api-records';
import { type Actor, DomainError, type RequestMeta } from '@chartdesk/api-platform';
import type { TransitionResponse } from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import { ChartLeaseService } from '../lease/chart-lease.service';
import { lockChart, transitionChart } from '../status/chart-transition';
import { recordChartReturn } from './chart-returns';

/** Supervisor decisions on one chart of their team: return with a reason, accept, break a stuck lease. */
@Injectable()
export class SupervisionService {
  constructor(
    private readonly access: ChartAccess,
    private readonly leases: ChartLeaseService,
    private readonly audit: AuditService,
  ) {}

  returnChart(actor: Actor, meta: RequestMeta, encounterId: string, reason: string): Promise<TransitionResponse> {
    return this.access.run(actor, meta, async (m) => {
      const grant = await this.access.require(m, actor, 'supervise', encounterId);
      const chart = await lockChart(m, encounterId);
      const after = await transitionChart(m, chart, 'RETURN', {
        actor,
        meta,
        audit: this.audit,
        purpose: grant.purpose,
      });
      const row = { id: await recordChartReturn(m, encounterId, actor.userId, reason) };
      await this.audit.record(m, {
        action: 'CHART_RETURNED',
        outcome: 'success',
        actor,
        meta,
        patientId: chart.patientId,
        resourceType: 'Encounter',
        resourceId: encounterId,
        purpose: grant.purpose,
        // The reason text stays in chart_return: it may quote the chart, and audit events hold no clinical text.
        details: { returnId: row.id },
      });
      return { encounterId, status: after.status, version: after.version };
    });
  }

  complete(actor: Actor, meta: RequestMeta, encounterId: string): Promise<TransitionResponse> {
    return this.access.run(actor, meta, async (m) => {
      const grant = await this.access.require(m, actor, 'supervise', encounterId);
      const chart = await lockChart(m, encounterId);
      const after = await transitionChart(m, chart, 'COMPLETE', {
        actor,
        meta,
        audit: this.audit,
        purpose: grant.purpose,
      });
      return { encounterId, status: after.status, version: after.version };
    });
  }

  breakLease(actor: Actor, meta: RequestMeta, encounterId: string): Promise<void> {
    return this.access.run(actor, meta, async (m) => {
      const grant = await this.access.require(m, actor, 'manage', encounterId);
      const chart = await lockChart(m, encounterId);
      const broken = await this.leases.breakAny(m, encounterId);
      if (!broken) throw new DomainError('CONFLICT', 'Nobody holds this chart right now.');
      await this.audit.record(m, {
        action: 'LEASE_BROKEN',
        outcome: 'success',
        actor,
        meta,
        patientId: chart.patientId,
        resourceType: 'Encounter',
        resourceId: encounterId,
        purpose: grant.purpose,
        details: { holderUserId: broken.userId },
      });
    });
  }
}
