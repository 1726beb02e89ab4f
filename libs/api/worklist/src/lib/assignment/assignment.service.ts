import { ChartAccessPolicy } from '@chartdesk/api-access';
import { AuditService } from '@chartdesk/api-audit';
import { type Actor, DomainError, type RequestMeta } from '@chartdesk/api-platform';
import {
  endActiveAssignment,
  setChartTerms,
  startAssignment,
  ChartAccess,
  type ChartGrant,
  workAllows,
  chartAccessFactsOf,
} from '@chartdesk/api-records';
import type {
  AssignmentOutcome,
  AssignmentResponse,
  AssignRequest,
  DistributeRequest,
  EncounterType,
  UnassignRequest,
  WorkPriority,
} from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { actorIdentityFacts, type FactsRow, subjectOfActor } from '../access/chart-facts';
import { ChartLeaseService } from '../lease/chart-lease.service';
import { lockChart, transitionChart } from '../status/chart-transition';
import { coderMayTake, planDistribution } from './distribution-plan';
import { POOL_SQL, type TeamCoder, teamCoders, teamSettings } from './team-coders';
import { oneRow } from '../status/returning-rows';

interface Terms {
  readonly dueDate?: string;
  readonly priority?: WorkPriority;
}

function notATeamCoder(): DomainError {
  return new DomainError('VALIDATION', 'Choose an active coder of your own team.');
}

/**
 * Supervisors hand out work: assign, reassign and unassign (singly or in bulk,
 * all or nothing), and auto-distribute the pool round-robin. Every chart goes
 * through the policy twice: may the supervisor manage it, may the coder open it.
 */
@Injectable()
export class AssignmentService {
  constructor(
    private readonly access: ChartAccess,
    private readonly leases: ChartLeaseService,
    private readonly audit: AuditService,
  ) {}

  assign(actor: Actor, meta: RequestMeta, request: AssignRequest): Promise<AssignmentResponse> {
    return this.access.run(actor, meta, async (m) => {
      const coder = await this.teamCoder(m, actor, request.coderId);
      const outcomes: AssignmentOutcome[] = [];
      for (const encounterId of new Set(request.encounterIds)) {
        const grant = await this.access.require(m, actor, 'manage', encounterId);
        if (!coderMayTake(coder, chartAccessFactsOf(grant.facts), new Date())) {
          throw new DomainError(
            'VALIDATION',
            'This coder may not code one of the selected charts (clearance or conflict of interest).',
            { encounterId },
          );
        }
        await this.giveTo(m, actor, meta, grant, coder.id, request, { distributed: false });
        outcomes.push({ encounterId, coderId: coder.id, skipped: null });
      }
      return { outcomes };
    });
  }

  unassign(actor: Actor, meta: RequestMeta, request: UnassignRequest): Promise<AssignmentResponse> {
    return this.access.run(actor, meta, async (m) => {
      const outcomes: AssignmentOutcome[] = [];
      for (const encounterId of new Set(request.encounterIds)) {
        const grant = await this.access.require(m, actor, 'supervise', encounterId);
        const chart = await lockChart(m, encounterId);
        await transitionChart(m, chart, 'UNASSIGN', { actor, meta, audit: this.audit, purpose: grant.purpose });
        const previous = await this.endActiveAssignment(m, encounterId, actor, 'UNASSIGNED');
        await this.leases.breakAny(m, encounterId);
        await this.audit.record(m, {
          action: 'UNASSIGNED',
          outcome: 'success',
          actor,
          meta,
          patientId: chart.patientId,
          resourceType: 'Encounter',
          resourceId: encounterId,
          purpose: grant.purpose,
          details: { previousCoderId: previous },
        });
        outcomes.push({ encounterId, coderId: null, skipped: null });
      }
      return { outcomes };
    });
  }

