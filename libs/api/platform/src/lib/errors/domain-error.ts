/**
 * Codes for failures the domain knows about. The filter maps each to an HTTP
 * status in one exhaustive switch, so adding a code forces a decision.
 */
export type DomainErrorCode =
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'ILLEGAL_TRANSITION'
  | 'VERSION_CONFLICT'
  | 'VALIDATION'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'RATE_LIMITED'
  | 'AUDIT_UNAVAILABLE'
  | 'DATABASE_UNAVAILABLE';

/**
 * A failure with a message safe to show the user. Put nothing here that
 * identifies a patient: the message reaches the client and the logs.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly userMessage: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(userMessage);
    this.name = 'DomainError';
  }
}

export function httpStatusFor(code: DomainErrorCode): number {
  switch (code) {
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
    case 'ILLEGAL_TRANSITION':
    case 'VERSION_CONFLICT':
      return 409;
    case 'VALIDATION':
      return 400;
    case 'FORBIDDEN':
      return 403;
    case 'UNAUTHENTICATED':
      return 401;
    case 'RATE_LIMITED':
      return 429;
    case 'AUDIT_UNAVAILABLE':
    case 'DATABASE_UNAVAILABLE':
      return 503;
  }
}
