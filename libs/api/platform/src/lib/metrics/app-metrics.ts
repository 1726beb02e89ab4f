import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Pool figures read at scrape time (pg-pool's own counters). */
export interface PoolStats {
  readonly total: number;
  readonly idle: number;
  readonly waiting: number;
  readonly max: number;
}

/**
 * The app's Prometheus metrics in one registry per app instance (not
 * prom-client's global one, so several apps in one process — tests — do not
 * collide). Labels are route templates and codes only: never ids, users or
 * anything about a patient.
 */
@Injectable()
export class AppMetrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'chartdesk_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'chartdesk_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route template and status class',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly auditWriteDuration = new Histogram({
    name: 'chartdesk_audit_write_duration_seconds',
    help: 'Time of one audit event INSERT (chain trigger included)',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 2],
    registers: [this.registry],
  });

  readonly auditWriteFailures = new Counter({
    name: 'chartdesk_audit_write_failures_total',
    help: 'Audit events that could not be written (the request was refused with 503)',
    labelNames: ['pg_code'] as const,
    registers: [this.registry],
  });

  readonly chainVerificationOk = new Gauge({
    name: 'chartdesk_audit_chain_verification_ok',
    help: '1 when the last chain verification found nothing, 0 when it found problems',
    registers: [this.registry],
  });

  readonly chainVerificationProblems = new Gauge({
    name: 'chartdesk_audit_chain_verification_problems',
    help: 'Problems the last chain verification found',
    registers: [this.registry],
  });

  readonly chainVerificationTimestamp = new Gauge({
    name: 'chartdesk_audit_chain_verification_timestamp_seconds',
    help: 'When the last chain verification finished (Unix time); alert on its age',
    registers: [this.registry],
  });

  private poolStats: (() => PoolStats | null) | null = null;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'chartdesk_' });
    this.poolGauge('chartdesk_db_pool_connections', 'Connections the pool holds', (s) => s.total);
    this.poolGauge('chartdesk_db_pool_idle_connections', 'Pooled connections not in use', (s) => s.idle);
    this.poolGauge('chartdesk_db_pool_waiting_requests', 'Requests waiting for a free connection', (s) => s.waiting);
    this.poolGauge('chartdesk_db_pool_max_connections', 'Pool size limit (DB_POOL_SIZE)', (s) => s.max);
  }

  /** The database lib hands over its pool once it exists. */
  watchPool(stats: () => PoolStats | null): void {
    this.poolStats = stats;
  }

  /** A gauge read from the pool at scrape time. */
  private poolGauge(name: string, help: string, pick: (stats: PoolStats) => number): void {
    const read = (): PoolStats | null => this.poolStats?.() ?? null;
    new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        const stats = read();
        if (stats) this.set(pick(stats));
      },
    });
  }

  recordVerification(problems: number): void {
    this.chainVerificationOk.set(problems === 0 ? 1 : 0);
    this.chainVerificationProblems.set(problems);
    this.chainVerificationTimestamp.set(Date.now() / 1000);
  }
}
