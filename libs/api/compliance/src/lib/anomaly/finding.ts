import type { AnomalyRule, ReviewSeverity } from '@chartdesk/contracts';

/** One anomaly as a rule reports it; the writer turns it into a review item (once, by dedupe key). */
export interface Finding {
  readonly rule: AnomalyRule;
  readonly severity: ReviewSeverity;
  readonly title: string;
  readonly dedupeKey: string;
  readonly userId: string | null;
  readonly patientId: string | null;
  readonly encounterId?: string | null;
  readonly grantId?: string | null;
  /** Counts, times, audit event ids. Never clinical content or identifiers' values. */
  readonly evidence: Record<string, unknown>;
}

/** The audit-time window one scan looks at: [from, to). */
export interface ScanWindow {
  readonly from: Date;
  readonly to: Date;
}

/** Evidence lists stay bounded; the count says how many there were. */
export const MAX_EVIDENCE_EVENTS = 50;
