import { type Actor, DomainError } from '@chartdesk/api-platform';

/** Supervisors act on their own team only; one with no team has nothing to supervise. */
export function teamOf(actor: Actor): string {
  if (!actor.teamId) throw new DomainError('FORBIDDEN', 'You are not a member of a team.');
  return actor.teamId;
}

export function reviewNotFound(): DomainError {
  return new DomainError('NOT_FOUND', 'No such review, or you do not have access to it.');
}
