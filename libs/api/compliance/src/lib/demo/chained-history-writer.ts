import { recordBackdatedEvents } from '@chartdesk/api-audit';
import type { EntityManager } from 'typeorm';
import type { HistoryEvent } from './demo-history';

/**
 * Appends the demo's past events to the audit chain through the audit lib's
 * back-dating path (the chain trigger numbers and hashes them; triggers stay
 * on). The trigger accepts past times only from the schema owner, so the demo
 * seed runs as the owner role; the verifier then checks them like any other.
 */
export function appendChainedHistory(m: EntityManager, events: readonly HistoryEvent[]): Promise<number> {
  return recordBackdatedEvents(
    m,
    events.map((e) => ({
      recordedAt: e.at,
      action: e.action,
      outcome: e.outcome,
      outcomeReason: e.outcomeReason ?? undefined,
      actor: { userId: e.userId, role: e.role, sessionId: null },
      meta: { requestId: '', ip: e.ip, userAgent: 'ChartDesk demo history' },
      patientId: e.patientId,
      resourceType: e.encounterId ? 'Encounter' : null,
      resourceId: e.encounterId,
      purpose: e.purpose,
      details: e.details,
    })),
  );
}
