import { LOCK_AFTER_FAILURES, secondsUntilAllowed, throttleAfterFailure, usernameKey } from './throttle-policy';

describe('throttleAfterFailure', () => {
  const now = new Date('2026-11-24T08:00:00Z');

  it('lets the first few failures retry at once', () => {
    for (let f = 1; f < 5; f++) expect(secondsUntilAllowed(throttleAfterFailure(f, now), now)).toBe(0);
  });

  it('then delays progressively', () => {
    const delays = [5, 6, 7, 8, 9].map((f) => secondsUntilAllowed(throttleAfterFailure(f, now), now));
    expect(delays).toEqual([1, 2, 4, 8, 16]);
  });

  it('locks for 15 minutes at the 10th consecutive failure and on each one after', () => {
    const tenth = throttleAfterFailure(LOCK_AFTER_FAILURES, now);
    expect(tenth.justLocked).toBe(true);
    expect(secondsUntilAllowed(tenth, now)).toBe(900);
    const eleventh = throttleAfterFailure(11, now);
    expect(eleventh.justLocked).toBe(false);
    expect(secondsUntilAllowed(eleventh, now)).toBe(900);
  });

  it('never allows more than 100 consecutive failures', () => {
    const hundredth = throttleAfterFailure(100, now);
    expect(hundredth.justLocked).toBe(true);
    expect(secondsUntilAllowed(hundredth, new Date(now.getTime() + 365 * 86_400_000))).toBeGreaterThan(0);
  });

  it('keys usernames case-insensitively after NFKC', () => {
    expect(usernameKey('  JDoe ')).toBe('jdoe');
    expect(usernameKey('ｊｄｏｅ')).toBe('jdoe');
  });
});
