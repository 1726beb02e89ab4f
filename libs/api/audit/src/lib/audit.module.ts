import { APP_CONFIG, type AppConfig } from '@chartdesk/api-platform';
import { Global, Module } from '@nestjs/common';
import { AuditCheckpointScheduler } from './checkpoint/audit-checkpoint.scheduler';
import { AuditCheckpointService } from './checkpoint/audit-checkpoint.service';
import { AUDIT_SIGNING_KEY, loadAuditSigningKey } from './checkpoint/signing-key';
import { AuditVerifier } from './verify/audit-verifier';
import { AuditService } from './writer/audit.service';

/**
 * The audit trail. Global, because every domain writes through AuditService.
 * The tables are plain SQL (raw INSERTs, streamed reads), so no entities.
 */
@Global()
@Module({
  providers: [
    AuditService,
    AuditCheckpointService,
    AuditCheckpointScheduler,
    AuditVerifier,
    {
      provide: AUDIT_SIGNING_KEY,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => loadAuditSigningKey(config),
    },
  ],
  exports: [AuditService, AuditCheckpointService, AuditVerifier],
})
export class AuditModule {}
