import type { SensitivityLabel, Specialty, TeamWorklistSettings } from '@chartdesk/contracts';
import type { EntityManager } from 'typeorm';
import type { DistributableCoder } from './distribution-plan';

export interface TeamCoder extends DistributableCoder {
  readonly displayName: string;
}

const TEAM_CODERS_SQL = `
SELECT u.id, u.display_name, u.team_id, u.clearances, u.specialties,
       to_char(u.part2_training_date, 'YYYY-MM-DD') AS part2_training_date, u.linked_patient_ids,
       (SELECT count(*)::int FROM records_assignments a JOIN records_charts e ON e.id = a.encounter_id
         WHERE a.coder_id = u.id AND a.active
           AND e.coding_status IN ('ASSIGNED', 'IN_PROGRESS', 'ON_HOLD', 'RETURNED')) AS open_items
  FROM identity_users u
 WHERE u.team_id = $1 AND u.role = 'CODER' AND u.status = 'ACTIVE'
 ORDER BY u.display_name, u.id`;

export async function teamCoders(m: EntityManager, teamId: string): Promise<TeamCoder[]> {
  const rows = (await m.query(TEAM_CODERS_SQL, [teamId])) as {
    id: string;
    display_name: string;
    team_id: string;
    clearances: SensitivityLabel[];
    specialties: Specialty[];
    part2_training_date: string | null;
    linked_patient_ids: string[];
    open_items: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    role: 'CODER',
    teamId: r.team_id,
    clearances: r.clearances,
    specialties: r.specialties,
    part2TrainingDate: r.part2_training_date,
    linkedPatientIds: r.linked_patient_ids,
    openItems: r.open_items,
  }));
}

const DEFAULT_SETTINGS: TeamWorklistSettings = { allowSelfPull: false, coderCapacity: 20 };

export async function teamSettings(m: EntityManager, teamId: string | null): Promise<TeamWorklistSettings> {
  if (!teamId) return DEFAULT_SETTINGS;
  const [row] = (await m.query('SELECT allow_self_pull, coder_capacity FROM worklist_team_setting WHERE team_id = $1', [
    teamId,
  ])) as { allow_self_pull: boolean; coder_capacity: number }[];
  return row ? { allowSelfPull: row.allow_self_pull, coderCapacity: row.coder_capacity } : DEFAULT_SETTINGS;
}

/**
 * Facts of pool charts (READY, nobody holds them) for the policy, plus what
 * the board lists. Optional filters are all bound parameters.
 */
export const POOL_SQL = `
SELECT e.id AS encounter_id, e.patient_id, e.labels AS encounter_labels, p.is_vip, p.is_employee,
       COALESCE((SELECT array_agg(DISTINCT l) FROM records_documents d, unnest(d.labels) l
                  WHERE d.encounter_id = e.id), '{}') AS document_labels,
       NULL::uuid AS assignment_id, NULL::uuid AS coder_id, NULL::uuid AS coder_team_id,
       e.facility, e.encounter_number, e.encounter_type,
       COALESCE(to_char(e.service_date, 'YYYY-MM-DD'), to_char(e.admitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')) AS service_date,
       (now()::date - e.created_at::date) AS age_days, to_char(e.due_date, 'YYYY-MM-DD') AS due_date, e.priority
  FROM records_charts e
  JOIN records_patients p ON p.id = e.patient_id
 WHERE e.coding_status = 'READY'
   AND NOT EXISTS (SELECT 1 FROM records_assignments a WHERE a.encounter_id = e.id AND a.active)
   AND ($1::text IS NULL OR e.facility = $1)
   AND ($2::text IS NULL OR e.encounter_type = $2)
   AND ($3::int IS NULL OR e.created_at <= now() - make_interval(days => $3))
   AND ($4::date IS NULL OR e.due_date <= $4)
   AND ($5::uuid[] IS NULL OR e.id = ANY($5))
 ORDER BY e.priority, e.due_date NULLS LAST, e.created_at, e.id
 LIMIT 500`;
