import { ChartAccessPolicy, type ChartAccessSubject } from '@chartdesk/api-access';
import type { AppConfig } from '@chartdesk/api-platform';
import type { SensitivityLabel } from '@chartdesk/contracts';
import { linkPatientToUser } from '@chartdesk/api-identity';
import type { DataSource } from 'typeorm';
import { FieldCipher } from '../crypto/field-cipher';
import { loadRecordsKey } from '../crypto/records-key';
import { RecordStore } from '../store/record-store';
import { bulkInsertCharts } from './bulk-chart-writer';
import { DEMO_SCENARIOS } from './demo-scenarios';
import { DemoChartGenerator, EMPLOYEE_CHART_INDEX, type GeneratedChart } from './demo-chart-generator';

export const RECORDS_DEMO_STEP = 'records-charts';

/** Four rounds of every scenario: enough to fill a few queues and the unassigned pool. */
export const DEMO_CHART_COUNT = DEMO_SCENARIOS.length * 4;
const CHARTS_PER_CODER = 4;

interface DemoUserRow {
  id: string;
  username: string;
  role: string;
  team_id: string | null;
  clearances: SensitivityLabel[];
  part2_training_date: string | null;
}

export interface DemoRecordsContext {
  readonly encounterIds: readonly string[];
  readonly assignments: readonly { encounterId: string; coderId: string; assignmentId: string; scenario: string }[];
  readonly employeePatientId: string;
}

function labelsOf(chart: GeneratedChart): SensitivityLabel[] {
  return ChartAccessPolicy.chartLabels({
    encounterId: '',
    patientId: '',
    encounterLabels: chart.encounter.labels,
    documentLabels: chart.documents.flatMap((d) => d.labels),
    patientIsVip: chart.patient.isVip ?? false,
    patientIsEmployee: chart.patient.isEmployee ?? false,
    assignment: null,
    breakGlassGrant: null,
    investigation: null,
  });
}

/**
 * Demo step "records": synthetic charts for every scenario, a few assigned to
 * each demo coder within their clearance (so each can open their own queue),
 * the rest left in the unassigned pool, and the employee-patient linked to
 * the first demo coder so the own-record rule can be seen refusing it.
 * Demo users are read from app_user (created by the identity step before this).
 */
export async function seedDemoRecords(
  dataSource: DataSource,
  context: Record<string, unknown>,
  config: AppConfig,
): Promise<string> {
  const cipher = new FieldCipher(loadRecordsKey(config));
  const generator = new DemoChartGenerator();
  const charts = [...generator.charts(DEMO_CHART_COUNT)];
  const now = new Date();
  const result = await dataSource.transaction(async (m) => {
    const written = await bulkInsertCharts(m, cipher, charts);
    const users = (await m.query(
      `SELECT id, username, role, team_id, clearances, to_char(part2_training_date, 'YYYY-MM-DD') AS part2_training_date
         FROM identity_users WHERE status = 'ACTIVE' AND role IN ('CODER', 'SUPERVISOR') ORDER BY username`,
    )) as DemoUserRow[];
    const coders = users.filter((u) => u.role === 'CODER');
    const assignedBy = users.find((u) => u.role === 'SUPERVISOR')?.id ?? null;
    const store = new RecordStore(m, cipher);
    const taken = new Set<number>([EMPLOYEE_CHART_INDEX]);
    const assignments: DemoRecordsContext['assignments'][number][] = [];
    for (const coder of coders) {
      const subject: ChartAccessSubject = {
        userId: coder.id,
        role: 'CODER',
        teamId: coder.team_id,
        clearances: coder.clearances,
        part2TrainedOn: coder.part2_training_date ? new Date(`${coder.part2_training_date}T00:00:00Z`) : null,
        linkedPatientIds: [],
      };
      let given = 0;
      for (let i = 0; i < charts.length && given < CHARTS_PER_CODER; i++) {
        const chart = charts[i] as GeneratedChart;
        if (taken.has(i) || !labelsOf(chart).every((l) => ChartAccessPolicy.covers(subject, l, now))) continue;
        const encounterId = (written[i] as (typeof written)[number]).encounterId;
        const assignmentId = await store.assign(encounterId, coder.id, assignedBy);
        assignments.push({ encounterId, coderId: coder.id, assignmentId, scenario: chart.scenario });
        taken.add(i);
        given++;
      }
    }
    const employeePatientId = (written[EMPLOYEE_CHART_INDEX] as (typeof written)[number]).patientId;
    // The identity step names the coder to link (demoEmployeeCoderId); otherwise the first demo coder.
    const named = context['demoEmployeeCoderId'];
    const firstCoder = coders.find((c) => c.id === named) ?? coders[0];
    if (firstCoder) {
      await linkPatientToUser(m, firstCoder.id, employeePatientId);
    }
    return {
      summary:
        `${charts.length} charts (${DEMO_SCENARIOS.length} scenarios), ${assignments.length} assigned to ` +
        `${coders.length} demo coder(s), ${charts.length - assignments.length} in the unassigned pool` +
        (firstCoder ? `; employee-patient linked to ${firstCoder.username}` : '; no demo coders found'),
      context: { encounterIds: written.map((w) => w.encounterId), assignments, employeePatientId },
    };
  });
  context['demoRecords'] = result.context;
  return result.summary;
}
