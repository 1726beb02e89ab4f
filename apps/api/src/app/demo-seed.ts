import type { AppConfig } from '@chartdesk/api-platform';
import { markDemoStepSeeded, seededDemoSteps } from '@chartdesk/api-database';
import { seedDemoCodeSets } from '@chartdesk/api-codesets';
import { COMPLIANCE_DEMO_STEP, seedDemoCompliance } from '@chartdesk/api-compliance';
import { IDENTITY_DEMO_STEP, seedDemoIdentity } from '@chartdesk/api-identity';
import { RECORDS_DEMO_STEP, seedDemoRecords } from '@chartdesk/api-records';
import { WORKLIST_DEMO_STEP, seedDemoWorklist } from '@chartdesk/api-worklist';
import { QUALITY_DEMO_STEP, seedDemoQuality } from '@chartdesk/api-quality';
import type { DataSource } from 'typeorm';

/**
 * What seed steps hand to later steps (e.g. demo user ids for assignments).
 * Each lib adds its own keys; values are plain data.
 */
export type DemoSeedContext = Record<string, unknown>;

export interface DemoSeedStep {
  readonly name: string;
  /** Runs only when the step has not run before in this database; must be deterministic. */
  run(dataSource: DataSource, context: DemoSeedContext, config: AppConfig): Promise<string | void>;
}

/**
 * Demo seed steps in dependency order (code sets, users, records, work...).
 * Each lib exports its step; add it here. Synthetic data only.
 */
export const DEMO_SEED_STEPS: readonly DemoSeedStep[] = [
  { name: 'code-sets', run: (dataSource) => seedDemoCodeSets(dataSource) },
  { name: IDENTITY_DEMO_STEP, run: seedDemoIdentity },
  { name: RECORDS_DEMO_STEP, run: seedDemoRecords },
  { name: WORKLIST_DEMO_STEP, run: (dataSource) => seedDemoWorklist(dataSource) },
  { name: COMPLIANCE_DEMO_STEP, run: seedDemoCompliance },
  { name: QUALITY_DEMO_STEP, run: (dataSource, context) => seedDemoQuality(dataSource, context) },
];

/**
 * Seeds an empty embedded database once. A marker table keeps it idempotent
 * across restarts, and each step reports progress.
 */
export async function seedDemoData(
  dataSource: DataSource,
  config: AppConfig,
  log: (line: string) => void,
): Promise<void> {
  const done = await seededDemoSteps(dataSource);
  const context: DemoSeedContext = {};
  for (const step of DEMO_SEED_STEPS) {
    if (done.has(step.name)) continue;
    const started = Date.now();
    log(`Seeding demo data: ${step.name}…`);
    const summary = await step.run(dataSource, context, config);
    await markDemoStepSeeded(dataSource, step.name);
    log(`Seeded ${step.name}${summary ? ` (${summary})` : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
