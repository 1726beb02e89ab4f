/** Per-account limits (NIST SP 800-63B-4 §3.2.2): a growing delay, a lock, and a hard stop at 100. */
export const DELAY_AFTER_FAILURES = 5;
export const LOCK_AFTER_FAILURES = 10;
export const LOCK_MINUTES = 15;
export const MAX_CONSECUTIVE_FAILURES = 100;
const MAX_DELAY_SECONDS = 60;

export interface ThrottleState {
  readonly notBefore: Date | null;
  readonly lockedUntil: Date | null;
  /** True when this failure is the one that locked the account. */
  readonly justLocked: boolean;
}

/** What `failures` consecutive failures, the latest at `now`, impose on the next attempt. */
export function throttleAfterFailure(failures: number, now: Date): ThrottleState {
  const t = now.getTime();
  if (failures >= MAX_CONSECUTIVE_FAILURES) {
    // Only an administrator (enable or password reset) lifts this one.
    return { notBefore: null, lockedUntil: new Date(8.64e15), justLocked: failures === MAX_CONSECUTIVE_FAILURES };
  }
  if (failures >= LOCK_AFTER_FAILURES) {
    return {
      notBefore: null,
      lockedUntil: new Date(t + LOCK_MINUTES * 60_000),
      justLocked: failures === LOCK_AFTER_FAILURES,
    };
  }
  if (failures >= DELAY_AFTER_FAILURES) {
    const seconds = Math.min(2 ** (failures - DELAY_AFTER_FAILURES), MAX_DELAY_SECONDS);
    return { notBefore: new Date(t + seconds * 1000), lockedUntil: null, justLocked: false };
  }
  return { notBefore: null, lockedUntil: null, justLocked: false };
}

/** Seconds until another attempt is allowed, 0 when allowed now. */
export function secondsUntilAllowed(state: { notBefore: Date | null; lockedUntil: Date | null }, now: Date): number {
  const until = Math.max(state.notBefore?.getTime() ?? 0, state.lockedUntil?.getTime() ?? 0);
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

export function usernameKey(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase().slice(0, 128);
}