  /** The pool the supervisor may manage, dealt to the team by specialty, clearance and capacity. */
  distribute(actor: Actor, meta: RequestMeta, request: DistributeRequest): Promise<AssignmentResponse> {
    if (!actor.teamId) throw new DomainError('VALIDATION', 'You need a team to distribute work.');
    const teamId = actor.teamId;
    return this.access.run(actor, meta, async (m) => {
      const now = new Date();
      const ids = request.encounterIds ? [...new Set(request.encounterIds)] : null;
      const rows = (await m.query(POOL_SQL, [null, null, null, null, ids])) as (FactsRow & {
        encounter_type: EncounterType;
      })[];
      const own = await actorIdentityFacts(m, actor);
      const visible = rows.filter((r) => {
        const d = ChartAccessPolicy.canOpen(subjectOfActor(actor, { ...r, ...own }), chartAccessFactsOf(r), now);
        return d.allowed && workAllows('manage', d.basis);
      });
      const coders = await teamCoders(m, teamId);
      const { coderCapacity } = await teamSettings(m, teamId);
      const plan = planDistribution(
        visible.map((r) => ({ facts: chartAccessFactsOf(r), type: r.encounter_type })),
        coders,
        coderCapacity,
        now,
      );
      const outcomes: AssignmentOutcome[] = [];
      for (const step of plan) {
        if (!step.coderId) {
          outcomes.push({ encounterId: step.encounterId, coderId: null, skipped: 'NO_ELIGIBLE_CODER' });
          continue;
        }
        const grant = await this.access.require(m, actor, 'manage', step.encounterId);
        await this.giveTo(m, actor, meta, grant, step.coderId, request, { distributed: true });
        outcomes.push({ encounterId: step.encounterId, coderId: step.coderId, skipped: null });
      }
      return { outcomes };
    });
  }

  private async teamCoder(m: EntityManager, actor: Actor, coderId: string): Promise<TeamCoder> {
    if (!actor.teamId) throw notATeamCoder();
    const coder = (await teamCoders(m, actor.teamId)).find((c) => c.id === coderId);
    if (!coder) throw notATeamCoder();
    return coder;
  }

  /** Assign (from the pool) or reassign (from another coder) one chart; the lease of a former holder ends. */
  private async giveTo(
    m: EntityManager,
    actor: Actor,
    meta: RequestMeta,
    grant: ChartGrant,
    coderId: string,
    terms: Terms,
    how: { distributed: boolean },
  ): Promise<void> {
    const chart = await lockChart(m, grant.encounterId);
    const current = grant.facts.coder_id;
    if (current === coderId) {
      await this.setTerms(m, grant.encounterId, terms);
    } else {
      await transitionChart(m, chart, chart.status === 'READY' ? 'ASSIGN' : 'REASSIGN', {
        actor,
        meta,
        audit: this.audit,
        purpose: grant.purpose,
      });
      await this.endActiveAssignment(m, grant.encounterId, actor, 'REASSIGNED');
      await this.leases.breakAny(m, grant.encounterId);
      await this.setTerms(m, grant.encounterId, terms);
    }
    const row = {
      id:
        current === coderId
          ? oneRow(
              (await m.query('SELECT id FROM records_assignments WHERE encounter_id = $1 AND active', [
                grant.encounterId,
              ])) as { id: string }[],
            ).id
          : await startAssignment(m, grant.encounterId, coderId, actor.userId),
    };
    await this.audit.record(m, {
      action: 'ASSIGNED',
      outcome: 'success',
      actor,
      meta,
      patientId: chart.patientId,
      resourceType: 'Encounter',
      resourceId: grant.encounterId,
      purpose: row.id,
      details: {
        coderId,
        previousCoderId: current,
        dueDate: terms.dueDate ?? null,
        priority: terms.priority ?? null,
        distributed: how.distributed,
      },
    });
  }

  private async setTerms(m: EntityManager, encounterId: string, terms: Terms): Promise<void> {
    await setChartTerms(m, encounterId, terms);
  }

  private async endActiveAssignment(
    m: EntityManager,
    encounterId: string,
    actor: Actor,
    reason: 'REASSIGNED' | 'UNASSIGNED',
  ): Promise<string | null> {
    return endActiveAssignment(m, encounterId, actor.userId, reason);
  }
}
