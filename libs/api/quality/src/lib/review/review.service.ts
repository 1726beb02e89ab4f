import { AuditService } from '@chartdesk/api-audit';
import { ChartAccess, ChartDenied } from '@chartdesk/api-records';
import { type Actor, DomainError, type RequestMeta } from '@chartdesk/api-platform';
import { illegalTransition, lockChart, recordChartReturn, transitionChart } from '@chartdesk/api-worklist';
import {
  type CloseReviewRequest,
  DEFAULT_SAMPLING_RULE,
  type FindingDecisionRequest,
  type ReviewListResponse,
  type ReviewWorksheet,
  type SaveCorrectionRequest,
  type SendFindingsRequest,
} from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { reviewNotFound, teamOf } from '../team-scope';
import { diffCodeSets } from './code-diff';
import { normalizeCorrection } from './review-codes';
import { recordReviewEvent, recordWorksheetRead } from './review-events';
import {
  type ReviewRow,
  listReviews,
  loadFindings,
  loadReview,
  rescore,
  submittedVersion,
  summaryOf,
  worksheetOf,
} from './review-store';

function assertReviewVersion(row: ReviewRow, expected: number): void {
  if (row.version !== expected) {
    throw new DomainError('VERSION_CONFLICT', 'The review changed since you opened it. Reload to see the latest.', {
      currentVersion: row.version,
      currentStatus: row.status,
    });
  }
}

function wrongStatus(row: ReviewRow, attempted: string): DomainError {
  return new DomainError('ILLEGAL_TRANSITION', `This cannot be done while the review is ${row.status}.`, {
    currentStatus: row.status,
    attempted,
  });
}

/** Moves the review's version on; `set` adds assignments whose parameters start at $2. */
async function bump(m: EntityManager, reviewId: string, set = '', params: unknown[] = []): Promise<void> {
  await m.query(`UPDATE quality_review SET version = version + 1, updated_at = now()${set} WHERE id = $1`, [
    reviewId,
    ...params,
  ]);
}

/**
 * The supervisor's side of a review, on charts of their own team only: every
 * call re-asks ChartAccessPolicy through the worklist's gate (TEAM basis), so a
 * chart the supervisor could not open cannot be reviewed either.
 */
