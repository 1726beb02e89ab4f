import { DomainError } from '@chartdesk/api-platform';
import { REVIEW_TRANSITIONS, type ReviewStatus, isClosedStatus } from '@chartdesk/contracts';

/** Refuses a status change the lifecycle does not allow, or a close without a disposition. */
export function checkTransition(from: ReviewStatus, to: ReviewStatus, disposition: string | null): void {
  if (from === to) return;
  if (!REVIEW_TRANSITIONS[from].includes(to)) {
    throw new DomainError('ILLEGAL_TRANSITION', `A review item cannot go from ${from} to ${to}.`);
  }
  if (isClosedStatus(to) && !disposition) {
    throw new DomainError('VALIDATION', 'Closing a review item needs a disposition.');
  }
}
