import { AppMetrics, DomainError } from '@chartdesk/api-platform';
import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditEventInput } from './audit-event-input';
import { INSERT_AUDIT_EVENT_SQL, auditRowParameters } from './audit-row';

/**
 * The only way events enter the audit trail. Every write is a plain INSERT in
 * a real transaction: no queue, no fire-and-forget. If the INSERT fails, the
 * caller fails with AUDIT_UNAVAILABLE (HTTP 503) and its transaction rolls back.
 */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    // Absent where seed steps and commands build the service by hand.
    @Optional() private readonly metrics?: AppMetrics,
  ) {}

  /** Inside the caller's transaction, on the same EntityManager. Throws (never swallows) on failure. */
  async record(manager: EntityManager, event: AuditEventInput): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      // Outside a transaction the event would not be atomic with the work it describes.
      throw new Error('AuditService.record needs a transactional EntityManager; use withAudit or recordStandalone');
    }
    const parameters = auditRowParameters(event);
    const timer = this.metrics?.auditWriteDuration.startTimer();
    try {
      await manager.query(INSERT_AUDIT_EVENT_SQL, parameters);
      timer?.();
    } catch (error) {
      throw this.unavailable(error, event);
    }
  }

  /**
   * Its own transaction that commits even though the request then fails (denials, failed logins).
   * Call it after the caller's own transaction has ended: it needs a second pooled connection.
   */
  recordStandalone(event: AuditEventInput): Promise<void> {
    return this.dataSource.transaction((manager) => this.record(manager, event));
  }

  /**
   * Runs `work` and the audit insert in ONE transaction; if the audit insert
   * fails the whole thing rolls back and it throws AUDIT_UNAVAILABLE (503).
   */
  withAudit<T>(
    work: (manager: EntityManager) => Promise<T>,
    event: AuditEventInput | ((result: T) => AuditEventInput),
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const result = await work(manager);
      await this.record(manager, typeof event === 'function' ? event(result) : event);
      return result;
    });
  }

  private unavailable(error: unknown, event: AuditEventInput): DomainError {
    // The driver's code and class only: a message could quote parameter values.
    const code = (error as { code?: unknown })?.code;
    this.metrics?.auditWriteFailures.inc({ pg_code: typeof code === 'string' ? code : 'none' });
    this.logger.error(
      { action: event.action, pgCode: typeof code === 'string' ? code : undefined, err: (error as Error)?.name },
      'audit write failed; the request is refused',
    );
    return new DomainError(
      'AUDIT_UNAVAILABLE',
      'The audit trail cannot be written right now, so the request was refused. Try again shortly.',
    );
  }
}
