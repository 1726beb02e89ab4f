import { readFileSync, writeFileSync } from 'node:fs';
import { type ConnectionTarget, dataSourceOptions } from '@chartdesk/api-database';
import { type AppConfig, parseCommandArgs } from '@chartdesk/api-platform';
import type { AuditVerificationResult } from '@chartdesk/contracts';
import { DataSource } from 'typeorm';
import { AuditCheckpointService } from '../checkpoint/audit-checkpoint.service';
import { loadAuditSigningKey } from '../checkpoint/signing-key';
import { AuditVerifier } from '../verify/audit-verifier';

export type AuditCommand = (config: AppConfig, args: readonly string[], target: ConnectionTarget) => Promise<number>;

/**
 * `verify [--checkpoint <file>]`, `checkpoint`, `export-checkpoint <file> [--latest]`.
 * Exit codes: 0 ok, 1 the trail failed verification, 2 usage.
 */
export const AUDIT_COMMANDS: Readonly<Record<'verify' | 'checkpoint' | 'export-checkpoint', AuditCommand>> = {
  verify: (config, args, target) => {
    const parsed = parseCommandArgs(args, {
      options: { checkpoint: { type: 'string' } },
      usage:
        'Usage: verify [--checkpoint <file>]   (the file written by export-checkpoint also catches a truncated tail)',
    });
    if (!parsed) return Promise.resolve(2);
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
