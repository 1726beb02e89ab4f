import { type Actor, DomainError } from '@chartdesk/api-platform';
import { LEASE_TTL_SECONDS, type LeaseView } from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { oneRow, returningRows } from '../status/returning-rows';

function leaseHeldElsewhere(): DomainError {
  return new DomainError('CONFLICT', 'This chart is open in another session. Ask your supervisor if it is stuck.', {
    reason: 'LEASE_HELD',
  });
}

function leaseLost(): DomainError {
  return new DomainError('CONFLICT', 'Your hold on this chart lapsed or was released. Reopen the chart.', {
    reason: 'LEASE_LOST',
  });
}

/**
 * One editing session per chart. The lease is a row keyed by the chart, taken
 * with a single INSERT … ON CONFLICT and timed by the database clock, so any
 * number of API instances agree on who holds it without talking to each other.
 */
@Injectable()
export class ChartLeaseService {
  /** Takes the lease, or renews it when this session already holds it; an expired lease is taken over. */
  async acquire(m: EntityManager, encounterId: string, actor: Actor): Promise<LeaseView> {
    const rows = (await m.query(
      `INSERT INTO chart_lease (encounter_id, user_id, session_id, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4::double precision))
       ON CONFLICT (encounter_id) DO UPDATE
          SET user_id = EXCLUDED.user_id, session_id = EXCLUDED.session_id,
              acquired_at = CASE WHEN chart_lease.session_id = EXCLUDED.session_id
                                 THEN chart_lease.acquired_at ELSE now() END,
              heartbeat_at = now(), expires_at = EXCLUDED.expires_at
        WHERE chart_lease.session_id = EXCLUDED.session_id OR chart_lease.expires_at <= now()
       RETURNING expires_at`,
      [encounterId, actor.userId, actor.sessionId, LEASE_TTL_SECONDS],
    )) as { expires_at: Date }[];
    if (rows.length === 0) throw leaseHeldElsewhere();
    return { heldByMe: true, expiresAt: oneRow(rows).expires_at.toISOString() };
  }

  async heartbeat(m: EntityManager, encounterId: string, actor: Actor): Promise<LeaseView> {
    const rows = returningRows<{ expires_at: Date }>(
      await m.query(
        `UPDATE chart_lease SET heartbeat_at = now(), expires_at = now() + make_interval(secs => $3::double precision)
          WHERE encounter_id = $1 AND session_id = $2 AND expires_at > now()
         RETURNING expires_at`,
        [encounterId, actor.sessionId, LEASE_TTL_SECONDS],
      ),
    );
    if (rows.length === 0) throw leaseLost();
    return { heldByMe: true, expiresAt: oneRow(rows).expires_at.toISOString() };
  }

  /** Changing codes needs a live lease of this very session. */
  async requireHeld(m: EntityManager, encounterId: string, actor: Actor): Promise<void> {
    const rows = (await m.query(
      'SELECT 1 FROM chart_lease WHERE encounter_id = $1 AND session_id = $2 AND expires_at > now()',
      [encounterId, actor.sessionId],
    )) as unknown[];
    if (rows.length === 0) throw leaseLost();
  }

  async release(m: EntityManager, encounterId: string, actor: Actor): Promise<boolean> {
    const rows = returningRows<unknown>(
      await m.query('DELETE FROM chart_lease WHERE encounter_id = $1 AND session_id = $2 RETURNING encounter_id', [
        encounterId,
        actor.sessionId,
      ]),
    );
    return rows.length > 0;
  }

  /** Whoever holds it (a supervisor breaking a stuck lease, or the chart changing hands). */
  async breakAny(m: EntityManager, encounterId: string): Promise<{ userId: string } | null> {
    const [row] = returningRows<{ user_id: string }>(
      await m.query('DELETE FROM chart_lease WHERE encounter_id = $1 RETURNING user_id', [encounterId]),
    );
    return row ? { userId: row.user_id } : null;
  }
}
