import type { AnomalyRuleSetting } from '@chartdesk/contracts';
import type { EntityManager } from 'typeorm';
import { detectDenialBursts } from '../denial-bursts';
import type { Finding, ScanWindow } from '../finding';

/**
 * N or more refused step-up codes (break-the-glass, MFA reset) by one user
 * within M minutes: what a stolen session guessing its way in looks like.
 * Identity records each refusal as MFA_FAILED with a STEP_UP_* reason.
 */
export async function repeatedStepUpFailures(
  m: EntityManager,
  w: ScanWindow,
  s: AnomalyRuleSetting,
): Promise<Finding[]> {
  const count = s.params['count'] ?? 3;
  const minutes = s.params['minutes'] ?? 15;
  const rows = (await m.query(
    `SELECT e.id::text AS id, e.actor_user_id, e.recorded_at FROM audit_event e
      WHERE e.action = 'MFA_FAILED' AND e.outcome = 'denied' AND e.outcome_reason LIKE 'STEP\\_UP\\_%'
        AND e.actor_user_id IS NOT NULL AND e.recorded_at >= $1 AND e.recorded_at < $2
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
    rule: 'REPEATED_STEP_UP_FAILURES',
    severity: s.severity,
    title: `${b.eventIds.length} refused step-up codes within ${minutes} minutes`,
    dedupeKey: `REPEATED_STEP_UP_FAILURES:${b.userId}:${b.eventIds[0]}`,
    userId: b.userId,
    patientId: null,
    evidence: {
      failures: b.eventIds.length,
      firstAt: b.first.toISOString(),
      lastAt: b.last.toISOString(),
      count,
      minutes,
      eventIds: b.eventIds,
    },
  }));
}

/**
 * Every grant of a role that sees patient data (a supervisor or compliance
 * account created, promoted or enabled) is reviewed, whoever approved it.
 * Identity records it as USER_CHANGED with reason `privileged-role-granted`.
 */
export async function privilegedRoleGrant(m: EntityManager, w: ScanWindow, s: AnomalyRuleSetting): Promise<Finding[]> {
  const rows = (await m.query(
    `SELECT e.id::text AS id, e.actor_user_id, e.resource_id, e.recorded_at, e.details
       FROM audit_event e
      WHERE e.action = 'USER_CHANGED' AND e.outcome = 'success' AND e.outcome_reason = 'privileged-role-granted'
        AND e.recorded_at >= $1 AND e.recorded_at < $2
      ORDER BY e.recorded_at, e.id`,
    [w.from, w.to],
  )) as { id: string; actor_user_id: string | null; resource_id: string | null; recorded_at: Date; details: unknown }[];
  return rows.map((r) => {
    const details = (r.details ?? {}) as Record<string, unknown>;
    return {
      rule: 'PRIVILEGED_ROLE_GRANT',
      severity: s.severity,
      title: `Privileged role ${String(details['role'] ?? '')} granted`.trim(),
      dedupeKey: `PRIVILEGED_ROLE_GRANT:${r.id}`,
      userId: r.resource_id,
      patientId: null,
      evidence: {
        grantedAt: r.recorded_at.toISOString(),
        role: details['role'] ?? null,
        requestedBy: details['requestedBy'] ?? null,
        approvedBy: r.actor_user_id,
        eventIds: [r.id],
      },
    };
  });
}
