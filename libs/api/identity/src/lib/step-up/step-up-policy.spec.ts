import {
  STEP_UP_LOCK_MINUTES,
  STEP_UP_REVOKE_SESSION_AFTER,
  shouldRevokeSession,
  stepUpStateAfter,
} from './step-up-policy';

describe('step-up throttle policy', () => {
  const now = new Date('2026-12-01T10:00:00Z');
  const after = (failures: number) => stepUpStateAfter(failures, now);

  it('lets the first two failures retry at once, then delays, then locks', () => {
    expect(after(1)).toEqual({ notBefore: null, lockedUntil: null });
    expect(after(2)).toEqual({ notBefore: null, lockedUntil: null });
    expect(after(3).notBefore?.getTime()).toBe(now.getTime() + 1000);
    expect(after(4).notBefore?.getTime()).toBe(now.getTime() + 2000);
    expect(after(5).lockedUntil?.getTime()).toBe(now.getTime() + STEP_UP_LOCK_MINUTES * 60_000);
    expect(after(200).lockedUntil?.getTime()).toBe(now.getTime() + STEP_UP_LOCK_MINUTES * 60_000);
  });

  it('ends the session after a handful of refused attempts', () => {
    expect(shouldRevokeSession(STEP_UP_REVOKE_SESSION_AFTER - 1)).toBe(false);
    expect(shouldRevokeSession(STEP_UP_REVOKE_SESSION_AFTER)).toBe(true);
  });
});
