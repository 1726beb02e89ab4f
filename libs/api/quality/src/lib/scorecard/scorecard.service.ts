import { AuditService } from '@chartdesk/api-audit';
import { type Actor, DomainError, type RequestMeta } from '@chartdesk/api-platform';
import type { CoderScorecard, TeamDashboard } from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { coderInTeam, coderRowsOfTeam } from '../sampling/team-members';
import { teamOf } from '../team-scope';
import { activeCodingTime, median } from './active-time';
import { accuracyByWeek, accuracyTotals, backlogAging, csvField } from './scorecard-math';
import {
  backlogDays,
  chartsAtRisk,
  closedReviews,
  coderEvents,
  openItems,
  throughput,
  turnaroundHours,
} from './scorecard-queries';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Charts due within this many days and not yet submitted are at risk. */
export const AT_RISK_DAYS = 2;

export interface ScorecardWindow {
  readonly from?: string;
  readonly to?: string;
}

function windowOf(q: ScorecardWindow, now = new Date()): { from: Date; to: Date } {
  const to = q.to ? new Date(q.to) : now;
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * DAY_MS);
  if (!(from.getTime() < to.getTime())) throw new DomainError('VALIDATION', '"from" must be before "to".');
  if (to.getTime() - from.getTime() > 366 * DAY_MS) throw new DomainError('VALIDATION', 'A window is at most a year.');
  return { from, to };
}

/** Below a minute of active time a rate per hour says nothing (and divides by almost zero). */
const MIN_ACTIVE_MS_FOR_RATE = 60_000;

const round = (v: number | null, places = 4) => (v === null ? null : Number(v.toFixed(places)));

/**
 * Scorecards: a coder's own, or any coder's of the supervisor's team, and the
 * team dashboard with its CSV export. They hold counts and rates, no patient
 * data; running them is audited as a report, exporting as an export.
 */
