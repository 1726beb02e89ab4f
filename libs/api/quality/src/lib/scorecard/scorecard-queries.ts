import type { AtRiskChart, ThroughputPoint } from '@chartdesk/contracts';
import type { EntityManager } from 'typeorm';
import type { CoderEvent } from './active-time';
import type { ClosedReview } from './scorecard-math';

/** The actions that mark a coder at work on a chart; sign-out ends the open chart. */
const WORK_ACTIONS = [
  'CHART_VIEWED',
  'DOCUMENT_VIEWED',
  'CODES_SAVED',
  'CODES_SUBMITTED',
  'QUERY_CREATED',
  'LOGOUT',
  'SESSION_REVOKED',
];

export async function closedReviews(m: EntityManager, coderId: string, from: Date, to: Date): Promise<ClosedReview[]> {
  const rows = (await m.query(
    `SELECT closed_at, dx_codes, dx_errors, px_codes, px_errors, passed FROM quality_review
      WHERE coder_id = $1 AND status = 'CLOSED' AND score IS NOT NULL AND closed_at >= $2 AND closed_at < $3
      ORDER BY closed_at`,
    [coderId, from, to],
  )) as {
    closed_at: Date;
    dx_codes: number;
    dx_errors: number;
    px_codes: number;
    px_errors: number;
    passed: boolean;
  }[];
  return rows.map((r) => ({
    closedAt: r.closed_at,
    dxCodes: r.dx_codes,
    dxErrors: r.dx_errors,
    pxCodes: r.px_codes,
    pxErrors: r.px_errors,
    passed: r.passed,
  }));
}

/** The coder's own events in the window, on the audit log's (actor, time) index. */
export async function coderEvents(m: EntityManager, coderId: string, from: Date, to: Date): Promise<CoderEvent[]> {
  const rows = (await m.query(
    `SELECT recorded_at, action, resource_type, resource_id FROM audit_event
      WHERE actor_user_id = $1 AND recorded_at >= $2 AND recorded_at < $3 AND action = ANY($4::text[])
      ORDER BY recorded_at, id`,
    [coderId, from, to, WORK_ACTIONS],
  )) as { recorded_at: Date; action: string; resource_type: string | null; resource_id: string | null }[];
  return rows.map((r) => ({
    at: r.recorded_at,
    action: r.action,
    resourceType: r.resource_type,
    resourceId: r.resource_id,
  }));
}

/** Hours from the coder's assignment to their first submission of each chart first submitted in the window. */
export async function turnaroundHours(m: EntityManager, coderId: string, from: Date, to: Date): Promise<number[]> {
  const rows = (await m.query(
    `SELECT extract(epoch FROM (f.first_at - a.assigned_at)) / 3600 AS hours
       FROM (SELECT encounter_id, min(created_at) AS first_at FROM worklist_coding_versions
              WHERE created_by = $1 AND kind = 'SUBMISSION' GROUP BY encounter_id) f
       JOIN LATERAL (SELECT assigned_at FROM records_assignments
                      WHERE encounter_id = f.encounter_id AND coder_id = $1 AND assigned_at <= f.first_at
                      ORDER BY assigned_at DESC LIMIT 1) a ON true
      WHERE f.first_at >= $2 AND f.first_at < $3`,
    [coderId, from, to],
  )) as { hours: string }[];
  return rows.map((r) => Number(r.hours));
}

export async function openItems(m: EntityManager, coderId: string): Promise<{ assignments: number; reviews: number }> {
  const [row] = (await m.query(
    `SELECT (SELECT count(*)::int FROM records_assignments a JOIN records_charts e ON e.id = a.encounter_id
              WHERE a.coder_id = $1 AND a.active
                AND e.coding_status IN ('ASSIGNED', 'IN_PROGRESS', 'ON_HOLD', 'RETURNED')) AS assignments,
            (SELECT count(*)::int FROM quality_review WHERE coder_id = $1 AND status = 'AWAITING_CODER') AS reviews`,
    [coderId],
  )) as { assignments: number; reviews: number }[];
  return row ?? { assignments: 0, reviews: 0 };
}

/** The team's charts: those actively assigned to one of its coders. */
const TEAM_CHARTS = `encounter e JOIN records_assignments a ON a.encounter_id = e.id AND a.active
  JOIN identity_users u ON u.id = a.coder_id AND u.team_id = $1`;

/** Days since discharge (or the date of service) of every open chart of the team: the DNFB backlog. */
export async function backlogDays(m: EntityManager, teamId: string): Promise<number[]> {
  const rows = (await m.query(
    `SELECT GREATEST(0, current_date - COALESCE(e.discharged_at::date, e.service_date, e.admitted_at::date))::int AS days
       FROM ${TEAM_CHARTS} WHERE e.coding_status <> 'COMPLETED'`,
    [teamId],
  )) as { days: number }[];
  return rows.map((r) => r.days);
}

/** Not yet submitted and due within `withinDays` (or overdue), most urgent first. */
export async function chartsAtRisk(m: EntityManager, teamId: string, withinDays: number): Promise<AtRiskChart[]> {
  const rows = (await m.query(
    `SELECT e.id, to_char(e.due_date, 'YYYY-MM-DD') AS due_date, (e.due_date - current_date)::int AS days_left,
            e.coding_status, u.display_name
       FROM ${TEAM_CHARTS}
      WHERE e.due_date IS NOT NULL AND e.due_date <= current_date + $2::int
        AND e.coding_status NOT IN ('SUBMITTED', 'IN_REVIEW', 'COMPLETED')
      ORDER BY e.due_date, e.priority, e.id LIMIT 100`,
    [teamId, withinDays],
  )) as { id: string; due_date: string; days_left: number; coding_status: string; display_name: string | null }[];
  return rows.map((r) => ({
    encounterId: r.id,
    dueDate: r.due_date,
    daysLeft: r.days_left,
    status: r.coding_status,
    coderName: r.display_name,
  }));
}

/** Submissions (by the team's coders) and completions per day, every day of the window. */
export async function throughput(m: EntityManager, teamId: string, from: Date, to: Date): Promise<ThroughputPoint[]> {
  const rows = (await m.query(
    `SELECT to_char(d, 'YYYY-MM-DD') AS day,
            (SELECT count(*)::int FROM worklist_coding_versions cv JOIN identity_users u ON u.id = cv.created_by
              WHERE u.team_id = $1 AND cv.kind = 'SUBMISSION'
                AND cv.created_at >= d AND cv.created_at < d + interval '1 day') AS submitted,
            (SELECT count(*)::int FROM ${TEAM_CHARTS}
              WHERE e.coding_status = 'COMPLETED' AND e.status_changed_at >= d
                AND e.status_changed_at < d + interval '1 day') AS completed
       FROM generate_series($2::date, $3::date, interval '1 day') d ORDER BY d`,
    [teamId, from, to],
  )) as { day: string; submitted: number; completed: number }[];
  return rows;
}
