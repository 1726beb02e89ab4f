import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { type HealthReady, ApiPaths, apiUrl } from '@chartdesk/contracts';
import { type Observable, catchError, map, of } from 'rxjs';

export type HealthState =
  | { kind: 'loading' }
  | { kind: 'ok'; health: HealthReady }
  | { kind: 'error'; message: string };

/** Reads the API's readiness, which says whether the database answers and in which mode. */
@Injectable({ providedIn: 'root' })
export class HealthService {
  private readonly http = inject(HttpClient);

  ready$(): Observable<HealthState> {
    return this.http.get<HealthReady>(apiUrl(ApiPaths.healthReady)).pipe(
      map((health): HealthState => ({ kind: 'ok', health })),
      catchError((err: { status?: number; error?: HealthReady }) =>
        // A 503 still carries the body that says what is down.
        of<HealthState>(
          err.status === 503 && err.error
            ? { kind: 'ok', health: err.error }
            : { kind: 'error', message: 'The ChartDesk server did not answer. Check that it is running.' },
        ),
      ),
    );
  }

  readySignal() {
    return toSignal(this.ready$(), { initialValue: { kind: 'loading' } as HealthState });
  }
}
