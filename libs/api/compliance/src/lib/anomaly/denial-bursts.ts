export interface DenialEvent {
  readonly id: string;
  readonly userId: string;
  readonly at: Date;
}

export interface DenialBurst {
  readonly userId: string;
  readonly eventIds: readonly string[];
  readonly first: Date;
  readonly last: Date;
}

/**
 * N or more denials by one user within M minutes. Events must be in time
 * order. A burst is reported once, ending at the event that reached N, and
 * only when that event lies at or after `since` (earlier ones were reported
 * by the previous scan). After a burst the window restarts.
 */
export function detectDenialBursts(
  events: readonly DenialEvent[],
  count: number,
  minutes: number,
  since: Date,
): DenialBurst[] {
  const windowMs = minutes * 60_000;
  const byUser = new Map<string, DenialEvent[]>();
  for (const e of events) {
    const list = byUser.get(e.userId) ?? [];
    list.push(e);
    byUser.set(e.userId, list);
  }
  const bursts: DenialBurst[] = [];
  for (const [userId, list] of byUser) {
    const times = list.map((e) => e.at.getTime());
    let start = 0;
    for (let i = 0; i < list.length; i++) {
      const now = times[i] ?? 0;
      while (now - (times[start] ?? now) > windowMs) start++;
      if (i - start + 1 >= count) {
        const burst = list.slice(start, i + 1);
        if (now >= since.getTime()) {
          bursts.push({
            userId,
            eventIds: burst.map((e) => e.id),
            first: new Date(times[start] ?? now),
            last: new Date(now),
          });
        }
        start = i + 1;
      }
    }
  }
  return bursts;
}
