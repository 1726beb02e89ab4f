/** One audit event of the coder, as the scorecard reads it. */
export interface CoderEvent {
  readonly at: Date;
  readonly action: string;
  readonly resourceType: string | null;
  readonly resourceId: string | null;
}

export interface ActiveTime {
  readonly activeMs: number;
  readonly submissions: number;
}

/** Longer than this without any event is idle: only this much of the gap counts. */
export const IDLE_GAP_MS = 5 * 60 * 1000;

const opensChart = (e: CoderEvent) => e.action === 'CHART_VIEWED' && e.resourceType === 'CodingWorkspace';
const endsSession = (e: CoderEvent) => e.action === 'LOGOUT' || e.action === 'SESSION_REVOKED';

/**
 * Active coding time from the coder's own event log: from opening a chart's
 * workspace to submitting it, summing the gaps between consecutive events with
 * each gap capped at the idle limit (the time it takes to notice someone has
 * gone is counted, the rest of a break is not). Time outside an open chart —
 * between submit and the next open, after sign-out — is not coding time.
 */
export function activeCodingTime(events: readonly CoderEvent[], idleGapMs = IDLE_GAP_MS): ActiveTime {
  const sorted = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  let open: string | null = null;
  let last: Date | null = null;
  let activeMs = 0;
  let submissions = 0;
  for (const e of sorted) {
    if (open !== null && last !== null) activeMs += Math.min(e.at.getTime() - last.getTime(), idleGapMs);
    if (opensChart(e)) {
      open = e.resourceId;
    } else if (e.action === 'CODES_SUBMITTED') {
      submissions += 1;
      if (e.resourceId === open) open = null;
    } else if (endsSession(e)) {
      open = null;
    }
    last = e.at;
  }
  return { activeMs, submissions };
}

/** Median of a list of numbers; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const upper = s[mid] ?? 0;
  return s.length % 2 === 1 ? upper : ((s[mid - 1] ?? 0) + upper) / 2;
}

/** Monday of the ISO week of a date, as YYYY-MM-DD (UTC). */
export function weekOf(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day);
  return d.toISOString().slice(0, 10);
}
