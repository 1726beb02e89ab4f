import { AuditService } from '@chartdesk/api-audit';
import type { Actor, RequestMeta } from '@chartdesk/api-platform';
import { BreakGlassReviewQueue, type BreakGlassReviewInput } from '@chartdesk/api-records';
import type { ReviewItemView } from '@chartdesk/contracts';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

interface ReviewItemRow {
  id: string;
  kind: 'BREAK_GLASS';
  status: 'OPEN' | 'CLOSED';
  created_at: Date;
  user_id: string;
  encounter_id: string;
  patient_id: string;
  grant_id: string;
  reason_code: string;
  reason_text: string;
}

/**
 * The break-the-glass side of the review queue (review_item is compliance's):
 * opens the item when records grants access, and serves the records-era list of
 * break-the-glass items (`GET /api/review-items`), unchanged.
 */
@Injectable()
export class BreakGlassReviewService implements OnModuleInit {
  constructor(
    private readonly queue: BreakGlassReviewQueue,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.queue.attach((m, input) => this.open(m, input));
  }

  private async open(m: EntityManager, input: BreakGlassReviewInput): Promise<string> {
    const [row] = (await m.query(
      `INSERT INTO review_item (kind, user_id, encounter_id, patient_id, grant_id, created_at)
       VALUES ('BREAK_GLASS', $1, $2, $3, $4, $5) RETURNING id`,
      [input.userId, input.encounterId, input.patientId, input.grantId, input.at],
    )) as { id: string }[];
    if (!row) throw new Error('expected a row: review_item');
    return row.id;
  }

  /** Open (or closed) break-the-glass items with their reasons. Access metadata only. */
  async list(actor: Actor, meta: RequestMeta, status: 'OPEN' | 'CLOSED' = 'OPEN'): Promise<ReviewItemView[]> {
    return this.audit.withAudit(
      async (m) => {
        const rows = (await m.query(
          `SELECT r.id, r.kind, r.status, r.created_at, r.user_id, r.encounter_id, r.patient_id, r.grant_id,
                  g.reason_code, g.reason_text
             FROM review_item r JOIN records_break_glass_grants g ON g.id = r.grant_id
            WHERE r.status = $1 ORDER BY r.created_at DESC LIMIT 500`,
          [status],
        )) as ReviewItemRow[];
        return rows.map(
          (r): ReviewItemView => ({
            id: r.id,
            kind: r.kind,
            status: r.status,
            createdAt: r.created_at.toISOString(),
            userId: r.user_id,
            encounterId: r.encounter_id,
            patientId: r.patient_id,
            reasonCode: r.reason_code,
            reasonText: r.reason_text,
            grantId: r.grant_id,
          }),
        );
      },
      (items) => ({
        action: 'REPORT_RUN',
        outcome: 'success',
        actor,
        meta,
        resourceType: 'ReviewItem',
        details: { report: 'break-glass-review-items', status, rows: items.length },
      }),
    );
  }
}
