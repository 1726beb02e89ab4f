import type { CodingStatus } from '@chartdesk/contracts';

/** What can happen to a chart's coding status. */
export type CodingEvent =
  | 'ASSIGN'
  | 'REASSIGN'
  | 'UNASSIGN'
  | 'START'
  | 'HOLD_FOR_QUERY'
  | 'QUERY_ANSWERED'
  | 'SUBMIT'
  | 'RETURN'
  | 'COMPLETE'
  | 'SAMPLE'
  | 'REVIEW_COMPLETE'
  | 'REVIEW_RETURN';

interface TransitionRule {
  readonly from: readonly CodingStatus[];
  /** null keeps the current status (a reassignment does not restart the work). */
  readonly to: CodingStatus | null;
}

/**
 * The whole state machine in one table. Main path READY → ASSIGNED →
 * IN_PROGRESS → SUBMITTED → COMPLETED; IN_PROGRESS ↔ ON_HOLD while a provider
 * query is open; RETURNED goes back to IN_PROGRESS when the coder reopens it;
 * a chart sampled for prebill review waits IN_REVIEW until the review closes.
 */
export const CODING_TRANSITIONS: Readonly<Record<CodingEvent, TransitionRule>> = {
  ASSIGN: { from: ['READY'], to: 'ASSIGNED' },
  // A chart changes hands before submission; the new coder starts it again (the drafts stay).
  REASSIGN: { from: ['ASSIGNED', 'IN_PROGRESS', 'RETURNED'], to: 'ASSIGNED' },
  UNASSIGN: { from: ['ASSIGNED', 'IN_PROGRESS', 'RETURNED'], to: 'READY' },
  START: { from: ['ASSIGNED', 'RETURNED'], to: 'IN_PROGRESS' },
  HOLD_FOR_QUERY: { from: ['IN_PROGRESS'], to: 'ON_HOLD' },
  QUERY_ANSWERED: { from: ['ON_HOLD'], to: 'IN_PROGRESS' },
  SUBMIT: { from: ['IN_PROGRESS'], to: 'SUBMITTED' },
  RETURN: { from: ['SUBMITTED'], to: 'RETURNED' },
  COMPLETE: { from: ['SUBMITTED'], to: 'COMPLETED' },
  // Prebill quality review: a sampled chart is held IN_REVIEW and leaves only through its review.
  SAMPLE: { from: ['SUBMITTED'], to: 'IN_REVIEW' },
  REVIEW_COMPLETE: { from: ['IN_REVIEW'], to: 'COMPLETED' },
  REVIEW_RETURN: { from: ['IN_REVIEW'], to: 'RETURNED' },
};

export type TransitionResult =
  | { readonly allowed: true; readonly from: CodingStatus; readonly to: CodingStatus }
  | { readonly allowed: false; readonly current: CodingStatus };

export function nextStatus(current: CodingStatus, event: CodingEvent): TransitionResult {
  const rule = CODING_TRANSITIONS[event];
  if (!rule.from.includes(current)) return { allowed: false, current };
  return { allowed: true, from: current, to: rule.to ?? current };
}

/** Statuses in which a chart counts against its coder's capacity. */
export const OPEN_WORK_STATUSES: readonly CodingStatus[] = ['ASSIGNED', 'IN_PROGRESS', 'ON_HOLD', 'RETURNED'];

/** Statuses in which the assigned coder may change codes. */
export const CODABLE_STATUSES: readonly CodingStatus[] = ['IN_PROGRESS'];
