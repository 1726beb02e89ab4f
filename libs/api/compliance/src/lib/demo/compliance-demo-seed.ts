import { AuditService } from '@chartdesk/api-audit';
import type { AppConfig } from '@chartdesk/api-platform';
import type { ShiftSchedule } from '@chartdesk/contracts';
import type { DataSource } from 'typeorm';
import { AnomalyDetector } from '../anomaly/anomaly-detector.service';
import { FindingsWriter } from '../anomaly/findings.writer';
import { RuleSettingsService } from '../anomaly/rule-settings.service';
import { appendChainedHistory } from './chained-history-writer';
import { type DemoChart, type DemoUser, planDemoHistory } from './demo-history';

export const COMPLIANCE_DEMO_STEP = 'compliance-history';

/**
 * The demo's own access history: 30 days of the demo users reading the demo
 * charts, with planted anomalies, chained into the audit trail; then one
 * anomaly scan, so the compliance officer signs in to flagged review items.
 * Runs after the identity, records and worklist steps (it reads their rows).
 */
export async function seedDemoCompliance(
  dataSource: DataSource,
  _context: unknown,
  config: AppConfig,
): Promise<string> {
  const users = (await dataSource.query(
    `SELECT id, username, role, schedule FROM identity_users WHERE role IN ('CODER', 'SUPERVISOR') AND status = 'ACTIVE'
      ORDER BY username`,
  )) as { id: string; username: string; role: string; schedule: ShiftSchedule | null }[];
  const charts = (await dataSource.query(
    `SELECT e.id AS encounter_id, e.patient_id, a.coder_id, a.id AS assignment_id, p.is_vip, p.is_employee
       FROM records_charts e JOIN records_patients p ON p.id = e.patient_id
       LEFT JOIN records_assignments a ON a.encounter_id = e.id AND a.active
      WHERE NOT ('SUBSTANCE_USE_PART2' = ANY (e.labels))
      ORDER BY e.encounter_number`,
  )) as {
    encounter_id: string;
    patient_id: string;
    coder_id: string | null;
    assignment_id: string | null;
    is_vip: boolean;
    is_employee: boolean;
  }[];
  const demoUsers: DemoUser[] = users.map((u) => ({
    id: u.id,
    username: u.username,
    role: u.role,
    schedule: u.schedule,
  }));
  const demoCharts: DemoChart[] = charts.map((c) => ({
    encounterId: c.encounter_id,
    patientId: c.patient_id,
    coderId: c.coder_id,
    assignmentId: c.assignment_id,
    isVip: c.is_vip,
    isEmployee: c.is_employee,
  }));
  const plan = planDemoHistory(
    new Date(),
    demoUsers.filter((u) => u.role === 'CODER'),
    demoUsers.filter((u) => u.role === 'SUPERVISOR'),
    demoCharts,
  );
  const written = await dataSource.transaction((m) => appendChainedHistory(m, plan.events));
  // The same classes the app runs, built by hand: seed steps run before the HTTP app serves.
  const audit = new AuditService(dataSource);
  const detector = new AnomalyDetector(
    dataSource,
    config,
    new RuleSettingsService(audit),
    new FindingsWriter(audit),
    audit,
  );
  const scan = await detector.scan();
  return `${written} past audit events; ${scan.itemsCreated} review items (${plan.planted.join('; ')})`;
}
