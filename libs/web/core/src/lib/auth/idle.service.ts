import { DOCUMENT } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import { Injectable, NgZone, type OnDestroy, effect, inject, signal } from '@angular/core';
import { AuthPaths, apiUrl } from '@chartdesk/contracts';
import { AuthService } from './auth.service';
import { idleState } from './idle-timing';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'mousemove'] as const;
/** Real user activity is reported to the server at most this often, so the server's idle clock agrees. */
const HEARTBEAT_MS = 60_000;

/**
 * Mirrors the server's idle limit: a warning two minutes before, then sign-out.
 * Runs only while signed in; the server enforces the limit regardless.
 */
@Injectable({ providedIn: 'root' })
export class IdleService implements OnDestroy {
  private readonly auth = inject(AuthService);
  private readonly http = inject(HttpClient);
  private readonly zone = inject(NgZone);
  private readonly document = inject(DOCUMENT);
  private lastActivity = Date.now();
  private lastHeartbeat = Date.now();
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly onActivity = (): void => this.activity();

  /** Seconds left while the warning shows; null otherwise. */
  readonly warningSecondsLeft = signal<number | null>(null);

  constructor() {
    effect(() => (this.auth.signedIn() ? this.start() : this.stop()));
  }

  stayActive(): void {
    this.activity();
  }

  ngOnDestroy(): void {
    this.stop();
  }

  private start(): void {
    if (this.timer) return;
    this.lastActivity = Date.now();
    this.lastHeartbeat = Date.now();
    this.zone.runOutsideAngular(() => {
      for (const e of ACTIVITY_EVENTS) this.document.addEventListener(e, this.onActivity, { passive: true });
      this.timer = setInterval(() => this.zone.run(() => this.tick()), 1000);
    });
  }

  private stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    for (const e of ACTIVITY_EVENTS) this.document.removeEventListener(e, this.onActivity);
    this.warningSecondsLeft.set(null);
  }

  private activity(): void {
    this.lastActivity = Date.now();
    if (this.warningSecondsLeft() !== null) this.zone.run(() => this.warningSecondsLeft.set(null));
    if (Date.now() - this.lastHeartbeat > HEARTBEAT_MS && this.auth.signedIn()) {
      this.lastHeartbeat = Date.now();
      this.http.get(apiUrl(AuthPaths.me)).subscribe({ error: () => undefined });
    }
  }

  private tick(): void {
    const policy = this.auth.policy();
    if (!policy) return;
    if (Date.now() >= Date.parse(policy.absoluteExpiresAt)) {
      void this.auth.logout('expired');
      return;
    }
    const state = idleState(Date.now() - this.lastActivity, policy.idleSeconds);
    switch (state.kind) {
      case 'active':
        if (this.warningSecondsLeft() !== null) this.warningSecondsLeft.set(null);
        return;
      case 'warning':
        this.warningSecondsLeft.set(state.secondsLeft);
        return;
      case 'expired':
        this.stop();
        void this.auth.logout('idle');
        return;
    }
  }
}
