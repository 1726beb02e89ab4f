/**
 * An audit event's columns as PostgreSQL prints them (text output), which is
 * what the hash covers. Times are UTC with microseconds, `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
 */
export interface CanonicalEventFields {
  readonly id: string;
  readonly recordedAt: string;
  readonly stream: string;
  readonly seq: string;
  readonly action: string;
  readonly outcome: string;
  readonly outcomeReason: string | null;
  readonly actorUserId: string | null;
  readonly actorRole: string | null;
  readonly sessionId: string | null;
  readonly patientId: string | null;
  readonly resourceType: string | null;
  readonly resourceId: string | null;
  readonly purpose: string | null;
  /** `ip::text`, which always carries the mask (`10.0.0.7/32`), unlike inet's display form. */
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly requestId: string | null;
  /** jsonb text output: PostgreSQL's own normalised form (sorted keys, numbers as stored). */
  readonly details: string;
}

/** Column order of the canonical array; the database trigger builds the same array. */
export const CANONICAL_FIELD_ORDER: readonly (keyof CanonicalEventFields)[] = [
  'id',
  'recordedAt',
  'stream',
  'seq',
  'action',
  'outcome',
  'outcomeReason',
  'actorUserId',
  'actorRole',
  'sessionId',
  'patientId',
  'resourceType',
  'resourceId',
  'purpose',
  'ip',
  'userAgent',
  'requestId',
  'details',
];

/**
 * The canonical serialisation: a compact JSON array of strings and nulls in a
 * fixed order, as PostgreSQL's array_to_json writes a text[] (the trigger's
 * form). JSON.stringify escapes strings exactly as PostgreSQL's escape_json
 * does for any text PostgreSQL can store, so both agree byte for byte.
 */
export function canonicalEventText(fields: CanonicalEventFields): string {
  return canonicalArrayText(CANONICAL_FIELD_ORDER.map((name) => fields[name]));
}

/** The same serialisation for values already in canonical order (the verifier's fast path). */
export function canonicalArrayText(values: readonly (string | null)[]): string {
  return JSON.stringify(values);
}
