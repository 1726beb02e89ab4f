import { AuditService } from '@chartdesk/api-audit';
import { dataSourceOptions, openDatabase } from '@chartdesk/api-database';
import { type AppConfig, DomainError, parseCommandArgs } from '@chartdesk/api-platform';
import { ChartGate } from '@chartdesk/api-worklist';
import { DataSource } from 'typeorm';
import { SamplingRunService } from '../sampling/sampling-run.service';
import { activeSupervisor, actorOfRow, offlineMeta } from '../sampling/system-actor';

/**
 * `node dist/apps/api/main.js quality-sample --supervisor <username> [--from ISO] [--to ISO]`:
 * the daily prebill sampling for that supervisor's team, for a scheduler (cron,
 * a Kubernetes CronJob). It runs under the supervisor's own access rules and is
 * recorded as their run, exactly as the button in Quality audit does.
 */
export async function qualitySampleCommand(config: AppConfig, args: readonly string[]): Promise<number> {
  const usage = 'Usage: quality-sample --supervisor <username> [--from ISO-8601] [--to ISO-8601]';
  const parsed = parseCommandArgs(args, {
    options: { supervisor: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
    usage,
  });
  if (!parsed) return 2;
  const { supervisor: username, from, to } = parsed.values;
  if (!username) {
    console.error(usage);
    return 2;
  }
  const db = await openDatabase(config);
  const dataSource = new DataSource(dataSourceOptions(db.target, 2, [], []));
  try {
    await dataSource.initialize();
    const supervisor = await activeSupervisor(dataSource, username);
    if (!supervisor) {
      console.error(`No active supervisor with a team is named "${username}".`);
      return 2;
    }
    const audit = new AuditService(dataSource);
    const runs = new SamplingRunService(dataSource, new ChartGate(dataSource, audit), audit);
    const run = await runs.create(actorOfRow(supervisor), offlineMeta('quality-sample-command'), {
      from,
      to,
    });
    console.log(
      `Sampling run ${run.id}: drew ${run.sampled} of ${run.sampled + run.released} submitted chart(s) ` +
        `(seed ${run.seed}; ${run.reproducible ? 'selection verified' : 'SELECTION DOES NOT MATCH ITS SEED'}).`,
    );
    for (const c of run.coders) {
      console.log(`  ${c.coderName}: ${c.strata.map((s) => `${s.stratum} ${s.selected}/${s.population}`).join(', ')}`);
    }
    return run.reproducible ? 0 : 1;
  } catch (error) {
    if (error instanceof DomainError) {
      console.error(error.userMessage);
      return 2;
    }
    throw error;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await db.close();
  }
}

export const QUALITY_COMMANDS = { 'quality-sample': qualitySampleCommand } as const;
