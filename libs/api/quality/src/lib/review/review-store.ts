import type {
  ChartCodes,
  CodeDifference,
  EditFinding,
  FindingDecision,
  FindingResponse,
  QualityReviewStatus,
  ReasonCategory,
  ReviewFindingView,
  ReviewKind,
  ReviewOutcome,
  ReviewScore,
  ReviewSummary,
  ReviewWorksheet,
} from '@chartdesk/contracts';
import type { EntityManager } from 'typeorm';
import { diffCodeSets } from './code-diff';
import { scoreReview } from './review-score';

export interface ReviewRow {
  id: string;
  encounter_id: string;
  patient_id: string;
  coder_id: string;
  coder_name: string;
  team_id: string;
  kind: ReviewKind;
  status: QualityReviewStatus;
  run_id: string | null;
  seed: string | null;
  stratum: string | null;
  submitted_version: number;
  corrected_codes: ChartCodes;
  pass_threshold: string;
  score: ReviewScore | null;
  encounter_type: string;
  chart_status: string;
  created_at: Date;
  closed_at: Date | null;
  outcome: ReviewOutcome | null;
  version: number;
  findings: number;
  open_rebuttals: number;
}

const REVIEW_SELECT = `
SELECT r.id, r.encounter_id, e.patient_id, r.coder_id, u.display_name AS coder_name, r.team_id, r.kind, r.status,
       r.run_id, sr.seed, r.stratum, r.submitted_version, r.corrected_codes, r.pass_threshold, r.score,
       e.encounter_type, e.coding_status AS chart_status, r.created_at, r.closed_at, r.outcome, r.version,
       (SELECT count(*)::int FROM quality_finding f WHERE f.review_id = r.id) AS findings,
       (SELECT count(*)::int FROM quality_finding f WHERE f.review_id = r.id AND f.response = 'REBUTTED'
           AND (f.decision IS NULL OR f.decision = 'ESCALATED')) AS open_rebuttals
  FROM quality_review r
  JOIN records_charts e ON e.id = r.encounter_id
  JOIN identity_users u ON u.id = r.coder_id
  LEFT JOIN quality_sample_run sr ON sr.id = r.run_id`;

/** Loads one review; `lock` takes the row lock so concurrent changes to it queue. */
export async function loadReview(m: EntityManager, reviewId: string, lock = false): Promise<ReviewRow | null> {
  if (lock) await m.query('SELECT id FROM quality_review WHERE id = $1 FOR UPDATE', [reviewId]);
  const [row] = (await m.query(`${REVIEW_SELECT} WHERE r.id = $1`, [reviewId])) as ReviewRow[];
  return row ?? null;
}

export async function listReviews(m: EntityManager, where: string, params: unknown[]): Promise<ReviewRow[]> {
  return (await m.query(
    `${REVIEW_SELECT} WHERE ${where} ORDER BY r.created_at DESC, r.id LIMIT 500`,
    params,
  )) as ReviewRow[];
}

export function summaryOf(row: ReviewRow): ReviewSummary {
  return {
    id: row.id,
    encounterId: row.encounter_id,
    kind: row.kind,
    status: row.status,
    coderId: row.coder_id,
    coderName: row.coder_name,
    encounterType: row.encounter_type,
    stratum: row.stratum,
    createdAt: row.created_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    outcome: row.outcome,
    findings: row.findings,
    openRebuttals: row.open_rebuttals,
    score: row.score,
  };
}

interface FindingRow {
  id: string;
  key: string;
  code_group: 'DIAGNOSIS' | 'PROCEDURE';
  kind: CodeDifference['kind'];
  before_code: string | null;
  after_code: string | null;
  detail: string;
  weight: number;
  reason: ReasonCategory;
  auditor_comment: string | null;
  response: FindingResponse;
  coder_comment: string | null;
  decision: FindingDecision | null;
  decision_comment: string | null;
}

export async function loadFindings(m: EntityManager, reviewId: string): Promise<ReviewFindingView[]> {
  const rows = (await m.query(
    `SELECT id, key, code_group, kind, before_code, after_code, detail, weight, reason, auditor_comment, response,
            coder_comment, decision, decision_comment
       FROM quality_finding WHERE review_id = $1 ORDER BY position`,
    [reviewId],
  )) as FindingRow[];
  return rows.map((f) => ({
    id: f.id,
    key: f.key,
    group: f.code_group,
    kind: f.kind,
    before: f.before_code,
    after: f.after_code,
    detail: f.detail,
    weight: f.weight,
    suggestedReason: f.reason,
    reason: f.reason,
    auditorComment: f.auditor_comment,
    response: f.response,
    coderComment: f.coder_comment,
    decision: f.decision,
    decisionComment: f.decision_comment,
    counts: f.decision !== 'OVERTURNED',
  }));
}

export async function submittedVersion(
  m: EntityManager,
  encounterId: string,
  number: number,
): Promise<{ codes: ChartCodes; findings: EditFinding[] }> {
  const [row] = (await m.query(
    'SELECT codes, findings FROM worklist_coding_versions WHERE encounter_id = $1 AND number = $2',
    [encounterId, number],
  )) as { codes: ChartCodes; findings: EditFinding[] }[];
  return row ?? { codes: { diagnoses: [], procedures: [] }, findings: [] };
}

export async function worksheetOf(m: EntityManager, row: ReviewRow): Promise<ReviewWorksheet> {
  const submitted = await submittedVersion(m, row.encounter_id, row.submitted_version);
  return {
    ...summaryOf(row),
    version: row.version,
    chartStatus: row.chart_status,
    submittedVersion: row.submitted_version,
    submittedCodes: submitted.codes,
    editFindings: submitted.findings,
    correctedCodes: row.corrected_codes,
    differences: diffCodeSets(submitted.codes, row.corrected_codes),
    findingsDetail: await loadFindings(m, row.id),
    sample: row.run_id && row.seed ? { runId: row.run_id, seed: row.seed, stratum: row.stratum ?? '' } : null,
  };
}

/**
 * Scores the review from its stored findings and keeps the result on the row
 * (score, pass, and the code and error counts the scorecards add up).
 */
export async function rescore(m: EntityManager, row: ReviewRow): Promise<ReviewScore> {
  const submitted = await submittedVersion(m, row.encounter_id, row.submitted_version);
  const differences = diffCodeSets(submitted.codes, row.corrected_codes);
  const findings = await loadFindings(m, row.id);
  const score = scoreReview(row.corrected_codes, differences, findings, Number(row.pass_threshold));
  await m.query(
    `UPDATE quality_review SET score = $2::jsonb, passed = $3, dx_codes = $4, dx_errors = $5, px_codes = $6,
            px_errors = $7, updated_at = now() WHERE id = $1`,
    [
      row.id,
      JSON.stringify(score),
      score.passed,
      score.diagnosis.codes,
      score.diagnosis.errors,
      score.procedure.codes,
      score.procedure.errors,
    ],
  );
  return score;
}
