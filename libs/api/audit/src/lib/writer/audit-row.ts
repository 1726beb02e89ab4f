import { isIP } from 'node:net';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from '@chartdesk/contracts';
import type { AuditEventInput } from './audit-event-input';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Column limits: generous for real values, small enough that a hostile header cannot bloat the table. */
const MAX_TEXT = 512;
const MAX_DETAILS_BYTES = 8192;

/** The INSERT the writer runs. Everything chain-related is filled in by the database trigger. */
export const INSERT_AUDIT_EVENT_SQL = `INSERT INTO audit_event
  (action, outcome, outcome_reason, actor_user_id, actor_role, session_id, patient_id,
   resource_type, resource_id, purpose, ip, user_agent, request_id, details)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`;

/**
 * Turns an event into the INSERT parameters. A malformed event is a
 * programming error: it throws, and the caller's transaction fails with it.
 */
export function auditRowParameters(event: AuditEventInput): unknown[] {
  if (!(AUDIT_ACTIONS as readonly string[]).includes(event.action)) {
    throw new Error(`audit event: unknown action ${JSON.stringify(event.action)}`);
  }
  if (!(AUDIT_OUTCOMES as readonly string[]).includes(event.outcome)) {
    throw new Error(`audit event: unknown outcome ${JSON.stringify(event.outcome)}`);
  }
  const details = event.details ?? {};
  const detailsJson = JSON.stringify(details);
  if (typeof details !== 'object' || Array.isArray(details) || detailsJson === undefined) {
    throw new Error('audit event: details must be a plain object');
  }
  if (Buffer.byteLength(detailsJson) > MAX_DETAILS_BYTES) {
    throw new Error(`audit event: details exceed ${MAX_DETAILS_BYTES} bytes`);
  }
  const ip = event.meta?.ip;
  return [
    event.action,
    event.outcome,
    bounded(event.outcomeReason),
    uuidOrNull('actor.userId', event.actor?.userId),
    bounded(event.actor?.role),
    uuidOrNull('actor.sessionId', event.actor?.sessionId),
    uuidOrNull('patientId', event.patientId),
    bounded(event.resourceType),
    bounded(event.resourceId),
    bounded(event.purpose),
    // Fastify always yields an address; anything else is stored as unknown rather than failing the request.
    ip && isIP(ip) ? ip : null,
    bounded(event.meta?.userAgent),
    bounded(event.meta?.requestId),
    detailsJson,
  ];
}

function bounded(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  return value.length > MAX_TEXT ? value.slice(0, MAX_TEXT) : value;
}

function uuidOrNull(field: string, value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (!UUID.test(value)) throw new Error(`audit event: ${field} must be a UUID`);
  return value.toLowerCase();
}
