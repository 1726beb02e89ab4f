import type { AccuracyPoint, BacklogBucket } from '@chartdesk/contracts';
import { weekOf } from './active-time';

export interface ClosedReview {
  readonly closedAt: Date;
  readonly dxCodes: number;
  readonly dxErrors: number;
  readonly pxCodes: number;
  readonly pxErrors: number;
  readonly passed: boolean;
}

/** Pooled over the reviews: all positions and all errors together, so a one-code chart weighs as one code. */
export function pooledAccuracy(codes: number, errors: number): number | null {
  return codes === 0 ? null : Math.max(0, (codes - errors) / codes);
}

export function accuracyTotals(reviews: readonly ClosedReview[]) {
  const sum = (f: (r: ClosedReview) => number) => reviews.reduce((a, r) => a + f(r), 0);
  return {
    diagnosisAccuracy: pooledAccuracy(
      sum((r) => r.dxCodes),
      sum((r) => r.dxErrors),
    ),
    procedureAccuracy: pooledAccuracy(
      sum((r) => r.pxCodes),
      sum((r) => r.pxErrors),
    ),
    passRate: reviews.length === 0 ? null : reviews.filter((r) => r.passed).length / reviews.length,
  };
}

/** One point per ISO week that has closed reviews, oldest first. */
export function accuracyByWeek(reviews: readonly ClosedReview[]): AccuracyPoint[] {
  const weeks = new Map<string, ClosedReview[]>();
  for (const r of reviews) {
    const w = weekOf(r.closedAt);
    weeks.set(w, [...(weeks.get(w) ?? []), r]);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, rs]) => {
      const t = accuracyTotals(rs);
      return {
        week,
        reviews: rs.length,
        diagnosisAccuracy: t.diagnosisAccuracy,
        procedureAccuracy: t.procedureAccuracy,
        passRate: t.passRate ?? 0,
      };
    });
}

export const BACKLOG_BUCKETS: readonly Omit<BacklogBucket, 'charts'>[] = [
  { label: '0–3 days', minDays: 0, maxDays: 3 },
  { label: '4–7 days', minDays: 4, maxDays: 7 },
  { label: '8–14 days', minDays: 8, maxDays: 14 },
  { label: '15–30 days', minDays: 15, maxDays: 30 },
  { label: 'over 30 days', minDays: 31, maxDays: null },
];

/** Counts open charts by days since discharge (or the date of service). */
export function backlogAging(daysSinceDischarge: readonly number[]): BacklogBucket[] {
  return BACKLOG_BUCKETS.map((b) => ({
    ...b,
    charts: daysSinceDischarge.filter((d) => d >= b.minDays && (b.maxDays === null || d <= b.maxDays)).length,
  }));
}

/** One CSV field: quoted, quotes doubled, and a leading = + - @ defused so a spreadsheet never runs it. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
