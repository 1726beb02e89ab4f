/** Every error the API returns has this shape; never a stack trace. */
export interface ApiError {
  readonly statusCode: number;
  readonly error: string;
  readonly message: string;
  readonly requestId: string;
  /** Present on validation failures: field path → messages. */
  readonly fieldErrors?: Readonly<Record<string, readonly string[]>>;
  /** Machine-readable code for domain errors, e.g. ILLEGAL_TRANSITION. */
  readonly code?: string;
  /** Extra, non-sensitive context (e.g. the current state on a 409). */
  readonly details?: Readonly<Record<string, unknown>>;
}
