import {
  type ComplianceDashboard,
  type DailyCount,
  REVIEW_SEVERITIES,
  REVIEW_STATUSES,
  type ReviewSeverity,
  type ReviewStatus,
} from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const DAYS = 30;

/** Counts only (no patient data): queue by status and severity, and 30-day trends. */
@Injectable()
export class DashboardService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(): Promise<ComplianceDashboard> {
    const q = <T>(sql: string, p: unknown[] = []): Promise<T[]> => this.dataSource.query(sql, p) as Promise<T[]>;
    const [statusRows, severityRows, oldest, accesses, denials, openItems] = await Promise.all([
      q<{ status: string; n: number }>(
        `SELECT CASE status WHEN 'CLOSED' THEN 'CLOSED_JUSTIFIED' ELSE status END AS status, count(*)::int AS n
           FROM review_item GROUP BY 1`,
      ),
      q<{ severity: ReviewSeverity; n: number }>(
        `SELECT severity, count(*)::int AS n FROM review_item WHERE status IN ('OPEN', 'IN_REVIEW', 'ESCALATED') GROUP BY 1`,
      ),
      q<{ s: string | null }>(
        `SELECT EXTRACT(EPOCH FROM now() - min(created_at))::bigint AS s FROM review_item
          WHERE status IN ('OPEN', 'IN_REVIEW', 'ESCALATED')`,
      ),
      this.perDay(`action IN ('CHART_VIEWED', 'DOCUMENT_VIEWED') AND outcome = 'success'`),
      this.perDay(`outcome = 'denied'`),
      // Items open at the end of each day: created by then and not closed by then.
      q<{ day: string; count: number }>(
        `SELECT to_char(d, 'YYYY-MM-DD') AS day,
                (SELECT count(*)::int FROM review_item r
                  WHERE r.created_at < d + interval '1 day' AND (r.closed_at IS NULL OR r.closed_at >= d + interval '1 day')
                    AND r.status <> 'CLOSED') AS count
           FROM generate_series(date_trunc('day', now() AT TIME ZONE 'UTC') - interval '${DAYS - 1} days',
                                date_trunc('day', now() AT TIME ZONE 'UTC'), interval '1 day') AS d
          ORDER BY d`,
      ),
    ]);
    const byStatus = Object.fromEntries(REVIEW_STATUSES.map((s) => [s, 0])) as Record<ReviewStatus, number>;
    for (const r of statusRows) byStatus[r.status as ReviewStatus] += r.n;
    const openBySeverity = Object.fromEntries(REVIEW_SEVERITIES.map((s) => [s, 0])) as Record<ReviewSeverity, number>;
    for (const r of severityRows) openBySeverity[r.severity] = r.n;
    return {
      byStatus,
      openBySeverity,
      oldestOpenSeconds: oldest[0]?.s === null || oldest[0]?.s === undefined ? null : Number(oldest[0].s),
      accessesPerDay: accesses,
      denialsPerDay: denials,
      openItemsPerDay: openItems,
    };
  }

  /** One count per UTC day for the last DAYS days; the action and denials indexes serve the range. */
  private async perDay(predicate: string): Promise<DailyCount[]> {
    const rows = (await this.dataSource.query(
      `SELECT to_char(d, 'YYYY-MM-DD') AS day, COALESCE(c.n, 0)::int AS count
         FROM generate_series(date_trunc('day', now() AT TIME ZONE 'UTC') - interval '${DAYS - 1} days',
                              date_trunc('day', now() AT TIME ZONE 'UTC'), interval '1 day') AS d
         LEFT JOIN (SELECT date_trunc('day', recorded_at AT TIME ZONE 'UTC') AS day, count(*) AS n FROM audit_event
                     WHERE recorded_at >= now() - interval '${DAYS} days' AND ${predicate} GROUP BY 1) c ON c.day = d
        ORDER BY d`,
    )) as DailyCount[];
    return rows;
  }
}
