import { AccessGuardsModule } from '@chartdesk/api-access';
import { AuditModule } from '@chartdesk/api-audit';
import { ComplianceModule } from '@chartdesk/api-compliance';
import { DatabaseModule, type OpenDatabase } from '@chartdesk/api-database';
import { CodesetsModule } from '@chartdesk/api-codesets';
import { ApiRecordsModule } from '@chartdesk/api-records';
import { type AppConfig, PlatformModule } from '@chartdesk/api-platform';
import { ApiWorklistModule } from '@chartdesk/api-worklist';
import { ApiQualityModule } from '@chartdesk/api-quality';
import { type DynamicModule, Module } from '@nestjs/common';

/** Composition only: each domain lives in its own lib and is imported here. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: OpenDatabase): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config),
        DatabaseModule.forRoot({
          target: database.target,
          mode: database.mode,
          poolSize: config.dbPoolSize,
          timeouts: config.dbTimeouts,
        }),
        AuditModule,
        AccessGuardsModule,
        CodesetsModule,
        ApiRecordsModule,
        ComplianceModule,
        ApiWorklistModule,
        ApiQualityModule,
      ],
    };
  }
}
