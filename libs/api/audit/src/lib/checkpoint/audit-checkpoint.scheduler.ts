import { APP_CONFIG, type AppConfig } from '@chartdesk/api-platform';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createAuditPartitions, ensureAuditSchema } from '../schema/audit-schema-maintenance';
import { AuditCheckpointService } from './audit-checkpoint.service';

/** Without checkpoints, partitions are still topped up this often. */
const PARTITION_CHECK_MS = 3_600_000;

/**
 * On start: the configured chain streams and next months' partitions. Then a
 * timer (unref'd, so it never keeps the process alive) that takes a signed
 * checkpoint when events were recorded and keeps partitions ahead.
 */
@Injectable()
export class AuditCheckpointScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Audit');
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly checkpoints: AuditCheckpointService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await ensureAuditSchema(this.dataSource, this.config.auditChainStreams);
    const seconds = this.config.auditCheckpointIntervalSeconds;
    if (seconds === 0 && this.config.env === 'test') return;
    const every = seconds > 0 ? seconds * 1000 : PARTITION_CHECK_MS;
    this.timer = setInterval(() => void this.tick(seconds > 0), every);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async tick(checkpoint: boolean): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await createAuditPartitions(this.dataSource);
      if (checkpoint) await this.checkpoints.create({ onlyIfChanged: true });
    } catch (error) {
      // The next tick retries; writes never depend on this timer.
      this.logger.error({ err: (error as Error)?.name }, 'audit checkpoint failed');
    } finally {
      this.running = false;
    }
  }
}
