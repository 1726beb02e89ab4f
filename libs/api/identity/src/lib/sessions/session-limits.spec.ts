import { sessionEnd } from './session-limits';

describe('sessionEnd', () => {
  const t0 = Date.parse('2026-11-24T08:00:00Z');
  const live = { lastSeenAt: new Date(t0), absoluteExpiresAt: new Date(t0 + 12 * 3600_000), revokedAt: null };

  it('keeps a session that was active within the idle limit', () => {
    expect(sessionEnd(live, t0 + 14 * 60_000, 900)).toBeNull();
  });

  it('ends a session idle for 15 minutes', () => {
    expect(sessionEnd(live, t0 + 15 * 60_000, 900)).toBe('idle');
  });

  it('ends a session at its absolute limit even when active', () => {
    const busy = { ...live, lastSeenAt: new Date(t0 + 12 * 3600_000 - 1000) };
    expect(sessionEnd(busy, t0 + 12 * 3600_000, 900)).toBe('absolute');
  });

  it('reports revocation first', () => {
    expect(sessionEnd({ ...live, revokedAt: new Date(t0) }, t0, 900)).toBe('revoked');
  });
});
