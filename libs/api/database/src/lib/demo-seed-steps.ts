import type { DataSource } from 'typeorm';

/**
 * The demo-seed marker (demo_seed_run, created by this lib's migrations): which
 * seed steps already ran, so restarts never seed twice.
 */
export async function seededDemoSteps(dataSource: DataSource): Promise<Set<string>> {
  const rows = (await dataSource.query('SELECT step FROM demo_seed_run')) as { step: string }[];
  return new Set(rows.map((r) => r.step));
}

export async function markDemoStepSeeded(dataSource: DataSource, step: string): Promise<void> {
  await dataSource.query('INSERT INTO demo_seed_run (step) VALUES ($1) ON CONFLICT DO NOTHING', [step]);
}
