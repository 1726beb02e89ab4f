import { type HttpEvent, type HttpInterceptorFn, HttpResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import { retry, tap, throwError, timer } from 'rxjs';
import { ConnectionStatus, isServerUnavailable, retryDelayMs } from './connection-status';

/** Reads are retried for about a minute (1+2+4+8×6 s) before the error reaches the page. */
const MAX_READ_RETRIES = 9;
const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * Outermost interceptor: an unavailable server (503, 502/504, no connection)
 * turns the "reconnecting" state on and reads are retried with backoff, so a
 * database restart or an API instance going away passes without the user
 * doing anything and without losing the session. Writes are not replayed (the
 * user decides), but they keep the session too. Any answer clears the state.
 */
export const connectionInterceptor: HttpInterceptorFn = (req, next) => {
  if (!req.url.startsWith('/api/')) return next(req);
  const status = inject(ConnectionStatus);
  const answered = tap<HttpEvent<unknown>>({
    next: (event) => {
      if (event instanceof HttpResponse) status.restored();
    },
    error: (error: unknown) => {
      if (isServerUnavailable(error)) status.lost();
      else status.restored();
    },
  });
  if (!SAFE_METHODS.has(req.method)) return next(req).pipe(answered);
  return next(req).pipe(
    answered,
    retry({
      count: MAX_READ_RETRIES,
      delay: (error: unknown, attempt: number) =>
        isServerUnavailable(error)
          ? timer(retryDelayMs(attempt, error.headers.get('retry-after')))
          : throwError(() => error),
    }),
  );
};
