import { AuditService } from '@chartdesk/api-audit';
import { ChartAccess, ChartDenied } from '@chartdesk/api-records';
import { type Actor, DomainError, type RequestMeta } from '@chartdesk/api-platform';
import type { FindingResponseRequest, ReviewListResponse, ReviewWorksheet } from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { reviewNotFound } from '../team-scope';
import { recordReviewEvent, recordWorksheetRead } from './review-events';
import { type ReviewRow, listReviews, loadFindings, loadReview, summaryOf, worksheetOf } from './review-store';

/**
 * The coder's side: their own reviews only, once the findings are sent, and
 * only while ChartAccessPolicy still lets them open the chart (their assignment).
 * The sampling seed is left out: it is the supervisor's, not the coder's.
 */
@Injectable()
export class CoderReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ChartAccess,
    private readonly audit: AuditService,
  ) {}

  list(actor: Actor): Promise<ReviewListResponse> {
    return this.dataSource.transaction(async (m) => ({
      reviews: (await listReviews(m, `r.coder_id = $1 AND r.status <> 'IN_REVIEW'`, [actor.userId])).map(summaryOf),
    }));
  }

  read(actor: Actor, meta: RequestMeta, reviewId: string): Promise<ReviewWorksheet> {
    return this.access.run(actor, meta, async (m) => {
      const { row, purpose } = await this.open(m, actor, reviewId, false);
      await recordWorksheetRead(this.audit, m, { actor, meta, purpose }, row);
      return { ...(await worksheetOf(m, row)), sample: null };
    });
  }

  respond(
    actor: Actor,
    meta: RequestMeta,
    reviewId: string,
    findingId: string,
    request: FindingResponseRequest,
  ): Promise<ReviewWorksheet> {
    const comment = request.comment.trim();
    if (request.response === 'REBUTTED' && comment.length < 5) {
      throw new DomainError('VALIDATION', 'Say why you disagree: a rebuttal needs a comment of at least 5 characters.');
    }
    return this.access.run(actor, meta, async (m) => {
      const { row, purpose } = await this.open(m, actor, reviewId, true);
      if (row.status !== 'AWAITING_CODER') {
        throw new DomainError('ILLEGAL_TRANSITION', `This cannot be done while the review is ${row.status}.`, {
          currentStatus: row.status,
          attempted: 'RESPOND',
        });
      }
      const findings = await loadFindings(m, row.id);
      const finding = findings.find((f) => f.id === findingId);
      if (!finding) throw new DomainError('NOT_FOUND', 'No such finding on this review.');
      if (finding.response !== 'PENDING') throw new DomainError('CONFLICT', 'You have already answered this finding.');
      await m.query(
        `UPDATE quality_finding SET response = $2, coder_comment = $3, responded_at = now() WHERE id = $1`,
        [finding.id, request.response, comment || null],
      );
      const pendingLeft = findings.filter((f) => f.response === 'PENDING' && f.id !== finding.id).length;
      await m.query(
        `UPDATE quality_review SET version = version + 1, updated_at = now(),
                status = CASE WHEN $2::int = 0 THEN 'AWAITING_SUPERVISOR' ELSE status END
          WHERE id = $1`,
        [row.id, pendingLeft],
      );
      await recordReviewEvent(this.audit, m, { actor, meta, purpose }, row, 'FINDING_ANSWERED', {
        findingId: finding.id,
        response: request.response,
      });
      const after = await loadReview(m, row.id);
      if (!after) throw reviewNotFound();
      return { ...(await worksheetOf(m, after)), sample: null };
    });
  }

  private async open(
    m: EntityManager,
    actor: Actor,
    reviewId: string,
    lock: boolean,
  ): Promise<{ row: ReviewRow; purpose: string }> {
    const row = await loadReview(m, reviewId, lock);
    if (!row) throw reviewNotFound();
    // Someone else's review (or one not sent yet) is refused like a chart: audited, answered 404.
    if (row.coder_id !== actor.userId || row.status === 'IN_REVIEW') {
      throw new ChartDenied('NOT_OWN_REVIEW', row.encounter_id, row.patient_id);
    }
    const grant = await this.access.require(m, actor, 'code', row.encounter_id);
    return { row, purpose: grant.purpose };
  }
}
