import type { RequestMeta } from '@chartdesk/api-platform';
import type { AuditAction, AuditOutcome, Role } from '@chartdesk/contracts';

/** Who did it. `Actor` from `@CurrentActor()` fits as it is. */
export interface AuditActorRef {
  readonly userId: string;
  readonly role: Role | string;
  readonly sessionId: string | null;
}

/**
 * One audit event as a caller describes it. The server clock, id, chain stream
 * and hashes are added by the database; callers cannot set them.
 */
export interface AuditEventInput {
  readonly action: AuditAction;
  readonly outcome: AuditOutcome;
  readonly outcomeReason?: string;
  /** null/undefined for anonymous events, e.g. a failed login of an unknown user. */
  readonly actor?: AuditActorRef | null;
  /** requestId, ip, userAgent from `@ReqMeta()`. */
  readonly meta?: RequestMeta;
  readonly patientId?: string | null;
  readonly resourceType?: string | null;
  readonly resourceId?: string | null;
  /** Why: an assignment id, a break-the-glass reason, an investigation id. */
  readonly purpose?: string | null;
  /** Never patient data values, passwords or tokens. */
  readonly details?: Record<string, unknown>;
}
