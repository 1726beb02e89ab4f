import { AppMetrics } from '@chartdesk/api-platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';

/** Hands the app pool's live counters to the metrics registry (read at each scrape). */
@Injectable()
export class PoolMetrics implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly metrics: AppMetrics,
  ) {}

  onModuleInit(): void {
    const pool = (): Pool | undefined => (this.dataSource.driver as unknown as { master?: Pool }).master;
    this.metrics.watchPool(() => {
      const p = pool();
      if (!p) return null;
      return { total: p.totalCount, idle: p.idleCount, waiting: p.waitingCount, max: p.options.max ?? 0 };
    });
  }
}
