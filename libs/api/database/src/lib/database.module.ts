import type { DatabaseTimeouts } from '@chartdesk/api-platform';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { type ConnectionTarget, dataSourceOptions } from './data-source-options';
import { HealthController } from './health/health.controller';
import { PoolMetrics } from './pool-metrics';

import { DATABASE_MODE } from './database-mode.token';

/** The app's TypeORM connection. Domain libs register their entities with `TypeOrmModule.forFeature`. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: {
    target: ConnectionTarget;
    mode: 'embedded' | 'server';
    poolSize: number;
    /** The API pool's limits in server mode (the embedded database keeps the maintenance ones). */
    timeouts: DatabaseTimeouts;
  }): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(
            options.target,
            options.poolSize,
            [],
            [],
            options.mode === 'server' ? options.timeouts : undefined,
          ),
          autoLoadEntities: true,
          // Migrations already ran (or were refused) before the app was built.
          migrationsRun: false,
        }),
        TerminusModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: DATABASE_MODE, useValue: options.mode }, PoolMetrics],
      exports: [DATABASE_MODE],
    };
  }
}
