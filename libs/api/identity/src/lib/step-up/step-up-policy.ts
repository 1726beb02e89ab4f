/**
 * Limits for step-up codes (break-the-glass, MFA reset): stricter than sign-in,
 * because the caller already holds a session — a stolen one is exactly what a
 * step-up exists to stop. Counted per user (every session of the account) and
 * per session; a refused attempt while throttled still counts.
 */
export const STEP_UP_DELAY_AFTER_FAILURES = 3;
export const STEP_UP_LOCK_AFTER_FAILURES = 5;
export const STEP_UP_LOCK_MINUTES = 15;
/** Attempts refused in one session before that session is ended. */
export const STEP_UP_REVOKE_SESSION_AFTER = 10;
const MAX_DELAY_SECONDS = 30;

export type StepUpPurpose = 'BREAK_GLASS' | 'MFA_RESET';

export interface StepUpState {
  readonly notBefore: Date | null;
  readonly lockedUntil: Date | null;
}

/** What `failures` consecutive refused attempts, the latest at `now`, impose on the next one. */
export function stepUpStateAfter(failures: number, now: Date): StepUpState {
  const t = now.getTime();
  if (failures >= STEP_UP_LOCK_AFTER_FAILURES) {
    return { notBefore: null, lockedUntil: new Date(t + STEP_UP_LOCK_MINUTES * 60_000) };
  }
  if (failures >= STEP_UP_DELAY_AFTER_FAILURES) {
    const seconds = Math.min(2 ** (failures - STEP_UP_DELAY_AFTER_FAILURES), MAX_DELAY_SECONDS);
    return { notBefore: new Date(t + seconds * 1000), lockedUntil: null };
  }
  return { notBefore: null, lockedUntil: null };
}

export function shouldRevokeSession(sessionFailures: number): boolean {
  return sessionFailures >= STEP_UP_REVOKE_SESSION_AFTER;
}
