import { ChartAccessPolicy } from '@chartdesk/api-access';
import { AuditService } from '@chartdesk/api-audit';
import { type Actor, DomainError, type RequestMeta } from '@chartdesk/api-platform';
import type { InvestigationView, OpenInvestigationRequest } from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';

interface InvestigationRow {
  id: string;
  patient_id: string;
  opened_by: string;
  reason: string;
  opened_at: Date;
  expires_at: Date;
}

function view(row: InvestigationRow): InvestigationView {
  return {
    id: row.id,
    patientId: row.patient_id,
    openedBy: row.opened_by,
    reason: row.reason,
    openedAt: row.opened_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
  };
}

/**
 * Compliance reaches clinical content only through an investigation: a stated
 * reason, a time limit, an audit event. The compliance issue adds closing,
 * notes and findings.
 */
@Injectable()
export class InvestigationService {
  constructor(private readonly audit: AuditService) {}

  async open(actor: Actor, meta: RequestMeta, request: OpenInvestigationRequest): Promise<InvestigationView> {
    const now = new Date();
    const outcome = await this.audit.withAudit(
      async (m): Promise<{ denied: string } | { row: InvestigationRow }> => {
        const [facts] = (await m.query(
          `SELECT p.id, COALESCE(u.linked_patient_ids, '{}') AS linked_patient_ids
             FROM patient p LEFT JOIN identity_users u ON u.id = $2 WHERE p.id = $1`,
          [request.patientId, actor.userId],
        )) as { id: string; linked_patient_ids: string[] }[];
        if (!facts) return { denied: 'NOT_FOUND' };
        const refusal = ChartAccessPolicy.canInvestigate(
          {
            userId: actor.userId,
            role: actor.role,
            teamId: actor.teamId,
            clearances: actor.clearances,
            part2TrainedOn: null,
            linkedPatientIds: facts.linked_patient_ids,
          },
          facts.id,
        );
        if (refusal) return { denied: refusal };
        const [row] = (await m.query(
          `INSERT INTO investigation (patient_id, opened_by, reason, opened_at, expires_at)
           VALUES ($1, $2, $3, $4, $5) RETURNING id, patient_id, opened_by, reason, opened_at, expires_at`,
          [
            request.patientId,
            actor.userId,
            request.reason,
            now,
            new Date(now.getTime() + request.durationMinutes * 60_000),
          ],
        )) as InvestigationRow[];
        return { row: row as InvestigationRow };
      },
      (result) =>
        'row' in result
          ? {
              action: 'INVESTIGATION_OPENED',
              outcome: 'success',
              actor,
              meta,
              patientId: result.row.patient_id,
              resourceType: 'Investigation',
              resourceId: result.row.id,
              purpose: result.row.id,
              details: { durationMinutes: request.durationMinutes },
            }
          : {
              action: 'ACCESS_DENIED',
              outcome: 'denied',
              outcomeReason: result.denied,
              actor,
              meta,
              resourceType: 'Investigation',
              details: { requested: 'investigation' },
            },
    );
    if ('denied' in outcome) throw new DomainError('NOT_FOUND', 'No such patient, or you may not investigate it.');
    return view(outcome.row);
  }
}
