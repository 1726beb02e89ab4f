import type { EntityManager } from 'typeorm';
import type { AuditEventInput } from './audit-event-input';
import { auditRowParameters } from './audit-row';

/** A past event: the one case where the caller, not the server clock, says when. */
export interface BackdatedAuditEvent extends AuditEventInput {
  readonly recordedAt: Date;
}

const ROWS_PER_STATEMENT = 500;
const COLUMNS = 15;

/**
 * Appends past events (the demo's generated access history) through the
 * normal chain trigger, inside the caller's transaction. The trigger accepts a
 * back-dated time only from the schema owner with `chartdesk.audit_backfill`
 * on, so this runs as the owner (the migration role in server mode); the app
 * role gets "audit events take the server clock". Nothing turns triggers off:
 * the events are chained, numbered and hashed like any other.
 */
export async function recordBackdatedEvents(m: EntityManager, events: readonly BackdatedAuditEvent[]): Promise<number> {
  if (!m.queryRunner?.isTransactionActive) throw new Error('recordBackdatedEvents needs a transactional EntityManager');
  await m.query("SELECT set_config('chartdesk.audit_backfill', 'on', true)");
  const months = new Set(events.map((e) => e.recordedAt.toISOString().slice(0, 7)));
  for (const month of months) await m.query('SELECT audit_ensure_partition($1::date)', [`${month}-01`]);
  for (let from = 0; from < events.length; from += ROWS_PER_STATEMENT) {
    const chunk = events.slice(from, from + ROWS_PER_STATEMENT);
    const params: unknown[] = [];
    const rows = chunk.map((event, i) => {
      params.push(event.recordedAt, ...auditRowParameters(event));
      const base = i * COLUMNS;
      return `(${Array.from({ length: COLUMNS }, (_, c) => `$${base + c + 1}`).join(', ')})`;
    });
    await m.query(
      `INSERT INTO audit_event (recorded_at, action, outcome, outcome_reason, actor_user_id, actor_role, session_id,
         patient_id, resource_type, resource_id, purpose, ip, user_agent, request_id, details)
       VALUES ${rows.join(', ')}`,
      params,
    );
  }
  await m.query("SELECT set_config('chartdesk.audit_backfill', 'off', true)");
  return events.length;
}
