import { AuditService } from '@chartdesk/api-audit';
import { spreadDemoChartTerms, writeCodingStatus } from '@chartdesk/api-records';
import type { DataSource } from 'typeorm';

export const WORKLIST_DEMO_STEP = 'worklist';

/**
 * Demo step "worklist", after the records step: the charts it handed to demo
 * coders become ASSIGNED (with their STATUS_CHANGED events, as any transition),
 * pool charts get due dates and priorities spread over the next two weeks, and
 * each demo team gets its settings — team B lets coders pull from the pool.
 */
export async function seedDemoWorklist(dataSource: DataSource): Promise<string> {
  const audit = new AuditService(dataSource);
  return dataSource.transaction(async (m) => {
    const assigned = (await m.query(
      `SELECT e.id, e.patient_id, a.id AS assignment_id, a.assigned_by FROM records_charts e
         JOIN records_assignments a ON a.encounter_id = e.id AND a.active
        WHERE e.coding_status = 'READY' ORDER BY e.encounter_number`,
    )) as { id: string; patient_id: string; assignment_id: string; assigned_by: string | null }[];
    for (const row of assigned) {
      await writeCodingStatus(m, row.id, 'ASSIGNED');
      await audit.record(m, {
        action: 'STATUS_CHANGED',
        outcome: 'success',
        actor: row.assigned_by ? { userId: row.assigned_by, role: 'SUPERVISOR', sessionId: null } : null,
        patientId: row.patient_id,
        resourceType: 'Encounter',
        resourceId: row.id,
        purpose: row.assignment_id,
        details: { from: 'READY', to: 'ASSIGNED', event: 'ASSIGN', via: 'demo-seed' },
      });
    }
    // Deterministic spread: the n-th chart is due in n mod 14 days, every fifth one is high priority.
    await spreadDemoChartTerms(m);
    const teams = (await m.query(
      `INSERT INTO worklist_team_setting (team_id, allow_self_pull, coder_capacity)
       SELECT id, lower(name) LIKE '%team b%', 20 FROM identity_teams
       ON CONFLICT (team_id) DO NOTHING RETURNING team_id`,
    )) as unknown[];
    return `${assigned.length} demo assignments marked ASSIGNED, due dates set, ${teams.length} team setting(s)`;
  });
}
