import { ChartAccessPolicy } from '@chartdesk/api-access';
import { AuditService } from '@chartdesk/api-audit';
import { type Actor, type RequestMeta } from '@chartdesk/api-platform';
import { startAssignment, chartAccessFactsOf } from '@chartdesk/api-records';
import {
  type CodingStatus,
  type EncounterType,
  type NextChartResponse,
  type QueueEntry,
  type QueueResponse,
  roleHasPermission,
  type Specialty,
  type WorkPriority,
} from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { actorIdentityFacts, type FactsRow, subjectOfActor } from '../access/chart-facts';
import { coderMayTake } from '../assignment/distribution-plan';
import { teamSettings } from '../assignment/team-coders';
import { lockChart, transitionChart } from '../status/chart-transition';

type QueueRow = FactsRow & {
  facility: string;
  encounter_number: string;
  encounter_type: EncounterType;
  service_date: string;
  coding_status: CodingStatus;
  priority: WorkPriority;
  due_date: string | null;
  assigned_at: Date;
};

/** Highest priority first, then the oldest due date (none last), then first assigned. */
const QUEUE_SQL = `
SELECT e.id AS encounter_id, e.patient_id, e.labels AS encounter_labels, p.is_vip, p.is_employee,
       COALESCE((SELECT array_agg(DISTINCT l) FROM records_documents d, unnest(d.labels) l
                  WHERE d.encounter_id = e.id), '{}') AS document_labels,
       a.id AS assignment_id, a.coder_id, u.team_id AS coder_team_id,
       e.facility, e.encounter_number, e.encounter_type,
       COALESCE(to_char(e.service_date, 'YYYY-MM-DD'), to_char(e.admitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')) AS service_date,
       e.coding_status, e.priority, to_char(e.due_date, 'YYYY-MM-DD') AS due_date, a.assigned_at
  FROM records_assignments a
  JOIN identity_users u ON u.id = a.coder_id
  JOIN records_charts e ON e.id = a.encounter_id
  JOIN records_patients p ON p.id = e.patient_id
 WHERE a.active AND a.coder_id = $1 AND e.coding_status IN ('ASSIGNED', 'IN_PROGRESS', 'ON_HOLD', 'RETURNED')
 ORDER BY e.priority, e.due_date NULLS LAST, a.assigned_at, e.id`;

/** Pool charts a coder could pull, best first; SKIP LOCKED lets two coders pull at once without taking the same one. */
const PULL_CANDIDATES_SQL = `
SELECT e.id AS encounter_id, e.patient_id, e.labels AS encounter_labels, p.is_vip, p.is_employee,
       COALESCE((SELECT array_agg(DISTINCT l) FROM records_documents d, unnest(d.labels) l
                  WHERE d.encounter_id = e.id), '{}') AS document_labels,
       NULL::uuid AS assignment_id, NULL::uuid AS coder_id, NULL::uuid AS coder_team_id
  FROM records_charts e JOIN records_patients p ON p.id = e.patient_id
 WHERE e.coding_status = 'READY' AND e.encounter_type = ANY($1::text[])
   AND NOT EXISTS (SELECT 1 FROM records_assignments a WHERE a.encounter_id = e.id AND a.active)
 ORDER BY e.priority, e.due_date NULLS LAST, e.created_at, e.id
 LIMIT 50
 FOR UPDATE OF e SKIP LOCKED`;

/**
 * The coder's queue and Next chart. Next decides for the coder — the top of
 * their queue, or (if the team allows it) the best pool chart they may take —
 * so nobody cherry-picks the easy charts.
 */
@Injectable()
export class QueueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async queue(actor: Actor): Promise<QueueResponse> {
    return this.dataSource.transaction(async (m) => ({
      entries: (await this.entries(m, actor)).map(toEntry),
      selfPullAllowed: (await teamSettings(m, actor.teamId)).allowSelfPull,
    }));
  }

  next(actor: Actor, meta: RequestMeta): Promise<NextChartResponse> {
    return this.dataSource.transaction(async (m) => {
      const workable = (await this.entries(m, actor)).find((r) => r.coding_status !== 'ON_HOLD');
      if (workable) return { encounterId: workable.encounter_id, source: 'QUEUE' };
      const settings = await teamSettings(m, actor.teamId);
      if (!settings.allowSelfPull || !roleHasPermission(actor.role, 'worklist:pull')) {
        return { encounterId: null, source: 'NONE' };
      }
      const pulled = await this.pull(m, actor, meta);
      return pulled ? { encounterId: pulled, source: 'PULLED' } : { encounterId: null, source: 'NONE' };
    });
  }

  /** The coder's active work the policy still lets them open (a label added later hides a chart). */
  private async entries(m: EntityManager, actor: Actor): Promise<QueueRow[]> {
    const own = await actorIdentityFacts(m, actor);
    const now = new Date();
    const rows = (await m.query(QUEUE_SQL, [actor.userId])) as QueueRow[];
    return rows.filter(
      (r) => ChartAccessPolicy.canOpen(subjectOfActor(actor, { ...r, ...own }), chartAccessFactsOf(r), now).allowed,
    );
  }

  private async pull(m: EntityManager, actor: Actor, meta: RequestMeta): Promise<string | null> {
    const [me] = (await m.query(
      `SELECT specialties, clearances, to_char(part2_training_date, 'YYYY-MM-DD') AS part2, linked_patient_ids
         FROM identity_users WHERE id = $1`,
      [actor.userId],
    )) as { specialties: Specialty[]; clearances: string[]; part2: string | null; linked_patient_ids: string[] }[];
    if (!me || me.specialties.length === 0) return null;
    const coder = {
      id: actor.userId,
      role: actor.role,
      teamId: actor.teamId,
      clearances: actor.clearances,
      part2TrainingDate: me.part2,
      linkedPatientIds: me.linked_patient_ids,
    };
    const now = new Date();
    const candidates = (await m.query(PULL_CANDIDATES_SQL, [me.specialties])) as FactsRow[];
    const chosen = candidates.find((r) => coderMayTake(coder, chartAccessFactsOf(r), now));
    if (!chosen) return null;
    const chart = await lockChart(m, chosen.encounter_id);
    const assignment = { id: await startAssignment(m, chart.id, actor.userId, actor.userId) };
    await transitionChart(m, chart, 'ASSIGN', { actor, meta, audit: this.audit, purpose: assignment.id });
    await this.audit.record(m, {
      action: 'ASSIGNED',
      outcome: 'success',
      actor,
      meta,
      patientId: chart.patientId,
      resourceType: 'Encounter',
      resourceId: chart.id,
      purpose: assignment.id,
      details: { coderId: actor.userId, selfPulled: true },
    });
    return chart.id;
  }
}

function toEntry(r: QueueRow): QueueEntry {
  return {
    encounterId: r.encounter_id,
    facility: r.facility,
    encounterNumber: r.encounter_number,
    type: r.encounter_type,
    serviceDate: r.service_date,
    status: r.coding_status,
    priority: r.priority,
    dueDate: r.due_date,
    assignedAt: r.assigned_at.toISOString(),
  };
}
