import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, from, switchMap, throwError } from 'rxjs';
import { AuthService } from './auth.service';

/** Sign-in steps, refresh and logout prove themselves without the access token. */
const SELF_AUTHENTICATING = /^\/api\/auth\/(login|mfa\/verify|mfa\/enrol\/|password\/initial|refresh|logout)/;

/**
 * Adds the in-memory access token to our API calls. A 401 gets one silent
 * refresh and a retry; if the refresh says the session ended, it is over. A
 * refresh the server could not answer (503, no connection) fails the request
 * with that error and keeps the session; the connection interceptor retries.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const auth = inject(AuthService);
  if (!req.url.startsWith('/api/') || SELF_AUTHENTICATING.test(req.url)) return next(req);
  const token = auth.token();
  const withToken = (t: string | null) => (t ? req.clone({ setHeaders: { Authorization: `Bearer ${t}` } }) : req);
  return next(withToken(token)).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401 || !token) return throwError(() => error);
      return from(auth.refresh()).pipe(
        switchMap((ok) => {
          if (ok) return next(withToken(auth.token()));
          auth.endSession('expired');
          return throwError(() => error);
        }),
      );
    }),
  );
};
