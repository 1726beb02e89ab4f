import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import {
  AuthPaths,
  CSRF_HEADER,
  type LoginComplete,
  type LoginStepResponse,
  type MfaEnrolment,
  type Permission,
  type SessionPolicy,
  type SessionUser,
  apiUrl,
} from '@chartdesk/contracts';
import { firstValueFrom } from 'rxjs';
import { isServerUnavailable, retryDelayMs } from '../connection/connection-status';
import { readCsrfCookie } from './csrf-cookie';

/** About a minute of backoff for a page loaded during an outage. */
const RESTORE_ATTEMPTS = 9;
const RENEW_RETRY_MS = 5000;

/**
 * The signed-in session in the browser. The access token lives only in this
 * service's memory; a reload restores the session through the HttpOnly
 * refresh cookie. Nothing about the user is written to localStorage.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly accessToken = signal<string | null>(null);
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private restoring: Promise<boolean> | undefined;
  private refreshing: Promise<boolean> | undefined;

  readonly user = signal<SessionUser | null>(null);
  readonly policy = signal<SessionPolicy | null>(null);
  readonly signedIn = computed(() => this.user() !== null);
  /** Why the last session ended, shown on the sign-in page. */
  readonly endedReason = signal<'idle' | 'expired' | 'signed-out' | null>(null);

  token(): string | null {
    return this.accessToken();
  }

  can(permission: Permission): boolean {
    return this.user()?.permissions.includes(permission) ?? false;
  }

  login(username: string, password: string): Promise<LoginStepResponse> {
    return this.step(AuthPaths.login, { username, password });
  }

  verifyMfa(challengeToken: string, code: string): Promise<LoginStepResponse> {
    return this.step(AuthPaths.mfaVerify, { challengeToken, code });
  }

  setInitialPassword(challengeToken: string, newPassword: string): Promise<LoginStepResponse> {
    return this.step(AuthPaths.initialPassword, { challengeToken, newPassword });
  }

  startEnrolment(challengeToken: string): Promise<MfaEnrolment> {
    return firstValueFrom(this.http.post<MfaEnrolment>(apiUrl(AuthPaths.mfaEnrolStart), { challengeToken }));
  }

  confirmEnrolment(challengeToken: string, code: string): Promise<LoginStepResponse> {
    return this.step(AuthPaths.mfaEnrolConfirm, { challengeToken, code });
  }

  /**
   * Once per page load: a still-valid refresh cookie signs the user back in
   * silently. A page loaded while the server cannot answer waits for it (with
   * backoff, about a minute) rather than sending the user to sign in again.
   */
  ensureRestored(): Promise<boolean> {
    if (this.user()) return Promise.resolve(true);
    this.restoring ??= readCsrfCookie() ? this.restoreWithRetry() : Promise.resolve(false);
    return this.restoring;
  }

  /**
   * Rotates the refresh cookie for a new access token; false when the session
   * has ended. Rejects (keeping the session) when the server is unavailable.
   */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.doRefresh().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  async logout(reason: 'idle' | 'expired' | 'signed-out' = 'signed-out'): Promise<void> {
    const csrf = readCsrfCookie();
    try {
      await firstValueFrom(
        this.http.post<void>(apiUrl(AuthPaths.logout), {}, { headers: csrf ? { [CSRF_HEADER]: csrf } : {} }),
      );
    } catch {
      // Signed out locally either way; the server session ends by itself.
    }
    this.endSession(reason);
  }

  /** The server said the session is over (401 that a refresh could not fix). */
  endSession(reason: 'idle' | 'expired' | 'signed-out'): void {
    this.clear();
    this.endedReason.set(reason);
    this.router.navigate(['/sign-in']).catch(() => undefined);
  }

  private async step(path: string, body: object): Promise<LoginStepResponse> {
    const res = await firstValueFrom(this.http.post<LoginStepResponse>(apiUrl(path), body));
    if (res.stage === 'DONE') this.start(res);
    return res;
  }

  private async doRefresh(): Promise<boolean> {
    const csrf = readCsrfCookie();
    if (!csrf) return false;
    try {
      const res = await firstValueFrom(
        this.http.post<LoginComplete>(apiUrl(AuthPaths.refresh), {}, { headers: { [CSRF_HEADER]: csrf } }),
      );
      this.start(res);
      return true;
    } catch (error) {
      // An outage says nothing about the session: keep it, and let the caller retry.
      if (isServerUnavailable(error)) throw error;
      this.clear();
      return false;
    }
  }

  private async restoreWithRetry(): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.refresh();
      } catch (error) {
        if (!isServerUnavailable(error) || attempt >= RESTORE_ATTEMPTS) {
          this.restoring = undefined;
          return false;
        }
        await new Promise((r) => setTimeout(r, retryDelayMs(attempt, error.headers.get('retry-after'))));
      }
    }
  }

  private start(session: LoginComplete): void {
    this.accessToken.set(session.accessToken);
    this.user.set(session.user);
    this.policy.set(session.session);
    this.endedReason.set(null);
    clearTimeout(this.refreshTimer);
    // Renew a minute before the access token expires.
    const inMs = Math.max(10, session.expiresInSeconds - 60) * 1000;
    this.refreshTimer = setTimeout(() => this.scheduledRefresh(), inMs);
  }

  /** The timed renewal; during an outage it tries again shortly instead of giving the session up. */
  private scheduledRefresh(): void {
    this.refresh().catch(() => {
      this.refreshTimer = setTimeout(() => this.scheduledRefresh(), RENEW_RETRY_MS);
    });
  }

  private clear(): void {
    clearTimeout(this.refreshTimer);
    this.accessToken.set(null);
    this.user.set(null);
    this.policy.set(null);
    this.restoring = undefined;
  }
}
