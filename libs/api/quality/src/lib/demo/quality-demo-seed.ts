import { AuditService } from '@chartdesk/api-audit';
import type { Actor } from '@chartdesk/api-platform';
import { DEMO_SCENARIOS, ChartAccess } from '@chartdesk/api-records';
import { appendCodingVersion, lockChart, transitionChart } from '@chartdesk/api-worklist';
import type { ChartCodes } from '@chartdesk/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { SamplingRunService } from '../sampling/sampling-run.service';
import { type ActorRow, actorOfRow, offlineMeta } from '../sampling/system-actor';
import { codesOfAnswer, withTypicalSlip } from './demo-submissions';

export const QUALITY_DEMO_STEP = 'quality-samples';

/** Charts each demo coder submits in the seed; the rest stay in their queue. */
const SUBMITTED_PER_CODER = 2;
/** A fixed seed: the demo draws the same charts on every machine. */
export const DEMO_SAMPLING_SEED = '00c0ffee00c0ffee00c0ffee00c0ffee';

interface DemoAssignment {
  encounterId: string;
  coderId: string;
  assignmentId: string;
  scenario: string;
}

type UserRow = ActorRow;

const SEED_META = offlineMeta('demo-seed');
const actorOf = actorOfRow;

/** The coder opens the chart, codes it and submits, through the worklist's own transitions and audit events. */
async function submitAsCoder(
  m: EntityManager,
  audit: AuditService,
  coder: Actor,
  a: DemoAssignment,
  codes: ChartCodes,
): Promise<boolean> {
  let chart = await lockChart(m, a.encounterId);
  // Only charts the worklist step handed over (ASSIGNED); anything else is left as it is.
  if (chart.status !== 'ASSIGNED') return false;
  const ctx = { actor: coder, meta: SEED_META, audit, purpose: a.assignmentId };
  chart = await transitionChart(m, chart, 'START', ctx);
  await audit.record(m, {
    action: 'CHART_VIEWED',
    outcome: 'success',
    actor: coder,
    meta: SEED_META,
    patientId: chart.patientId,
    resourceType: 'CodingWorkspace',
    resourceId: a.encounterId,
    purpose: a.assignmentId,
    details: { status: chart.status, codingVersion: 0, via: 'demo-seed' },
  });
  const version = await appendCodingVersion(m, {
    encounterId: a.encounterId,
    kind: 'SUBMISSION',
    createdBy: coder.userId,
    codes,
    findings: [],
    acknowledgedWarnings: [],
  });
  await transitionChart(m, chart, 'SUBMIT', ctx);
  await audit.record(m, {
    action: 'CODES_SUBMITTED',
    outcome: 'success',
    actor: coder,
    meta: SEED_META,
    patientId: chart.patientId,
    resourceType: 'Encounter',
    resourceId: a.encounterId,
    purpose: a.assignmentId,
    details: {
      codingVersion: version.number,
      acknowledgedWarnings: [],
      errors: 0,
      warnings: 0,
      via: 'demo-seed',
    },
  });
  return true;
}

/**
 * Demo step "quality-samples", after the worklist step: each demo coder submits
 * two of their assigned charts (the first with a typical slip, the second as the
 * answer key has it), then each team's supervisor runs the prebill sampling with
 * a fixed seed. Demo coders are new, so the default rule draws all their charts:
 * the supervisors find them waiting in Quality audit.
 */
export async function seedDemoQuality(dataSource: DataSource, context: Record<string, unknown>): Promise<string> {
  const records = context['demoRecords'] as { assignments?: DemoAssignment[] } | undefined;
  const assignments = records?.assignments ?? [];
  if (assignments.length === 0) return 'skipped: no demo assignments in this run';
  const audit = new AuditService(dataSource);
  const users = (await dataSource.query(
    `SELECT id, username, role, team_id, clearances FROM identity_users WHERE role IN ('CODER', 'SUPERVISOR') ORDER BY username`,
  )) as UserRow[];
  const byId = new Map(users.map((u) => [u.id, u] as const));
  let submitted = 0;
  await dataSource.transaction(async (m) => {
    for (const coder of users.filter((u) => u.role === 'CODER')) {
      const mine = assignments.filter((a) => a.coderId === coder.id).slice(0, SUBMITTED_PER_CODER);
      for (const [i, a] of mine.entries()) {
        const scenario = DEMO_SCENARIOS.find((s) => s.key === a.scenario);
        if (!scenario) continue;
        const key = codesOfAnswer(scenario.answer, scenario.type);
        if (await submitAsCoder(m, audit, actorOf(coder), a, i === 0 ? withTypicalSlip(key) : key)) submitted++;
      }
    }
  });
  const sampler = new SamplingRunService(dataSource, new ChartAccess(dataSource, audit), audit);
  const now = Date.now();
  let sampled = 0;
  if (submitted === 0) return 'skipped: no demo chart was ready to submit';
  for (const supervisor of users.filter((u) => u.role === 'SUPERVISOR' && u.team_id)) {
    const coversTeam = [...byId.values()].some((u) => u.role === 'CODER' && u.team_id === supervisor.team_id);
    if (!coversTeam) continue;
    const run = await sampler.create(
      actorOf(supervisor),
      SEED_META,
      { from: new Date(now - 24 * 3600_000).toISOString(), to: new Date(now + 60_000).toISOString() },
      DEMO_SAMPLING_SEED,
    );
    sampled += run.sampled;
  }
  return `${submitted} demo charts submitted, ${sampled} drawn for review`;
}
