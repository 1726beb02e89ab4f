import { AuditService } from '@chartdesk/api-audit';
import { StepUpService } from '@chartdesk/api-identity';
import { type Actor, type RequestMeta } from '@chartdesk/api-platform';
import { BREAK_GLASS_MINUTES, type BreakGlassGrantView, type BreakGlassRequest } from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import { firstRow } from '../store/first-row';
import { BreakGlassReviewQueue } from './break-glass-review-queue';
import { ChartAccess } from '../access/chart-access.service';

type GrantOutcome = { kind: 'granted'; view: BreakGlassGrantView; patientId: string };

/**
 * Break-the-glass: a supervisor or compliance officer, with a reason and a
 * fresh TOTP code, gets 60 minutes on one encounter. Never Part 2, never their
 * own record. Every grant opens a review item for compliance.
 */
@Injectable()
export class BreakGlassService {
  constructor(
    private readonly audit: AuditService,
    private readonly stepUp: StepUpService,
    private readonly reviewQueue: BreakGlassReviewQueue,
    private readonly access: ChartAccess,
  ) {}

  async grant(actor: Actor, meta: RequestMeta, request: BreakGlassRequest): Promise<BreakGlassGrantView> {
    // Step-up first (throttled, audited, committed on its own), so a wrong code
    // learns nothing about the encounter and a throttled right code grants nothing.
    await this.stepUp.verify(actor, meta, request.totpCode, 'BREAK_GLASS', {
      resourceType: 'Encounter',
      resourceId: request.encounterId,
    });
    const now = new Date();
    const outcome = await this.access.run(actor, meta, async (m): Promise<GrantOutcome> => {
      const row = {
        patient_id: (await this.access.require(m, actor, 'break-glass', request.encounterId, { now })).patientId,
      };
      const expiresAt = new Date(now.getTime() + BREAK_GLASS_MINUTES * 60_000);
      const grant = firstRow(
        (await m.query(
          `INSERT INTO break_glass_grant (encounter_id, user_id, session_id, reason_code, reason_text, granted_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [request.encounterId, actor.userId, actor.sessionId, request.reasonCode, request.reasonText, now, expiresAt],
        )) as { id: string }[],
        'break_glass_grant',
      );
      const item = {
        id: await this.reviewQueue.open(m, {
          userId: actor.userId,
          encounterId: request.encounterId,
          patientId: row.patient_id,
          grantId: grant.id,
          at: now,
        }),
      };
      await this.audit.record(m, {
        action: 'BREAK_GLASS_GRANTED',
        outcome: 'success',
        actor,
        meta,
        patientId: row.patient_id,
        resourceType: 'Encounter',
        resourceId: request.encounterId,
        purpose: `break-glass:${request.reasonCode}`,
        details: { grantId: grant.id, reviewItemId: item.id, minutes: BREAK_GLASS_MINUTES },
      });
      return {
        kind: 'granted',
        patientId: row.patient_id,
        view: {
          id: grant.id,
          encounterId: request.encounterId,
          userId: actor.userId,
          reasonCode: request.reasonCode,
          grantedAt: now.toISOString(),
          expiresAt: expiresAt.toISOString(),
          reviewItemId: item.id,
        },
      };
    });
    return outcome.view;
  }
}
