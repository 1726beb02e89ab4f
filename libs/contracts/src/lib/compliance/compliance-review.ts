import type { Role } from '../auth/roles';

/** What raised a review item: an anomaly rule (break-the-glass is a rule too). */
export const ANOMALY_RULES = [
  'OUTSIDE_SHIFT',
  'VOLUME_SPIKE',
  'REPEATED_DENIALS',
  'VIP_OR_EMPLOYEE',
  'SAME_SURNAME_OR_ADDRESS',
  'BREAK_GLASS',
  'CHAIN_VERIFICATION_FAILED',
  'REPEATED_STEP_UP_FAILURES',
  'PRIVILEGED_ROLE_GRANT',
] as const;
export type AnomalyRule = (typeof ANOMALY_RULES)[number];

export const REVIEW_SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type ReviewSeverity = (typeof REVIEW_SEVERITIES)[number];

export const REVIEW_STATUSES = ['OPEN', 'IN_REVIEW', 'ESCALATED', 'CLOSED_JUSTIFIED', 'CLOSED_VIOLATION'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** Which status may follow which; closed items stay closed (a new finding opens a new item). */
export const REVIEW_TRANSITIONS: Readonly<Record<ReviewStatus, readonly ReviewStatus[]>> = {
  OPEN: ['IN_REVIEW', 'ESCALATED'],
  IN_REVIEW: ['OPEN', 'ESCALATED', 'CLOSED_JUSTIFIED', 'CLOSED_VIOLATION'],
  ESCALATED: ['IN_REVIEW', 'CLOSED_JUSTIFIED', 'CLOSED_VIOLATION'],
  CLOSED_JUSTIFIED: [],
  CLOSED_VIOLATION: [],
};

export function isClosedStatus(status: ReviewStatus): boolean {
  return status === 'CLOSED_JUSTIFIED' || status === 'CLOSED_VIOLATION';
}

export const REVIEW_SORTS = ['createdAt', 'severity'] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

/** GET /api/compliance/review-items */
export interface ReviewItemQuery {
  readonly status?: ReviewStatus;
  readonly rule?: AnomalyRule;
  readonly severity?: ReviewSeverity;
  readonly assigneeId?: string;
  readonly sort?: ReviewSort;
  readonly direction?: 'asc' | 'desc';
  readonly limit?: number;
  readonly cursor?: string;
}

export interface ReviewPersonRef {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
}

export interface ReviewItemSummary {
  readonly id: string;
  readonly rule: AnomalyRule;
  readonly severity: ReviewSeverity;
  readonly status: ReviewStatus;
  readonly title: string;
  readonly subject: ReviewPersonRef | null;
  readonly patient: { readonly patientId: string; readonly mrn: string; readonly name: string } | null;
  readonly assignee: ReviewPersonRef | null;
  readonly createdAt: string;
  readonly closedAt: string | null;
  /** Seconds open so far, or until closed. */
  readonly openSeconds: number;
  readonly version: number;
}

export interface ReviewNoteView {
  readonly id: string;
  readonly author: ReviewPersonRef;
  readonly text: string;
  readonly createdAt: string;
}

/** The evidence a rule recorded: counts, times and audit event ids — never clinical content. */
export type ReviewEvidence = Readonly<Record<string, unknown>> & { readonly eventIds?: readonly string[] };

export interface ReviewItemDetail extends ReviewItemSummary {
  readonly evidence: ReviewEvidence;
  readonly disposition: string | null;
  readonly notes: readonly ReviewNoteView[];
}

export interface ReviewItemPage {
  readonly items: readonly ReviewItemSummary[];
  readonly nextCursor: string | null;
}

/** PATCH /api/compliance/review-items/:id — optimistic: `version` must match. */
export interface ReviewItemChange {
  readonly version: number;
  readonly status?: ReviewStatus;
  readonly severity?: ReviewSeverity;
  /** null unassigns. */
  readonly assigneeId?: string | null;
  /** Required when closing. */
  readonly disposition?: string;
}

/** POST /api/compliance/review-items/:id/notes */
export interface ReviewNoteRequest {
  readonly text: string;
}

/** A rule's settings; `params` keys depend on the rule (see ANOMALY_RULE_DEFAULTS). */
export interface AnomalyRuleSetting {
  readonly rule: AnomalyRule;
  readonly enabled: boolean;
  readonly severity: ReviewSeverity;
  readonly params: Readonly<Record<string, number>>;
}

/** Defaults, also the allowed parameter names and their bounds [min, max]. */
export const ANOMALY_RULE_DEFAULTS: Readonly<
  Record<AnomalyRule, { severity: ReviewSeverity; params: Record<string, { value: number; min: number; max: number }> }>
> = {
  OUTSIDE_SHIFT: { severity: 'LOW', params: { graceMinutes: { value: 30, min: 0, max: 240 } } },
  VOLUME_SPIKE: {
    severity: 'MEDIUM',
    params: {
      factor: { value: 3, min: 1.5, max: 50 },
      minChartsPerHour: { value: 10, min: 1, max: 10_000 },
      baselineDays: { value: 30, min: 7, max: 90 },
    },
  },
  REPEATED_DENIALS: {
    severity: 'HIGH',
    params: { count: { value: 5, min: 2, max: 1000 }, minutes: { value: 10, min: 1, max: 1440 } },
  },
  VIP_OR_EMPLOYEE: { severity: 'MEDIUM', params: {} },
  SAME_SURNAME_OR_ADDRESS: { severity: 'HIGH', params: {} },
  BREAK_GLASS: { severity: 'MEDIUM', params: {} },
  CHAIN_VERIFICATION_FAILED: { severity: 'CRITICAL', params: {} },
  // Wrong break-the-glass / MFA-reset codes: a stolen session guessing its way to patient data.
  REPEATED_STEP_UP_FAILURES: {
    severity: 'HIGH',
    params: { count: { value: 3, min: 2, max: 100 }, minutes: { value: 15, min: 1, max: 1440 } },
  },
  // Every grant of a role that sees patient data (supervisor, compliance) is reviewed.
  PRIVILEGED_ROLE_GRANT: { severity: 'MEDIUM', params: {} },
};

/** PUT /api/compliance/anomaly-rules/:rule */
export interface AnomalyRuleUpdate {
  readonly enabled: boolean;
  readonly severity: ReviewSeverity;
  readonly params: Readonly<Record<string, number>>;
}

/** POST /api/compliance/anomaly-scans — runs detection now. */
export interface AnomalyScanResult {
  readonly scannedFrom: string;
  readonly scannedTo: string;
  readonly itemsCreated: number;
  readonly byRule: Readonly<Partial<Record<AnomalyRule, number>>>;
}

export interface DailyCount {
  readonly day: string;
  readonly count: number;
}

/** GET /api/compliance/dashboard */
export interface ComplianceDashboard {
  readonly byStatus: Readonly<Record<ReviewStatus, number>>;
  readonly openBySeverity: Readonly<Record<ReviewSeverity, number>>;
  readonly oldestOpenSeconds: number | null;
  readonly accessesPerDay: readonly DailyCount[];
  readonly denialsPerDay: readonly DailyCount[];
  readonly openItemsPerDay: readonly DailyCount[];
}
