import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, signal } from '@angular/core';

/**
 * "The server cannot serve right now" as the browser sees it: 503 from the
 * API (database or audit trail unavailable), 502/504 from the reverse proxy
 * (no API instance answered), or status 0 (no connection at all). None of
 * these say anything about the session, so none of them sign the user out.
 */
export function isServerUnavailable(error: unknown): error is HttpErrorResponse {
  return error instanceof HttpErrorResponse && [0, 502, 503, 504].includes(error.status);
}

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 8000;
const MAX_RETRY_AFTER_MS = 30_000;

/** Exponential backoff from 1 s to 8 s; a server's Retry-After (seconds) wins when it is longer. */
export function retryDelayMs(attempt: number, retryAfter: string | null): number {
  const backoff = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, attempt - 1));
  const seconds = retryAfter !== null && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) : 0;
  return Math.max(backoff, Math.min(MAX_RETRY_AFTER_MS, seconds * 1000));
}

/** Whether the app is between a lost connection and the next answer from the server; drives the banner. */
@Injectable({ providedIn: 'root' })
export class ConnectionStatus {
  readonly reconnecting = signal(false);

  lost(): void {
    this.reconnecting.set(true);
  }

  restored(): void {
    if (this.reconnecting()) this.reconnecting.set(false);
  }
}
