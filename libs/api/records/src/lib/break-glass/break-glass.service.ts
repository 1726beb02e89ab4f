import { AuditService } from '@chartdesk/api-audit';
import { MfaService, UsersRepository } from '@chartdesk/api-identity';
import { type Actor, DomainError, type RequestMeta } from '@chartdesk/api-platform';
import { BREAK_GLASS_MINUTES, type BreakGlassGrantView, type BreakGlassRequest } from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { firstRow } from '../store/first-row';
import { BreakGlassReviewQueue } from './break-glass-review-queue';
import { ChartAccess } from '../access/chart-access.service';
import { ChartDenied } from '../access/chart-denied';

type GrantOutcome =
  | { kind: 'granted'; view: BreakGlassGrantView; patientId: string }
  | { kind: 'bad-code' }
  | { kind: 'denied'; denial: ChartDenied };

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
    private readonly mfa: MfaService,
    private readonly users: UsersRepository,
    private readonly reviewQueue: BreakGlassReviewQueue,
    private readonly access: ChartAccess,
  ) {}

  async grant(actor: Actor, meta: RequestMeta, request: BreakGlassRequest): Promise<BreakGlassGrantView> {
    const now = new Date();
    const outcome = await this.dataSource.transaction(async (m): Promise<GrantOutcome> => {
      // Step-up first, so a wrong code learns nothing about the encounter.
      const user = await this.users.findById(actor.userId, m, true);
      if (!user || (await this.mfa.acceptCode(m, user, request.totpCode)) !== 'totp') return { kind: 'bad-code' };
      let row: { patient_id: string };
      try {
        row = {
          patient_id: (await this.access.require(m, actor, 'break-glass', request.encounterId, { now })).patientId,
        };
      } catch (error) {
        // The spent step-up code stays spent: the refusal commits, then ChartAccess audits it and answers 404.
        if (error instanceof ChartDenied) return { kind: 'denied', denial: error };
        throw error;
      }
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
      case 'bad-code':
        await this.audit.recordStandalone({
          action: 'MFA_FAILED',
          outcome: 'denied',
          outcomeReason: 'BREAK_GLASS_STEP_UP',
          actor,
          meta,
          resourceType: 'Encounter',
          resourceId: request.encounterId,
        });
        throw new DomainError('FORBIDDEN', 'The authenticator code is not valid. Enter a fresh code.');
      case 'denied':
        return this.access.refuse(actor, meta, outcome.denial);
    }
  }
}
