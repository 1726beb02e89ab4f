import { AuditCheckpointService, AuditService, AuditVerifier } from '@chartdesk/api-audit';
import type { Actor, RequestMeta } from '@chartdesk/api-platform';
import type { AuditCheckpointExport, IntegrityProgressLine } from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FindingsWriter } from '../anomaly/findings.writer';
import { RuleSettingsService } from '../anomaly/rule-settings.service';

/**
 * The integrity page's work: run the audit helper's verifier with progress,
 * record the run (CHAIN_VERIFIED), and turn a failure into a critical review item.
 */
@Injectable()
export class IntegrityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly verifier: AuditVerifier,
    private readonly checkpoints: AuditCheckpointService,
    private readonly audit: AuditService,
    private readonly settings: RuleSettingsService,
    private readonly writer: FindingsWriter,
  ) {}

  async verificationDue(hours: number): Promise<boolean> {
    const [row] = (await this.dataSource.query('SELECT chain_verified_at FROM anomaly_scan_state WHERE id = 1')) as {
      chain_verified_at: Date | null;
    }[];
    return !row?.chain_verified_at || Date.now() - row.chain_verified_at.getTime() > hours * 3_600_000;
  }

  /** Streams progress lines through `emit`; the last line is the result. Null actor: the scheduler. */
  async verifyChain(
    actor: Actor | null,
    meta: RequestMeta | null,
    emit: (line: IntegrityProgressLine) => void,
  ): Promise<IntegrityProgressLine> {
    const result = await this.verifier.verify({
      onProgress: (eventsChecked) => emit({ type: 'progress', eventsChecked }),
    });
    const message = result.ok
      ? `All ${result.eventsChecked} events in ${result.streams} chain streams verified; ${result.checkpointsChecked} checkpoints checked.`
      : result.problem.message;
    const reviewItemId = await this.audit.withAudit(
      async (m) => {
        await m.query(
          `INSERT INTO anomaly_scan_state (id, scanned_to, chain_verified_at) VALUES (1, now() - interval '45 days', now())
           ON CONFLICT (id) DO UPDATE SET chain_verified_at = now()`,
        );
        if (result.ok) return null;
        const setting = (await this.settings.all(m)).find((s) => s.rule === 'CHAIN_VERIFICATION_FAILED');
        if (setting && !setting.enabled) return null;
        const dedupeKey = `CHAIN_VERIFICATION_FAILED:${result.problem.kind}:${result.problem.eventId ?? result.problem.checkpointId ?? 'tail'}`;
        await this.writer.write(m, [
          {
            rule: 'CHAIN_VERIFICATION_FAILED',
            severity: setting?.severity ?? 'CRITICAL',
            title: `Audit chain verification failed: ${result.problem.kind}`,
            dedupeKey,
            userId: null,
            patientId: null,
            evidence: { ...result.problem, eventsChecked: result.eventsChecked },
          },
        ]);
        const [row] = (await m.query('SELECT id FROM review_item WHERE dedupe_key = $1', [dedupeKey])) as {
          id: string;
        }[];
        return row?.id ?? null;
      },
      (itemId) => ({
        action: 'CHAIN_VERIFIED',
        outcome: result.ok ? 'success' : 'error',
        outcomeReason: result.ok ? undefined : result.problem.kind,
        actor,
        meta: meta ?? undefined,
        resourceType: 'AuditChain',
        details: { eventsChecked: result.eventsChecked, durationMs: result.durationMs, reviewItemId: itemId },
      }),
    );
    const line: IntegrityProgressLine = {
      type: 'result',
      ok: result.ok,
      eventsChecked: result.eventsChecked,
      message,
      reviewItemId,
    };
    emit(line);
    return line;
  }

  /** The newest signed checkpoint as the file compliance keeps outside the database. */
  latestCheckpoint(): Promise<AuditCheckpointExport | null> {
    return this.checkpoints.latest();
  }
}
