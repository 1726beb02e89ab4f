/**
 * A PostgreSQL error whose SQLSTATE says the *values* were refused (bad
 * format, out of range, missing, violating a constraint), mapped to a client
 * status. It is the backstop behind DTO validation: a value a DTO failed to
 * catch is still a 4xx, never a 500. Messages are generic — the driver's text
 * names tables and columns and may quote the value.
 */
export interface DatabaseInputError {
  readonly statusCode: 400 | 409;
  readonly message: string;
  readonly sqlState: string;
}

interface DriverErrorLike {
  name?: unknown;
  code?: unknown;
  driverError?: { code?: unknown };
}

export function databaseInputError(exception: unknown): DatabaseInputError | null {
  if (!exception || typeof exception !== 'object') return null;
  const e = exception as DriverErrorLike;
  if (e.name !== 'QueryFailedError') return null;
  const sqlState = typeof e.driverError?.code === 'string' ? e.driverError.code : e.code;
  if (typeof sqlState !== 'string') return null;
  // Class 22: data exception (invalid text, date or number, out of range, too long, bad encoding).
  if (sqlState.startsWith('22')) {
    return {
      statusCode: 400,
      sqlState,
      message: 'A value in the request is out of range or not in the expected format.',
    };
  }
  switch (sqlState) {
    case '23502': // not_null_violation
    case '23514': // check_violation
      return { statusCode: 400, sqlState, message: 'A required value is missing or a value is not allowed.' };
    case '23505': // unique_violation
    case '23P01': // exclusion_violation
      return { statusCode: 409, sqlState, message: 'That conflicts with an existing record.' };
    case '23503': // foreign_key_violation
      return {
        statusCode: 409,
        sqlState,
        message: 'The request refers to a record that does not exist or is still in use.',
      };
    default:
      return null;
  }
}