@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ChartAccess,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, status: 'OPEN' | 'CLOSED' | 'ALL' = 'OPEN'): Promise<ReviewListResponse> {
    const teamId = teamOf(actor);
    const filter =
      status === 'OPEN' ? `AND r.status <> 'CLOSED'` : status === 'CLOSED' ? `AND r.status = 'CLOSED'` : '';
    // Summaries carry no patient data (ids, type, scores): listing is not a chart read.
    return this.dataSource.transaction(async (m) => ({
      reviews: (await listReviews(m, `r.team_id = $1 ${filter}`, [teamId])).map(summaryOf),
    }));
  }

  worksheet(actor: Actor, meta: RequestMeta, reviewId: string): Promise<ReviewWorksheet> {
    return this.access.run(actor, meta, async (m) => {
      const { row, purpose } = await this.open(m, actor, reviewId, false);
      await recordWorksheetRead(this.audit, m, { actor, meta, purpose }, row);
      return worksheetOf(m, row);
    });
  }

  saveCorrection(actor: Actor, meta: RequestMeta, reviewId: string, request: SaveCorrectionRequest) {
    const corrected = normalizeCorrection(request);
    return this.access.run(actor, meta, async (m) => {
      const { row, purpose } = await this.open(m, actor, reviewId, true);
      assertReviewVersion(row, request.expectedVersion);
      if (row.status !== 'IN_REVIEW') throw wrongStatus(row, 'CORRECT');
      await m.query('UPDATE quality_review SET corrected_codes = $2::jsonb, reviewer_id = $3 WHERE id = $1', [
        row.id,
        JSON.stringify(corrected),
        actor.userId,
      ]);
      await bump(m, row.id);
      const submitted = await submittedVersion(m, row.encounter_id, row.submitted_version);
      await recordReviewEvent(this.audit, m, { actor, meta, purpose }, row, 'CORRECTION_SAVED', {
        differences: diffCodeSets(submitted.codes, corrected).length,
      });
      return this.reload(m, row.id);
    });
  }

  /** Freezes the differences of the current correction as findings, each with its reason category. */
  send(actor: Actor, meta: RequestMeta, reviewId: string, request: SendFindingsRequest): Promise<ReviewWorksheet> {
    return this.access.run(actor, meta, async (m) => {
      const { row, purpose } = await this.open(m, actor, reviewId, true);
      assertReviewVersion(row, request.expectedVersion);
      if (row.status !== 'IN_REVIEW') throw wrongStatus(row, 'SEND');
      const submitted = await submittedVersion(m, row.encounter_id, row.submitted_version);
      const differences = diffCodeSets(submitted.codes, row.corrected_codes);
      const byKey = new Map(request.reasons.map((r) => [r.key, r] as const));
      const unknown = [...byKey.keys()].filter((k) => !differences.some((d) => d.key === k));
      if (unknown.length > 0) {
        throw new DomainError('VALIDATION', 'A reason names a difference that is not on this worksheet.', { unknown });
      }
      for (const [position, d] of differences.entries()) {
        const given = byKey.get(d.key);
        await m.query(
          `INSERT INTO quality_finding (review_id, position, key, code_group, kind, before_code, after_code, detail,
                  weight, reason, auditor_comment)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [
            row.id,
            position + 1,
            d.key,
            d.group,
            d.kind,
            d.before,
            d.after,
            d.detail,
            d.weight,
            given?.reason ?? d.suggestedReason,
            given?.comment?.trim() || null,
          ],
        );
      }
      const next = differences.length > 0 ? 'AWAITING_CODER' : 'AWAITING_SUPERVISOR';
      await bump(m, row.id, ', status = $2, sent_at = now(), reviewer_id = $3', [next, actor.userId]);
      const score = await rescore(m, row);
      await recordReviewEvent(this.audit, m, { actor, meta, purpose }, row, 'FINDINGS_SENT', {
        findings: differences.length,
        errors: score.overall.errors,
        passed: score.passed,
      });
      return this.reload(m, row.id);
    });
  }

  /** Upholds or overturns a rebuttal (or escalates it); the score is recomputed at once. */
  decide(
    actor: Actor,
    meta: RequestMeta,
    reviewId: string,
    findingId: string,
    request: FindingDecisionRequest,
  ): Promise<ReviewWorksheet> {
    return this.access.run(actor, meta, async (m) => {
      const { row, purpose } = await this.open(m, actor, reviewId, true);
      if (row.status !== 'AWAITING_CODER' && row.status !== 'AWAITING_SUPERVISOR') throw wrongStatus(row, 'DECIDE');
      const finding = (await loadFindings(m, row.id)).find((f) => f.id === findingId);
      if (!finding) throw new DomainError('NOT_FOUND', 'No such finding on this review.');
      if (finding.response !== 'REBUTTED') {
        throw new DomainError('CONFLICT', 'Only a rebutted finding can be decided.');
      }
      if (finding.decision !== null && finding.decision !== 'ESCALATED') {
        throw new DomainError('CONFLICT', 'This rebuttal has already been decided.');
      }
      await m.query(
        `UPDATE quality_finding SET decision = $2, decision_comment = $3, decided_by = $4, decided_at = now()
          WHERE id = $1`,
        [finding.id, request.decision, request.comment.trim(), actor.userId],
      );
      await bump(m, row.id);
      const score = await rescore(m, row);
      await recordReviewEvent(this.audit, m, { actor, meta, purpose }, row, 'REBUTTAL_DECIDED', {
        findingId: finding.id,
        decision: request.decision,
        errors: score.overall.errors,
        passed: score.passed,
      });
      return this.reload(m, row.id);
    });
  }

  /** Ends the review: the held chart completes, or goes back to the coder for correction. */
  close(actor: Actor, meta: RequestMeta, reviewId: string, request: CloseReviewRequest): Promise<ReviewWorksheet> {
    return this.access.run(actor, meta, async (m) => {
      const { row, purpose } = await this.open(m, actor, reviewId, true);
      assertReviewVersion(row, request.expectedVersion);
      if (row.status !== 'AWAITING_SUPERVISOR') throw wrongStatus(row, 'CLOSE');
      if (row.open_rebuttals > 0) {
        throw new DomainError('CONFLICT', 'Decide every rebuttal (including escalated ones) before closing.');
      }
      const ctx = { actor, meta, audit: this.audit, purpose };
      const chart = await lockChart(m, row.encounter_id);
      if (request.outcome === 'RETURNED') {
        if (row.kind !== 'PREBILL') {
          throw new DomainError(
            'VALIDATION',
            'A retrospective review cannot return a billed chart; close it as completed.',
          );
        }
        await transitionChart(m, chart, chart.status === 'IN_REVIEW' ? 'REVIEW_RETURN' : 'RETURN', ctx);
        // The coder's workspace shows the latest return reason; the review's findings say the rest.
        await recordChartReturn(m, row.encounter_id, actor.userId, request.reason ?? '');
      } else if (row.kind === 'PREBILL' && chart.status === 'IN_REVIEW') {
        await transitionChart(m, chart, 'REVIEW_COMPLETE', ctx);
      } else if (row.kind === 'PREBILL' && chart.status === 'SUBMITTED') {
        // Reviews drawn before IN_REVIEW existed.
        await transitionChart(m, chart, 'COMPLETE', ctx);
      } else if (chart.status !== 'COMPLETED') {
        throw illegalTransition(chart.status, 'CLOSE_REVIEW');
      }
      await bump(m, row.id, `, status = 'CLOSED', closed_at = now(), outcome = $2`, [request.outcome]);
      await recordReviewEvent(this.audit, m, { actor, meta, purpose }, row, 'REVIEW_CLOSED', {
        outcome: request.outcome,
      });
      return this.reload(m, row.id);
    });
  }

  /** Pulls a COMPLETED chart of the team into a retrospective review of its last submission. */
  retrospective(actor: Actor, meta: RequestMeta, encounterId: string): Promise<ReviewWorksheet> {
    const teamId = teamOf(actor);
    return this.access.run(actor, meta, async (m) => {
      const grant = await this.access.require(m, actor, 'supervise', encounterId);
      const chart = await lockChart(m, encounterId);
      if (chart.status !== 'COMPLETED') {
        throw new DomainError('CONFLICT', 'Only a completed chart can be pulled for retrospective review.');
      }
      const [open] = (await m.query(`SELECT id FROM quality_review WHERE encounter_id = $1 AND status <> 'CLOSED'`, [
        encounterId,
      ])) as { id: string }[];
      if (open) throw new DomainError('CONFLICT', 'This chart is already under review.', { reviewId: open.id });
      const [last] = (await m.query(
        `SELECT cv.number, cv.created_by, cv.codes, u.team_id FROM worklist_coding_versions cv JOIN identity_users u ON u.id = cv.created_by
          WHERE cv.encounter_id = $1 AND cv.kind = 'SUBMISSION' ORDER BY cv.number DESC LIMIT 1`,
        [encounterId],
      )) as { number: number; created_by: string; codes: unknown; team_id: string | null }[];
      if (!last) throw new DomainError('CONFLICT', 'This chart has no submission to review.');
      const [threshold] = (await m.query(
        `SELECT COALESCE((SELECT pass_threshold FROM quality_sampling_rule WHERE coder_id = $1),
                         (SELECT pass_threshold FROM quality_sampling_rule WHERE team_id = $2), $3) AS pass_threshold`,
        [last.created_by, teamId, DEFAULT_SAMPLING_RULE.passThreshold],
      )) as { pass_threshold: string }[];
      const [created] = (await m.query(
        `INSERT INTO quality_review (encounter_id, coder_id, team_id, kind, submitted_version, corrected_codes,
                pass_threshold, created_by)
         VALUES ($1, $2, $3, 'RETROSPECTIVE', $4, $5::jsonb, $6, $7) RETURNING id`,
        [
          encounterId,
          last.created_by,
          teamId,
          last.number,
          JSON.stringify(last.codes),
          threshold?.pass_threshold ?? DEFAULT_SAMPLING_RULE.passThreshold,
          actor.userId,
        ],
      )) as { id: string }[];
      const row = await this.reload(m, created?.id ?? '');
      await recordReviewEvent(
        this.audit,
        m,
        { actor, meta, purpose: grant.purpose },
        { id: row.id, patient_id: chart.patientId, encounter_id: encounterId },
        'RETROSPECTIVE_PULLED',
        { codingVersion: last.number },
      );
      return row;
    });
  }

  /** The review, if it belongs to the supervisor's team and the policy lets them open its chart. */
  private async open(
    m: EntityManager,
    actor: Actor,
    reviewId: string,
    lock: boolean,
  ): Promise<{ row: ReviewRow; purpose: string }> {
    const teamId = teamOf(actor);
    const row = await loadReview(m, reviewId, lock);
    if (!row) throw reviewNotFound();
    if (row.team_id !== teamId) throw new ChartDenied('NOT_TEAM_REVIEW', row.encounter_id, row.patient_id);
    const grant = await this.access.require(m, actor, 'supervise', row.encounter_id);
    return { row, purpose: grant.purpose };
  }

  private async reload(m: EntityManager, reviewId: string): Promise<ReviewWorksheet> {
    const row = await loadReview(m, reviewId);
    if (!row) throw reviewNotFound();
    return worksheetOf(m, row);
  }
}
