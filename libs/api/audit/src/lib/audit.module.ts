import { APP_CONFIG, type AppConfig } from '@chartdesk/api-platform';
import { Global, Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ensureAuditSchema } from './schema/audit-schema-maintenance';
import { AuditService } from './writer/audit.service';

/**
 * The audit trail. Global, because every domain writes through AuditService.
 * The tables are plain SQL (raw INSERTs, streamed reads), so no entities.
 */
@Global()
@Module({
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await ensureAuditSchema(this.dataSource, this.config.auditChainStreams);
  }
}
