import { DomainError } from '@chartdesk/api-platform';

/**
 * Keyset pagination: the cursor is the last row's sort key, opaque to the
 * client. Timestamps travel as PostgreSQL text (microseconds), because a JS
 * Date would drop them and make the next page skip or repeat rows.
 */
export interface KeysetPosition {
  readonly key: string;
  readonly id: string;
}

export function encodeCursor(scope: string, position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([scope, position.key, position.id]), 'utf8').toString('base64url');
}

/** A PostgreSQL UTC timestamp as the listings print it. */
export const TIMESTAMP_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
export const BIGINT_ID = /^\d{1,19}$/;
export const UUID_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Throws VALIDATION (400) for anything that is not a cursor this scope issued. */
export function decodeCursor(
  scope: string,
  cursor: string | undefined,
  keyPattern: RegExp,
  idPattern: RegExp,
): KeysetPosition | null {
  if (cursor === undefined || cursor === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    parsed[0] !== scope ||
    typeof parsed[1] !== 'string' ||
    typeof parsed[2] !== 'string' ||
    !keyPattern.test(parsed[1]) ||
    !idPattern.test(parsed[2])
  ) {
    throw badCursor();
  }
  return { key: parsed[1], id: parsed[2] };
}

function badCursor(): DomainError {
  return new DomainError('VALIDATION', 'The page cursor is not valid for this listing; start from the first page.');
}
