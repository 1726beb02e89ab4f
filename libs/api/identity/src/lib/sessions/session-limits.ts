/** Why a live-looking session is no longer usable; pure so the rules are unit-tested. */
export type SessionEnd = 'revoked' | 'idle' | 'absolute' | null;

export interface SessionTimes {
  readonly lastSeenAt: Date;
  readonly absoluteExpiresAt: Date;
  readonly revokedAt: Date | null;
}

export function sessionEnd(s: SessionTimes, nowMs: number, idleSeconds: number): SessionEnd {
  if (s.revokedAt) return 'revoked';
  if (nowMs >= s.absoluteExpiresAt.getTime()) return 'absolute';
  if (nowMs - s.lastSeenAt.getTime() >= idleSeconds * 1000) return 'idle';
  return null;
}

/**
 * Activity is written at most this often per session, so a busy coder does not
 * turn every read into a write; idle detection is at most this much late.
 */
export const LAST_SEEN_RESOLUTION_MS = 15_000;
