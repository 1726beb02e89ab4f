import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { type ConnectionTarget, dataSourceOptions } from '@chartdesk/api-database';
import type { AppConfig } from '@chartdesk/api-platform';
import type { AuditVerificationResult } from '@chartdesk/contracts';
import { DataSource } from 'typeorm';
import { AuditCheckpointService } from '../checkpoint/audit-checkpoint.service';
import { loadAuditSigningKey } from '../checkpoint/signing-key';
import { verifyArchivedMonth } from '../retention/archive-format';
import { archiveAuditMonth, expiredAuditMonths } from '../retention/archive-month';
import { AuditVerifier } from '../verify/audit-verifier';

export type AuditCommand = (config: AppConfig, args: readonly string[], target: ConnectionTarget) => Promise<number>;

/**
 * `verify [--checkpoint <file>]`, `checkpoint`, `export-checkpoint <file> [--latest]`.
 * Exit codes: 0 ok, 1 the trail failed verification, 2 usage.
 */
export const AUDIT_COMMANDS: Readonly<
  Record<'verify' | 'checkpoint' | 'export-checkpoint' | 'archive-audit', AuditCommand>
> = {
  verify: (config, args, target) => {
    const archive = optionValue(args, '--archive');
    if (archive !== undefined) return Promise.resolve(verifyArchiveDir(config, archive));
    return withDataSource(target, async (ds) => {
      const file = optionValue(args, '--checkpoint');
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
  'archive-audit': (config, args, target) =>
    withDataSource(target, async (ds) => {
      const out = optionValue(args, '--out');
      if (!out) {
        console.error('Usage: archive-audit --out <dir> [--retention-months N]   (default AUDIT_RETENTION_MONTHS)');
        return 2;
      }
      const months = Number(optionValue(args, '--retention-months') ?? config.auditRetentionMonths);
      const key = loadAuditSigningKey(config);
      const due = await expiredAuditMonths(ds, months);
      if (due.length === 0) console.log(`No month is older than the ${months}-month retention period.`);
      for (const month of due) {
        const done = await archiveAuditMonth(ds, key, month, out);
        console.log(`Archived ${month}: ${done.eventCount} events to ${done.file}, verified, partition dropped.`);
      }
      return 0;
    }),
  checkpoint: (config, _args, target) =>
    withDataSource(target, async (ds) => {
      const checkpoint = await new AuditCheckpointService(ds, loadAuditSigningKey(config)).create();
      console.log(
        `Checkpoint ${checkpoint?.id} signed: ${checkpoint?.eventCount} events in ${checkpoint?.heads.length} streams.`,
      );
      return 0;
    }),
  'export-checkpoint': (config, args, target) =>
    withDataSource(target, async (ds) => {
      const out = args.find((a) => !a.startsWith('--'));
      if (!out) {
        console.error('Usage: export-checkpoint <file> [--latest]   (default: take a new checkpoint and export it)');
        return 2;
      }
      const service = new AuditCheckpointService(ds, loadAuditSigningKey(config));
      const checkpoint = args.includes('--latest') ? await service.latest() : await service.create();
      if (!checkpoint) {
        console.error('No checkpoint has been taken yet.');
        return 1;
      }
      writeFileSync(out, `${JSON.stringify(checkpoint, null, 2)}\n`, { flag: 'w' });
      console.log(
        `Exported checkpoint ${checkpoint.id} (${checkpoint.eventCount} events) to ${out}. Keep it outside this server.`,
      );
      return 0;
    }),
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

function optionValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export function describeVerification(result: AuditVerificationResult): string {
  const rate = Math.round(result.eventsChecked / Math.max(result.durationMs / 1000, 0.001));
  const head = `${result.eventsChecked} events in ${result.streams} streams, ${result.checkpointsChecked} checkpoint(s), ${(result.durationMs / 1000).toFixed(1)} s (${rate}/s)`;
  if (result.ok) return `Audit trail OK: ${head}.`;
  const lines = result.problems.map((p) => {
    const where = p.eventId ? ` at event ${p.eventId}` : p.checkpointId ? ` in checkpoint ${p.checkpointId}` : '';
    return `  - ${p.kind}${where}${p.stream === null ? '' : ` (stream ${p.stream})`}: ${p.message}`;
  });
  if (result.problemsOmitted > 0) lines.push(`  … and ${result.problemsOmitted} more`);
  const count = result.problems.length + result.problemsOmitted;
  return `Audit trail BROKEN — ${count} problem(s), earliest first:\n${lines.join('\n')}\nChecked ${head}.`;
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
