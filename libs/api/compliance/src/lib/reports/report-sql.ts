import type { AuditOutcome, ComplianceReport, SortDirection } from '@chartdesk/contracts';
import type { KeysetPosition } from '../shared/keyset-cursor';

/** Access to the chart or its documents — what "who looked at the record" means. */
export const ACCESS_ACTIONS = ['CHART_VIEWED', 'DOCUMENT_VIEWED'] as const;
export const FAILED_LOGIN_ACTIONS = ['LOGIN_FAILED', 'MFA_FAILED', 'LOGIN_LOCKED'] as const;

export interface ReportFilters {
  readonly from: Date;
  readonly to: Date;
  readonly patientId?: string;
  readonly userId?: string;
  readonly outcome?: AuditOutcome;
}

/** The columns every report returns; joins add the actor's and patient's identifiers, never clinical content. */
const SELECT_ROW = `
SELECT e.id::text AS id,
       to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS recorded_at,
       e.action, e.outcome, e.outcome_reason, e.actor_user_id, e.actor_role, e.patient_id,
       e.resource_type, e.resource_id, e.purpose, host(e.ip) AS ip, e.details->>'basis' AS basis,
       u.username, u.display_name, p.mrn, p.family_name, p.given_name,
       (e.patient_id IS NOT NULL AND EXISTS (
          SELECT 1 FROM records_charts en WHERE en.patient_id = e.patient_id
             AND ('SUBSTANCE_USE_PART2' = ANY (en.labels) OR EXISTS (
               SELECT 1 FROM records_documents d WHERE d.encounter_id = en.id AND 'SUBSTANCE_USE_PART2' = ANY (d.labels)))
       )) AS part2
  FROM audit_event e
  LEFT JOIN identity_users u ON u.id = e.actor_user_id
  LEFT JOIN records_patients p ON p.id = e.patient_id`;

/**
 * Local time of the event in the actor's schedule zone lies in none of their
 * windows. Users without a schedule have no "after hours", so they never match.
 */
const OUTSIDE_SCHEDULE = `u.schedule IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM jsonb_array_elements(u.schedule->'weeklyHours') w
   WHERE w->>'day' = upper(to_char(e.recorded_at AT TIME ZONE (u.schedule->>'timeZone'), 'DY'))
     AND (e.recorded_at AT TIME ZONE (u.schedule->>'timeZone'))::time >= (w->>'start')::time
     AND (e.recorded_at AT TIME ZONE (u.schedule->>'timeZone'))::time < (w->>'end')::time)`;

const PART2_PATIENTS = `SELECT en.patient_id FROM records_charts en WHERE 'SUBSTANCE_USE_PART2' = ANY (en.labels)
  UNION SELECT en.patient_id FROM records_documents d JOIN records_charts en ON en.id = d.encounter_id
   WHERE 'SUBSTANCE_USE_PART2' = ANY (d.labels)`;

export interface ReportStatement {
  readonly sql: string;
  readonly params: unknown[];
}

/**
 * One report's statement. Each report leads with the predicate an index
 * serves — (patient_id, recorded_at), (actor_user_id, recorded_at),
 * (action, recorded_at) or the denials index — and pages by keyset on
 * (recorded_at, id). The direction comes from an allowlist, never the request text.
 */
export function reportStatement(
  report: ComplianceReport,
  filters: ReportFilters,
  direction: SortDirection,
  after: KeysetPosition | null,
  limit: number,
  options: { part2Only?: boolean } = {},
): ReportStatement {
  const params: unknown[] = [filters.from, filters.to];
  const where = ['e.recorded_at >= $1', 'e.recorded_at < $2'];
  const bind = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  switch (report) {
    case 'patient-access':
      // Compliance's own work on the trail (reports, exports, review items) is in the officer's activity,
      // not in the patient's record history.
      where.push(
        `e.patient_id = ${bind(filters.patientId)}`,
        `e.action NOT IN ('REPORT_RUN', 'EXPORTED', 'REVIEW_ITEM_CHANGED')`,
      );
      break;
    case 'user-activity':
      where.push(`e.actor_user_id = ${bind(filters.userId)}`);
      break;
    case 'denials':
      where.push(`e.outcome = 'denied'`);
      break;
    case 'break-glass':
      where.push(`e.action = 'BREAK_GLASS_GRANTED'`);
      break;
    case 'failed-logins':
      where.push(`e.action = ANY (${bind([...FAILED_LOGIN_ACTIONS])}::text[])`);
      break;
    case 'after-hours':
      where.push(`e.action = ANY (${bind([...ACCESS_ACTIONS])}::text[])`, OUTSIDE_SCHEDULE);
      break;
  }
  if (filters.userId && report !== 'user-activity') where.push(`e.actor_user_id = ${bind(filters.userId)}`);
  if (filters.patientId && report !== 'patient-access') where.push(`e.patient_id = ${bind(filters.patientId)}`);
  if (filters.outcome && report !== 'denials') where.push(`e.outcome = ${bind(filters.outcome)}`);
  // Few patients have Part 2 content, so this probes the (patient_id, recorded_at) index per patient.
  if (options.part2Only) where.push(`e.patient_id IN (${PART2_PATIENTS})`);
  const cmp = direction === 'asc' ? '>' : '<';
  const order = direction === 'asc' ? 'ASC' : 'DESC';
  if (after) where.push(`(e.recorded_at, e.id) ${cmp} (${bind(after.key)}::timestamptz, ${bind(after.id)}::bigint)`);
  const sql = `${SELECT_ROW}
 WHERE ${where.join('\n   AND ')}
 ORDER BY e.recorded_at ${order}, e.id ${order}
 LIMIT ${bind(limit)}`;
  return { sql, params };
}