@Injectable()
export class ScorecardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  mine(actor: Actor, meta: RequestMeta, q: ScorecardWindow): Promise<CoderScorecard> {
    const w = windowOf(q);
    return this.dataSource.transaction(async (m) => {
      const [me] = (await m.query('SELECT display_name FROM identity_users WHERE id = $1', [actor.userId])) as {
        display_name: string;
      }[];
      await this.reportRun(m, actor, meta, 'CODER_SCORECARD', actor.userId);
      return this.scorecard(m, actor.userId, me?.display_name ?? '', w.from, w.to);
    });
  }

  coder(actor: Actor, meta: RequestMeta, coderId: string, q: ScorecardWindow): Promise<CoderScorecard> {
    const teamId = teamOf(actor);
    const w = windowOf(q);
    return this.dataSource.transaction(async (m) => {
      const coder = await coderInTeam(m, coderId, teamId);
      if (!coder) throw new DomainError('NOT_FOUND', 'No such coder in your team.');
      await this.reportRun(m, actor, meta, 'CODER_SCORECARD', coderId);
      return this.scorecard(m, coder.id, coder.display_name, w.from, w.to);
    });
  }

  team(actor: Actor, meta: RequestMeta, q: ScorecardWindow): Promise<TeamDashboard> {
    const teamId = teamOf(actor);
    const w = windowOf(q);
    return this.dataSource.transaction(async (m) => {
      await this.reportRun(m, actor, meta, 'TEAM_DASHBOARD', teamId);
      return this.dashboard(m, teamId, w.from, w.to);
    });
  }

  teamCsv(actor: Actor, meta: RequestMeta, q: ScorecardWindow): Promise<string> {
    const teamId = teamOf(actor);
    const w = windowOf(q);
    return this.dataSource.transaction(async (m) => {
      const coders = await this.teamScorecards(m, teamId, w.from, w.to);
      await this.audit.record(m, {
        action: 'EXPORTED',
        outcome: 'success',
        actor,
        meta,
        resourceType: 'TeamScorecards',
        resourceId: teamId,
        details: { format: 'csv', rows: coders.length, from: w.from.toISOString(), to: w.to.toISOString() },
      });
      const header = [
        'coder',
        'reviews_closed',
        'diagnosis_accuracy',
        'procedure_accuracy',
        'pass_rate',
        'charts_submitted',
        'active_coding_hours',
        'charts_per_hour',
        'median_turnaround_hours',
        'open_assignments',
        'reviews_awaiting_response',
      ];
      const lines = coders.map((c) =>
        [
          csvField(c.coderName),
          csvField(c.reviewsClosed),
          csvField(c.diagnosisAccuracy),
          csvField(c.procedureAccuracy),
          csvField(c.passRate),
          csvField(c.chartsSubmitted),
          csvField(c.activeCodingHours),
          csvField(c.chartsPerHour),
          csvField(c.medianTurnaroundHours),
          csvField(c.openAssignments),
          csvField(c.reviewsAwaitingResponse),
        ].join(','),
      );
      return [header.join(','), ...lines].join('\r\n') + '\r\n';
    });
  }

  private async dashboard(m: EntityManager, teamId: string, from: Date, to: Date): Promise<TeamDashboard> {
    const [open] = (await m.query(
      `SELECT count(*)::int AS n FROM quality_review WHERE team_id = $1 AND status <> 'CLOSED'`,
      [teamId],
    )) as { n: number }[];
    return {
      teamId,
      from: from.toISOString(),
      to: to.toISOString(),
      backlogAging: backlogAging(await backlogDays(m, teamId)),
      atRisk: await chartsAtRisk(m, teamId, AT_RISK_DAYS),
      throughput: await throughput(m, teamId, from, to),
      coders: await this.teamScorecards(m, teamId, from, to),
      openReviews: open?.n ?? 0,
    };
  }

  private async teamScorecards(m: EntityManager, teamId: string, from: Date, to: Date): Promise<CoderScorecard[]> {
    const out: CoderScorecard[] = [];
    for (const c of await coderRowsOfTeam(m, teamId)) out.push(await this.scorecard(m, c.id, c.display_name, from, to));
    return out;
  }

  private async scorecard(
    m: EntityManager,
    coderId: string,
    name: string,
    from: Date,
    to: Date,
  ): Promise<CoderScorecard> {
    const reviews = await closedReviews(m, coderId, from, to);
    const totals = accuracyTotals(reviews);
    const active = activeCodingTime(await coderEvents(m, coderId, from, to));
    const hours = active.activeMs / 3_600_000;
    const items = await openItems(m, coderId);
    return {
      coderId,
      coderName: name,
      from: from.toISOString(),
      to: to.toISOString(),
      reviewsClosed: reviews.length,
      diagnosisAccuracy: round(totals.diagnosisAccuracy),
      procedureAccuracy: round(totals.procedureAccuracy),
      passRate: round(totals.passRate),
      accuracyOverTime: accuracyByWeek(reviews).map((p) => ({
        ...p,
        diagnosisAccuracy: round(p.diagnosisAccuracy),
        procedureAccuracy: round(p.procedureAccuracy),
        passRate: round(p.passRate) ?? 0,
      })),
      chartsSubmitted: active.submissions,
      activeCodingHours: round(hours, 2) ?? 0,
      chartsPerHour: active.activeMs >= MIN_ACTIVE_MS_FOR_RATE ? round(active.submissions / hours, 2) : null,
      medianTurnaroundHours: round(median(await turnaroundHours(m, coderId, from, to)), 1),
      openAssignments: items.assignments,
      reviewsAwaitingResponse: items.reviews,
    };
  }

  private reportRun(m: EntityManager, actor: Actor, meta: RequestMeta, report: string, subject: string) {
    return this.audit.record(m, {
      action: 'REPORT_RUN',
      outcome: 'success',
      actor,
      meta,
      resourceType: report,
      resourceId: subject,
    });
  }
}
