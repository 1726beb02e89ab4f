import { HttpErrorResponse } from '@angular/common/http';
import type { ApiError } from '@chartdesk/contracts';

/** The user-facing message of an API error (the server chooses it; never a stack trace). */
export function apiErrorMessage(error: unknown, fallback = 'Something went wrong. Try again.'): string {
  if (error instanceof HttpErrorResponse) {
    const body = error.error as Partial<ApiError> | null;
    if (body && typeof body.message === 'string') return body.message;
    if (error.status === 0) return 'The ChartDesk server did not answer. Check your connection.';
  }
  return fallback;
}

/** Field errors of a 400, keyed by field path. */
export function apiFieldErrors(error: unknown): Readonly<Record<string, readonly string[]>> {
  if (error instanceof HttpErrorResponse) {
    const body = error.error as Partial<ApiError> | null;
    if (body?.fieldErrors) return body.fieldErrors;
  }
  return {};
}
