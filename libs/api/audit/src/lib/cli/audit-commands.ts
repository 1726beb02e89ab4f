import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { type ConnectionTarget, dataSourceOptions } from '@chartdesk/api-database';
import { type AppConfig, parseCommandArgs } from '@chartdesk/api-platform';
import type { AuditVerificationResult } from '@chartdesk/contracts';
import { DataSource } from 'typeorm';
import { AuditCheckpointService } from '../checkpoint/audit-checkpoint.service';
import { loadAuditSigningKey } from '../checkpoint/signing-key';
import { AuditVerifier } from '../verify/audit-verifier';
import { archiveAuditMonth, expiredAuditMonths } from '../retention/archive-month';
import { verifyArchivedMonth } from '../retention/archive-format';

export type AuditCommand = (config: AppConfig, args: readonly string[], target: ConnectionTarget) => Promise<number>;

/**
 * `verify [--checkpoint <file>]`, `checkpoint`, `export-checkpoint <file> [--latest]`.
 * Exit codes: 0 ok, 1 the trail failed verification, 2 usage.
 */
export const AUDIT_COMMANDS: Readonly<
  Record<'verify' | 'checkpoint' | 'export-checkpoint' | 'archive-audit', AuditCommand>
> = {
  verify: (config, args, target) => {
    const parsed = parseCommandArgs(args, {
      options: { checkpoint: { type: 'string' }, archive: { type: 'string' } },
      usage:
        'Usage: verify [--checkpoint <file>] | verify --archive <dir>   (the file written by export-checkpoint also catches a truncated tail; --archive checks archived months offline)',
    });
    if (!parsed) return Promise.resolve(2);
    if (parsed.values.archive !== undefined) return Promise.resolve(verifyArchiveDir(config, parsed.values.archive));
    return withDataSource(target, async (ds) => {
      const file = parsed.values.checkpoint;
      const verifier = new AuditVerifier(ds, loadAuditSigningKey(config));
      const progress = new ProgressLine();
      const result = await verifier.verify({
        checkpointFile: file === undefined ? undefined : readFileSync(file, 'utf8'),
        onProgress: (n) => progress.update(n),
      });
      progress.done();
      console.log(describeVerification(result));
      console.log(JSON.stringify(result, null, 2));
      return result.ok ? 0 : 1;
    });
  },
  /** Run with the owner's target: detaching and dropping partitions is the owner's alone. */
  'archive-audit': (config, args, target) => {
    const parsed = parseCommandArgs(args, {
      options: { out: { type: 'string' }, 'retention-months': { type: 'string' } },
      usage: 'Usage: archive-audit --out <dir> [--retention-months N]   (default AUDIT_RETENTION_MONTHS)',
    });
    if (!parsed) return Promise.resolve(2);
    const out = parsed.values.out;
    if (!out) {
      console.error('Usage: archive-audit --out <dir> [--retention-months N]   (default AUDIT_RETENTION_MONTHS)');
      return Promise.resolve(2);
    }
    const months = Number(parsed.values['retention-months'] ?? config.auditRetentionMonths);
    if (!Number.isInteger(months) || months < 1) {
      console.error('--retention-months must be a whole number of months, 1 or more.');
      return Promise.resolve(2);
    }
    return withDataSource(target, async (ds) => {
      const key = loadAuditSigningKey(config);
      const due = await expiredAuditMonths(ds, months);
      if (due.length === 0) console.log(`No month is older than the ${months}-month retention period.`);
      for (const month of due) {
        const done = await archiveAuditMonth(ds, key, month, out);
        console.log(`Archived ${month}: ${done.eventCount} events to ${done.file}, verified, partition dropped.`);
      }
      return 0;
    });
  },
  checkpoint: (config, args, target) => {
    if (
      !parseCommandArgs(args, { options: {}, usage: 'Usage: checkpoint   (signs the chain heads now; no arguments)' })
    ) {
      return Promise.resolve(2);
    }
    return withDataSource(target, async (ds) => {
      const checkpoint = await new AuditCheckpointService(ds, loadAuditSigningKey(config)).create();
      console.log(
        `Checkpoint ${checkpoint?.id} signed: ${checkpoint?.eventCount} events in ${checkpoint?.heads.length} streams.`,
      );
      return 0;
    });
  },
  'export-checkpoint': (config, args, target) => {
    const parsed = parseCommandArgs(args, {
      options: { latest: { type: 'boolean' } },
      positionals: { min: 1, max: 1 },
      usage: 'Usage: export-checkpoint <file> [--latest]   (default: take a new checkpoint and export it)',
    });
    if (!parsed) return Promise.resolve(2);
    const [out = ''] = parsed.positionals;
    return withDataSource(target, async (ds) => {
      const service = new AuditCheckpointService(ds, loadAuditSigningKey(config));
      const checkpoint = parsed.values.latest ? await service.latest() : await service.create();
      if (!checkpoint) {
        console.error('No checkpoint has been taken yet.');
        return 1;
      }
      writeFileSync(out, `${JSON.stringify(checkpoint, null, 2)}\n`, { flag: 'w' });
      console.log(
        `Exported checkpoint ${checkpoint.id} (${checkpoint.eventCount} events) to ${out}. Keep it outside this server.`,
      );
      return 0;
    });
  },
};

