import type { ChartCodes } from '../worklist/coding-api';
import type { EditFinding } from '../codes/edits';

export const QUALITY_REVIEW_STATUSES = ['IN_REVIEW', 'AWAITING_CODER', 'AWAITING_SUPERVISOR', 'CLOSED'] as const;
/**
 * IN_REVIEW: the auditor records the corrected code set. AWAITING_CODER: findings
 * sent, the coder acknowledges or rebuts each. AWAITING_SUPERVISOR: rebuttals to
 * decide (or nothing left but to close). CLOSED: completed or returned.
 */
export type QualityReviewStatus = (typeof QUALITY_REVIEW_STATUSES)[number];

export type ReviewKind = 'PREBILL' | 'RETROSPECTIVE';
export type ReviewOutcome = 'COMPLETED' | 'RETURNED';

export const FINDING_KINDS = [
  'PRINCIPAL_CHANGED',
  'ADDED',
  'DELETED',
  'CHANGED',
  'RESEQUENCED',
  'POA_CHANGED',
  'MODIFIER_CHANGED',
  'UNITS_CHANGED',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_KIND_LABELS: Readonly<Record<FindingKind, string>> = {
  PRINCIPAL_CHANGED: 'Principal diagnosis changed',
  ADDED: 'Code added',
  DELETED: 'Code deleted',
  CHANGED: 'Code changed',
  RESEQUENCED: 'Resequenced',
  POA_CHANGED: 'POA changed',
  MODIFIER_CHANGED: 'Modifier changed',
  UNITS_CHANGED: 'Units changed',
};

export const REASON_CATEGORIES = [
  'DOCUMENTATION',
  'GUIDELINE',
  'SEQUENCING',
  'SPECIFICITY',
  'CLINICAL_VALIDATION',
  'OTHER',
] as const;
export type ReasonCategory = (typeof REASON_CATEGORIES)[number];

export const REASON_CATEGORY_LABELS: Readonly<Record<ReasonCategory, string>> = {
  DOCUMENTATION: 'Documentation',
  GUIDELINE: 'Coding guideline',
  SEQUENCING: 'Sequencing',
  SPECIFICITY: 'Specificity',
  CLINICAL_VALIDATION: 'Clinical validation',
  OTHER: 'Other',
};

export type CodeGroup = 'DIAGNOSIS' | 'PROCEDURE';

/** One code-level difference between the submitted and the corrected code set. */
export interface CodeDifference {
  /** Stable within a review: the same two code sets always give the same keys. */
  readonly key: string;
  readonly group: CodeGroup;
  readonly kind: FindingKind;
  /** e.g. `E119` or `CPT 99213`; null when the code was added. */
  readonly before: string | null;
  /** null when the code was deleted. */
  readonly after: string | null;
  /** What changed in words the coder reads (POA Y → N, modifiers 59 → XS, sequence 3 → 2). */
  readonly detail: string;
  /** Errors this finding counts: 2 for a changed principal diagnosis, else 1. */
  readonly weight: number;
  readonly suggestedReason: ReasonCategory;
}

export type FindingResponse = 'PENDING' | 'ACKNOWLEDGED' | 'REBUTTED';
export type FindingDecision = 'UPHELD' | 'OVERTURNED' | 'ESCALATED';

export interface ReviewFindingView extends CodeDifference {
  readonly id: string;
  readonly reason: ReasonCategory;
  readonly auditorComment: string | null;
  readonly response: FindingResponse;
  readonly coderComment: string | null;
  /** null until a rebuttal is decided. */
  readonly decision: FindingDecision | null;
  readonly decisionComment: string | null;
  /** false once overturned: it no longer counts against the coder. */
  readonly counts: boolean;
}

export interface AccuracyView {
  /** Code positions reviewed: every code in the corrected set plus every deleted one. */
  readonly codes: number;
  readonly errors: number;
  /** 0..1; null when the group had no codes at all. */
  readonly accuracy: number | null;
}

export interface ReviewScore {
  readonly diagnosis: AccuracyView;
  readonly procedure: AccuracyView;
  readonly overall: AccuracyView;
  readonly threshold: number;
  readonly passed: boolean;
}

export interface ReviewSummary {
  readonly id: string;
  readonly encounterId: string;
  readonly kind: ReviewKind;
  readonly status: QualityReviewStatus;
  readonly coderId: string;
  readonly coderName: string;
  readonly encounterType: string;
  readonly stratum: string | null;
  readonly createdAt: string;
  readonly closedAt: string | null;
  readonly outcome: ReviewOutcome | null;
  readonly findings: number;
  readonly openRebuttals: number;
  /** null until findings are sent. */
  readonly score: ReviewScore | null;
}

export interface ReviewListResponse {
  readonly reviews: readonly ReviewSummary[];
}

/** The review worksheet: what the coder submitted, its edit findings, the correction and the differences. */
export interface ReviewWorksheet extends ReviewSummary {
  /** Send back as expectedVersion with the next change. */
  readonly version: number;
  readonly chartStatus: string;
  readonly submittedVersion: number;
  readonly submittedCodes: ChartCodes;
  readonly editFindings: readonly EditFinding[];
  readonly correctedCodes: ChartCodes;
  /** The differences computed from the current correction (before sending: a preview). */
  readonly differences: readonly CodeDifference[];
  readonly findingsDetail: readonly ReviewFindingView[];
  readonly sample: { readonly runId: string; readonly seed: string; readonly stratum: string } | null;
}

/** PUT quality/reviews/:id/correction */
export interface SaveCorrectionRequest extends ChartCodes {
  readonly expectedVersion: number;
}

export interface FindingReasonInput {
  readonly key: string;
  readonly reason: ReasonCategory;
  readonly comment?: string;
}

/** POST quality/reviews/:id/send: freezes the correction's differences as findings for the coder. */
export interface SendFindingsRequest {
  readonly expectedVersion: number;
  readonly reasons: readonly FindingReasonInput[];
}

/** POST quality/reviews/:id/findings/:findingId/response (the coder). */
export interface FindingResponseRequest {
  readonly response: 'ACKNOWLEDGED' | 'REBUTTED';
  readonly comment: string;
}

/** POST quality/reviews/:id/findings/:findingId/decision (the supervisor, on a rebuttal). */
export interface FindingDecisionRequest {
  readonly decision: FindingDecision;
  readonly comment: string;
}

/** POST quality/reviews/:id/close */
export interface CloseReviewRequest {
  readonly expectedVersion: number;
  readonly outcome: ReviewOutcome;
  /** Required when returning the chart for correction. */
  readonly reason?: string;
}

/** POST quality/reviews/retrospective: pull a COMPLETED chart into review. */
export interface RetrospectiveReviewRequest {
  readonly encounterId: string;
}
