import { ChartAccessPolicy } from '@chartdesk/api-access';
import { workAllows, chartAccessFactsOf } from '@chartdesk/api-records';
import { AuditService } from '@chartdesk/api-audit';
import { type Actor, DomainError, type RequestMeta } from '@chartdesk/api-platform';
import type {
  BoardQuery,
  BoardResponse,
  CodingStatus,
  EncounterType,
  PoolEntry,
  TeamWorkEntry,
  TeamWorklistSettings,
  WorkPriority,
} from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import { actorIdentityFacts, type FactsRow, subjectOfActor } from '../access/chart-facts';
import { POOL_SQL, teamCoders, teamSettings } from './team-coders';

type PoolRow = FactsRow & {
  facility: string;
  encounter_number: string;
  encounter_type: EncounterType;
  service_date: string;
  age_days: number;
  due_date: string | null;
  priority: WorkPriority;
};

const TEAM_WORK_SQL = `
SELECT e.id AS encounter_id, e.patient_id, e.labels AS encounter_labels, p.is_vip, p.is_employee,
       COALESCE((SELECT array_agg(DISTINCT l) FROM records_documents d, unnest(d.labels) l
                  WHERE d.encounter_id = e.id), '{}') AS document_labels,
       a.id AS assignment_id, a.coder_id, u.team_id AS coder_team_id,
       e.encounter_number, e.facility, e.encounter_type, u.display_name AS coder_name, e.coding_status,
       e.priority, to_char(e.due_date, 'YYYY-MM-DD') AS due_date,
       (SELECT lu.display_name FROM chart_lease l JOIN identity_users lu ON lu.id = l.user_id
         WHERE l.encounter_id = e.id AND l.expires_at > now()) AS leased_by
  FROM records_assignments a
  JOIN identity_users u ON u.id = a.coder_id
  JOIN records_charts e ON e.id = a.encounter_id
  JOIN records_patients p ON p.id = e.patient_id
 WHERE a.active AND u.team_id = $1 AND e.coding_status <> 'COMPLETED'
 ORDER BY e.priority, e.due_date NULLS LAST, a.assigned_at
 LIMIT 500`;

/** The supervisor's assignment board: the pool (filtered), the team's open work and each coder's load. */
@Injectable()
export class BoardService {
  constructor(private readonly audit: AuditService) {}

  board(actor: Actor, meta: RequestMeta, query: BoardQuery): Promise<BoardResponse> {
    return this.audit.withAudit(
      async (m) => {
        const now = new Date();
        const own = await actorIdentityFacts(m, actor);
        const allowed = (row: FactsRow) => {
          const d = ChartAccessPolicy.canOpen(subjectOfActor(actor, { ...row, ...own }), chartAccessFactsOf(row), now);
          return d.allowed && workAllows('manage', d.basis);
        };
        const poolRows = (await m.query(POOL_SQL, [
          query.facility ?? null,
          query.type ?? null,
          query.minAgeDays ?? null,
          query.dueBefore ?? null,
          null,
        ])) as PoolRow[];
        const pool: PoolEntry[] = poolRows
          .filter(allowed)
          .map((r) => ({ row: r, labels: ChartAccessPolicy.chartLabels(chartAccessFactsOf(r)) }))
          .filter(({ labels }) => !query.label || labels.includes(query.label))
          .map(({ row, labels }) => ({
            encounterId: row.encounter_id,
            facility: row.facility,
            encounterNumber: row.encounter_number,
            type: row.encounter_type,
            serviceDate: row.service_date,
            ageDays: row.age_days,
            dueDate: row.due_date,
            priority: row.priority,
            labels,
          }));
        const teamWork: TeamWorkEntry[] = actor.teamId
          ? (
              (await m.query(TEAM_WORK_SQL, [actor.teamId])) as (FactsRow & {
                encounter_number: string;
                facility: string;
                encounter_type: EncounterType;
                coder_name: string;
                coding_status: CodingStatus;
                priority: WorkPriority;
                due_date: string | null;
                leased_by: string | null;
              })[]
            )
              .filter(allowed)
              .map((r) => ({
                encounterId: r.encounter_id,
                encounterNumber: r.encounter_number,
                facility: r.facility,
                type: r.encounter_type,
                coderId: r.coder_id ?? '',
                coderName: r.coder_name,
                status: r.coding_status,
                priority: r.priority,
                dueDate: r.due_date,
                leasedBy: r.leased_by,
              }))
          : [];
        const settings = await teamSettings(m, actor.teamId);
        const coders = actor.teamId ? await teamCoders(m, actor.teamId) : [];
        const facilities = (
          (await m.query('SELECT DISTINCT facility FROM records_charts ORDER BY facility')) as {
            facility: string;
          }[]
        ).map((r) => r.facility);
        return {
          pool,
          facilities,
          teamWork,
          coders: coders.map((c) => ({
            coderId: c.id,
            displayName: c.displayName,
            specialties: c.specialties,
            clearances: c.clearances,
            openItems: c.openItems,
            capacity: settings.coderCapacity,
          })),
          settings,
        };
      },
      (board) => ({
        action: 'REPORT_RUN',
        outcome: 'success',
        actor,
        meta,
        resourceType: 'WorklistBoard',
        details: { pool: board.pool.length, teamWork: board.teamWork.length, filters: { ...query } },
      }),
    );
  }

  async updateSettings(actor: Actor, meta: RequestMeta, settings: TeamWorklistSettings): Promise<TeamWorklistSettings> {
    if (!actor.teamId) throw new DomainError('VALIDATION', 'You need a team to change its worklist settings.');
    const teamId = actor.teamId;
    return this.audit.withAudit(
      async (m) => {
        await m.query(
          `INSERT INTO worklist_team_setting (team_id, allow_self_pull, coder_capacity, updated_by)
           VALUES ($1, $2, $3, $4)
           ON CONFLICT (team_id) DO UPDATE SET allow_self_pull = EXCLUDED.allow_self_pull,
             coder_capacity = EXCLUDED.coder_capacity, updated_by = EXCLUDED.updated_by, updated_at = now()`,
          [teamId, settings.allowSelfPull, settings.coderCapacity, actor.userId],
        );
        return teamSettings(m, teamId);
      },
      (saved) => ({
        action: 'TEAM_CHANGED',
        outcome: 'success',
        actor,
        meta,
        resourceType: 'WorklistTeamSetting',
        resourceId: teamId,
        details: { ...saved },
      }),
    );
  }
}
