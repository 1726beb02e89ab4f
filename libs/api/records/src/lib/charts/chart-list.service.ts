import { ChartAccessPolicy } from '@chartdesk/api-access';
import { AuditService } from '@chartdesk/api-audit';
import type { Actor, RequestMeta } from '@chartdesk/api-platform';
import type { ChartListEntry, EncounterType } from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type AccessFactsRow, factsFrom, subjectFrom } from './chart-rows';

const LIST_LIMIT = 200;

/**
 * Candidate charts: a coder's active assignments; a supervisor's team's
 * assignments and the unassigned pool. Each candidate still goes through the
 * policy, so the list never shows a chart that would then answer 404.
 */
const CANDIDATES_SQL = `
SELECT e.id AS encounter_id, e.patient_id, e.labels AS encounter_labels, p.is_vip, p.is_employee,
       COALESCE((SELECT array_agg(DISTINCT l) FROM clinical_document d, unnest(d.labels) l
                  WHERE d.encounter_id = e.id), '{}') AS document_labels,
       a.id AS assignment_id, a.coder_id, cu.team_id AS coder_team_id,
       to_char(u.part2_training_date, 'YYYY-MM-DD') AS part2_training_date,
       COALESCE(u.linked_patient_ids, '{}') AS linked_patient_ids,
       NULL AS grant_id, NULL AS grant_expires_at, NULL AS investigation_id, NULL AS investigation_expires_at,
       e.facility, e.encounter_number, e.encounter_type,
       COALESCE(to_char(e.service_date, 'YYYY-MM-DD'), to_char(e.admitted_at, 'YYYY-MM-DD')) AS start_date,
       p.family_name || ', ' || p.given_name AS patient_name, p.mrn, e.coding_status
  FROM encounter e
  JOIN patient p ON p.id = e.patient_id
  LEFT JOIN assignment a ON a.encounter_id = e.id AND a.active
  LEFT JOIN identity_users cu ON cu.id = a.coder_id
  JOIN identity_users u ON u.id = $1
 WHERE ($2 = 'CODER' AND a.coder_id = $1)
    OR ($2 = 'SUPERVISOR' AND (a.id IS NULL OR (cu.team_id IS NOT NULL AND cu.team_id = u.team_id)))
 ORDER BY start_date, e.encounter_number
 LIMIT ${LIST_LIMIT}`;

type CandidateRow = AccessFactsRow & {
  facility: string;
  encounter_number: string;
  encounter_type: EncounterType;
  start_date: string;
  patient_name: string;
  mrn: string;
  coding_status: string;
};

@Injectable()
export class ChartListService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  accessibleCharts(actor: Actor, meta: RequestMeta): Promise<ChartListEntry[]> {
    const now = new Date();
    return this.audit.withAudit(
      async (m) => {
        const rows = (await m.query(CANDIDATES_SQL, [actor.userId, actor.role])) as CandidateRow[];
        const entries: ChartListEntry[] = [];
        for (const row of rows) {
          const decision = ChartAccessPolicy.canOpen(subjectFrom(actor, row), factsFrom(row), now);
          if (!decision.allowed) continue;
          entries.push({
            encounterId: row.encounter_id,
            facility: row.facility,
            encounterNumber: row.encounter_number,
            type: row.encounter_type,
            serviceDate: row.start_date,
            patientName: row.patient_name,
            mrn: row.mrn,
            codingStatus: row.coding_status,
            basis: decision.basis,
          });
        }
        return entries;
      },
      (entries) => ({
        action: 'PATIENT_SEARCHED',
        outcome: 'success',
        actor,
        meta,
        resourceType: 'ChartList',
        details: { listed: entries.length },
      }),
    );
  }
}
