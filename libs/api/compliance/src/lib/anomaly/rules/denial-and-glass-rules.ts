import type { AnomalyRuleSetting } from '@chartdesk/contracts';
import type { EntityManager } from 'typeorm';
import { detectDenialBursts } from '../denial-bursts';
import type { Finding, ScanWindow } from '../finding';

/** N or more access denials by one user within M minutes. */
export async function repeatedDenials(m: EntityManager, w: ScanWindow, s: AnomalyRuleSetting): Promise<Finding[]> {
  const count = s.params['count'] ?? 5;
  const minutes = s.params['minutes'] ?? 10;
  // Look back one window so a burst that straddles two scans is still seen whole.
  const rows = (await m.query(
    `SELECT e.id::text AS id, e.actor_user_id, e.recorded_at FROM audit_event e
      WHERE e.outcome = 'denied' AND e.recorded_at >= $1 AND e.recorded_at < $2
        AND e.action = 'ACCESS_DENIED' AND e.actor_user_id IS NOT NULL
      ORDER BY e.recorded_at, e.id`,
    [new Date(w.from.getTime() - minutes * 60_000), w.to],
  )) as { id: string; actor_user_id: string; recorded_at: Date }[];
  const bursts = detectDenialBursts(
    rows.map((r) => ({ id: r.id, userId: r.actor_user_id, at: r.recorded_at })),
    count,
    minutes,
    w.from,
  );
  return bursts.map((b) => ({
    rule: 'REPEATED_DENIALS',
    severity: s.severity,
    title: `${b.eventIds.length} access denials within ${minutes} minutes`,
    dedupeKey: `REPEATED_DENIALS:${b.userId}:${b.eventIds[0]}`,
    userId: b.userId,
    patientId: null,
    evidence: {
      denials: b.eventIds.length,
      firstAt: b.first.toISOString(),
      lastAt: b.last.toISOString(),
      count,
      minutes,
      eventIds: b.eventIds,
    },
  }));
}

/** Every break-the-glass grant is reviewed. The records lib opens the item; this gives it its evidence. */
export async function breakGlass(m: EntityManager, w: ScanWindow, s: AnomalyRuleSetting): Promise<Finding[]> {
  const rows = (await m.query(
    `SELECT e.id::text AS id, e.actor_user_id, e.patient_id, e.resource_id, e.purpose, e.recorded_at,
            e.details->>'grantId' AS grant_id
       FROM audit_event e
      WHERE e.action = 'BREAK_GLASS_GRANTED' AND e.outcome = 'success' AND e.recorded_at >= $1 AND e.recorded_at < $2
      ORDER BY e.recorded_at, e.id`,
    [w.from, w.to],
  )) as {
    id: string;
    actor_user_id: string;
    patient_id: string | null;
    resource_id: string | null;
    purpose: string | null;
    recorded_at: Date;
    grant_id: string | null;
  }[];
  return rows.map((r) => ({
    rule: 'BREAK_GLASS',
    severity: s.severity,
    title: `Break-the-glass access (${(r.purpose ?? '').replace(/^break-glass:/, '') || 'no reason code'})`,
    dedupeKey: `BREAK_GLASS:${r.grant_id ?? `event-${r.id}`}`,
    userId: r.actor_user_id,
    patientId: r.patient_id,
    encounterId: r.resource_id,
    grantId: r.grant_id,
    evidence: { grantedAt: r.recorded_at.toISOString(), reasonCode: r.purpose, eventIds: [r.id] },
  }));
}
