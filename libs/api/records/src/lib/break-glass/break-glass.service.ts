import { ChartAccessPolicy } from '@chartdesk/api-access';
import { AuditService } from '@chartdesk/api-audit';
import { StepUpService } from '@chartdesk/api-identity';
import { type Actor, type RequestMeta } from '@chartdesk/api-platform';
import { BREAK_GLASS_MINUTES, type BreakGlassGrantView, type BreakGlassRequest } from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { firstRow } from '../store/first-row';
import { BreakGlassReviewQueue } from './break-glass-review-queue';
import { chartNotFound } from '../charts/chart-read.service';
import { type AccessFactsRow, factsFrom, subjectFrom } from '../charts/chart-rows';
import { CHART_ACCESS_FACTS_SQL } from '../charts/chart-sql';

type GrantOutcome =
  | { kind: 'granted'; view: BreakGlassGrantView; patientId: string }
  | { kind: 'denied'; reason: string; patientId: string | null };

/**
 * Break-the-glass: a supervisor or compliance officer, with a reason and a
 * fresh TOTP code, gets 60 minutes on one encounter. Never Part 2, never their
 * own record. Every grant opens a review item for compliance.
 */
@Injectable()
export class BreakGlassService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly stepUp: StepUpService,
    private readonly reviewQueue: BreakGlassReviewQueue,
  ) {}

  async grant(actor: Actor, meta: RequestMeta, request: BreakGlassRequest): Promise<BreakGlassGrantView> {
    // Step-up first (throttled, audited, committed on its own), so a wrong code
    // learns nothing about the encounter and a throttled right code grants nothing.
    await this.stepUp.verify(actor, meta, request.totpCode, 'BREAK_GLASS', {
      resourceType: 'Encounter',
      resourceId: request.encounterId,
    });
    const now = new Date();
    const outcome = await this.dataSource.transaction(async (m): Promise<GrantOutcome> => {
      const [row] = (await m.query(CHART_ACCESS_FACTS_SQL, [
        request.encounterId,
        actor.userId,
        now,
      ])) as AccessFactsRow[];
      if (!row) return { kind: 'denied', reason: 'NOT_FOUND', patientId: null };
      const decision = ChartAccessPolicy.canBreakGlass(subjectFrom(actor, row), factsFrom(row));
      if (!decision.allowed) return { kind: 'denied', reason: decision.reason, patientId: row.patient_id };
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
    switch (outcome.kind) {
      case 'granted':
        return outcome.view;
      case 'denied':
        await this.audit.recordStandalone({
          action: 'ACCESS_DENIED',
          outcome: 'denied',
          outcomeReason: outcome.reason,
          actor,
          meta,
          patientId: outcome.patientId,
          resourceType: 'Encounter',
          resourceId: request.encounterId,
          details: { requested: 'break-glass' },
        });
        throw chartNotFound();
    }
  }
}
