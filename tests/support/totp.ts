import { Clock, totpCodeAt } from '@chartdesk/api-identity';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

const STEP_MS = 30_000;
const usedSteps = new Map<string, number>();

/**
 * TOTP codes are single use and the server accepts its current step and the
 * next one. This claims the first step not used yet with `secret` that the
 * server accepts at `nowMs`, or says how long until one is.
 */
export function claimTotpStep(secret: string, nowMs: number): { code: string } | { waitMs: number } {
  const step = Math.floor(nowMs / STEP_MS);
  const use = Math.max(step, (usedSteps.get(secret) ?? 0) + 1);
  if (use > step + 1) return { waitMs: (use - 1) * STEP_MS - nowMs };
  usedSteps.set(secret, use);
  return { code: totpCodeAt(secret, (use * STEP_MS) / 1000) };
}

const offsets = new WeakMap<Clock, number>();

/**
 * Moves the app's injectable Clock (TOTP steps, session limits, lockouts)
 * forward by `ms`, cumulatively, instead of a test sleeping in real time.
 */
export function advanceAppClock(app: NestFastifyApplication, ms: number): void {
  const clock = app.get(Clock);
  if (!offsets.has(clock)) {
    const real = Clock.prototype.now;
    clock.now = function (this: Clock): Date {
      return new Date(real.call(this).getTime() + (offsets.get(clock) ?? 0));
    };
  }
  offsets.set(clock, (offsets.get(clock) ?? 0) + ms);
}

/** A TOTP code not used yet for this secret; when the accepted steps are used up, the app's clock moves on. */
export function freshTotpCode(app: NestFastifyApplication, secret: string): Promise<string> {
  const clock = app.get(Clock);
  const first = claimTotpStep(secret, clock.nowMs());
  if ('code' in first) return Promise.resolve(first.code);
  advanceAppClock(app, first.waitMs);
  const next = claimTotpStep(secret, clock.nowMs());
  if ('code' in next) return Promise.resolve(next.code);
  throw new Error('The app clock did not move (a test has mocked Clock.now): move that mock forward instead.');
}

/**
 * For a browser test, whose app runs in its own process with the real clock:
 * waits until the server's step reaches one not used yet, then returns its code.
 */
export async function freshTotpCodeRealTime(secret: string): Promise<string> {
  for (;;) {
    const claim = claimTotpStep(secret, Date.now());
    if ('code' in claim) return claim.code;
    await new Promise((r) => setTimeout(r, claim.waitMs));
  }
}