async function withDataSource<T>(target: ConnectionTarget, work: (ds: DataSource) => Promise<T>): Promise<T> {
  const ds = new DataSource(dataSourceOptions(target, 2, [], []));
  await ds.initialize();
  try {
    return await work(ds);
  } finally {
    await ds.destroy();
  }
}

/** `verify --archive <dir>`: every archived month in the folder, offline, against this installation's key. */
function verifyArchiveDir(config: AppConfig, dir: string): number {
  const key = loadAuditSigningKey(config);
  const months = readdirSync(dir)
    .map((f) => /^audit-(\d{4}-\d{2})\.manifest\.json$/.exec(f)?.[1])
    .filter((m): m is string => m !== undefined)
    .sort();
  let ok = months.length > 0;
  for (const month of months) {
    const check = verifyArchivedMonth(dir, month, key.publicKey);
    ok &&= check.ok;
    console.log(
      check.ok
        ? `${month}: OK, ${check.eventCount} events`
        : `${month}: BROKEN\n${check.problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
  if (months.length === 0) console.error(`No archived month (audit-YYYY-MM.manifest.json) in ${dir}.`);
  return ok ? 0 : 1;
}

export function describeVerification(result: AuditVerificationResult): string {
  const rate = Math.round(result.eventsChecked / Math.max(result.durationMs / 1000, 0.001));
  const head = `${result.eventsChecked} events in ${result.streams} streams, ${result.checkpointsChecked} checkpoint(s), ${(result.durationMs / 1000).toFixed(1)} s (${rate}/s)`;
  if (result.ok) return `Audit trail OK: ${head}.`;
  const p = result.problem;
  const where = p.eventId ? ` at event ${p.eventId}` : p.checkpointId ? ` in checkpoint ${p.checkpointId}` : '';
  return `Audit trail BROKEN — ${p.kind}${where}${p.stream === null ? '' : ` (stream ${p.stream})`}: ${p.message}. Checked ${head}.`;
}

/** Progress on stderr, at most a few times a second. */
class ProgressLine {
  private last = 0;
  private readonly started = Date.now();

  update(n: number): void {
    const now = Date.now();
    if (now - this.last < 500) return;
    this.last = now;
    const rate = Math.round(n / Math.max((now - this.started) / 1000, 0.001));
    process.stderr.write(`\rVerifying the audit trail: ${n} events (${rate}/s)…   `);
  }

  done(): void {
    if (this.last > 0) process.stderr.write('\n');
  }
}
