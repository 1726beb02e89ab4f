/** What no response body may ever contain, whatever was sent. */

const STACK_TRACE = [/\n\s+at [\w$.<>]+ \(/, /\bat [\w$.]+ \([^)]*:\d+:\d+\)/, /node_modules\//, /\.ts:\d+:\d+/];

// SQL statement text and PostgreSQL/driver error phrases (case-sensitive keywords, so prose does not match).
const SQL_TEXT = [
  /\bSELECT\b[\s\S]{1,200}\bFROM\b/,
  /\bINSERT INTO\b/,
  /\bUPDATE\s+\w+\s+SET\b/,
  /\bDELETE FROM\b/,
  /syntax error at or near/i,
  /violates (not-null|foreign key|unique|check) constraint/i,
  /invalid input syntax for/i,
  /relation "\w+" does not exist/i,
  /QueryFailedError|EntityNotFound|TypeORMError/,
  /\bpg_\w+\(/,
];

export interface CheckedResponse {
  readonly statusCode: number;
  readonly body: string;
}

/** The first rule the response breaks, or null. `patientValues` are canaries no one in the run may see. */
export function responseProblem(res: CheckedResponse, patientValues: readonly string[]): string | null {
  if (res.statusCode >= 500) return `answered ${res.statusCode}: ${res.body.slice(0, 300)}`;
  for (const re of STACK_TRACE) if (re.test(res.body)) return `stack trace in body (${re}): ${res.body.slice(0, 300)}`;
  for (const re of SQL_TEXT) if (re.test(res.body)) return `SQL text in body (${re}): ${res.body.slice(0, 300)}`;
  for (const v of patientValues) if (res.body.includes(v)) return `patient value ${JSON.stringify(v)} in body`;
  return null;
}
