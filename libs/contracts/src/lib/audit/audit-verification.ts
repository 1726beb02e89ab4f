/** What the verifier can find wrong with the audit trail, in the order a reader should care. */
export const AUDIT_TAMPER_KINDS = [
  'CONTENT_CHANGED',
  'EVENT_REMOVED',
  'EVENTS_REORDERED',
  'FOREIGN_EVENT',
  'TAIL_TRUNCATED',
  'BAD_CHECKPOINT_SIGNATURE',
] as const;
export type AuditTamperKind = (typeof AUDIT_TAMPER_KINDS)[number];

export interface AuditVerificationProblem {
  readonly kind: AuditTamperKind;
  /** The first event that does not fit (for TAIL_TRUNCATED: the newest event the checkpoint vouched for). */
  readonly eventId: string | null;
  /** The chain stream the problem is in, when it is in one. */
  readonly stream: number | null;
  /** For BAD_CHECKPOINT_SIGNATURE: the checkpoint (database id, or 'file'). */
  readonly checkpointId: string | null;
  /** A short explanation for people; names no patient data. */
  readonly message: string;
}

/**
 * The verifier's answer: `ok`, or every problem it found (earliest first, up
 * to a cap; `problemsOmitted` counts the rest), `problem` being the first.
 */
export type AuditVerificationResult =
  | {
      readonly ok: true;
      readonly eventsChecked: number;
      readonly streams: number;
      readonly checkpointsChecked: number;
      readonly durationMs: number;
    }
  | {
      readonly ok: false;
      readonly eventsChecked: number;
      readonly streams: number;
      readonly checkpointsChecked: number;
      readonly durationMs: number;
      readonly problem: AuditVerificationProblem;
      readonly problems: readonly AuditVerificationProblem[];
      readonly problemsOmitted: number;
    };

/** One chain stream's head as a checkpoint vouches for it. */
export interface AuditStreamHead {
  readonly stream: number;
  /** How many events the stream held (its last sequence number). */
  readonly seq: string;
  /** Hex SHA-256 of the stream's last event (64 zeros for an empty stream). */
  readonly hash: string;
  readonly lastEventId: string | null;
}

/** A signed checkpoint as exported to a file that compliance keeps outside the database. */
export interface AuditCheckpointExport {
  readonly format: 'chartdesk-audit-checkpoint/1';
  readonly id: string;
  readonly createdAt: string;
  readonly eventCount: string;
  readonly heads: readonly AuditStreamHead[];
  /** SHA-256 fingerprint (hex) of the Ed25519 public key that signed it. */
  readonly keyId: string;
  /** The public key (SPKI PEM), so the file can be checked without the app. */
  readonly publicKey: string;
  /** Base64 Ed25519 signature over the canonical checkpoint payload. */
  readonly signature: string;
}
