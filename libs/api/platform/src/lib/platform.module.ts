import { type DynamicModule, Global, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { loggerParams } from './http/logging';
import { AppMetrics } from './metrics/app-metrics';
import { MetricsController } from './metrics/metrics.controller';

/** Config, logging and metrics for every other module. Global so domain libs can inject APP_CONFIG. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PlatformModule,
      imports: [LoggerModule.forRoot(loggerParams(config))],
      controllers: [MetricsController],
      providers: [{ provide: APP_CONFIG, useValue: config }, AppMetrics],
      exports: [APP_CONFIG, AppMetrics],
    };
  }
}
