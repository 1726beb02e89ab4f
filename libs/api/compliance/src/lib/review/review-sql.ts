import type { ReviewStatus } from '@chartdesk/contracts';

/** Severity as a number, so the queue sorts and pages by it. */
export const SEVERITY_RANK_SQL = `CASE r.severity WHEN 'CRITICAL' THEN 4 WHEN 'HIGH' THEN 3 WHEN 'MEDIUM' THEN 2 ELSE 1 END`;

export const REVIEW_SELECT = `
SELECT r.id, r.rule, r.severity, r.status, r.title, r.evidence, r.disposition, r.version,
       to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key,
       r.created_at, r.closed_at, ${SEVERITY_RANK_SQL} AS severity_rank,
       EXTRACT(EPOCH FROM (COALESCE(r.closed_at, now()) - r.created_at))::bigint AS open_seconds,
       r.user_id, su.username AS subject_username, su.display_name AS subject_name, su.role AS subject_role,
       r.assignee_id, au.username AS assignee_username, au.display_name AS assignee_name, au.role AS assignee_role,
       r.patient_id, p.mrn, p.family_name, p.given_name
  FROM review_item r
  LEFT JOIN identity_users su ON su.id = r.user_id
  LEFT JOIN identity_users au ON au.id = r.assignee_id
  LEFT JOIN records_patients p ON p.id = r.patient_id`;

export interface ReviewDbRow {
  id: string;
  rule: string;
  severity: string;
  status: string;
  title: string;
  evidence: Record<string, unknown>;
  disposition: string | null;
  version: number;
  created_key: string;
  created_at: Date;
  closed_at: Date | null;
  severity_rank: number;
  open_seconds: string;
  user_id: string | null;
  subject_username: string | null;
  subject_name: string | null;
  subject_role: string | null;
  assignee_id: string | null;
  assignee_username: string | null;
  assignee_name: string | null;
  assignee_role: string | null;
  patient_id: string | null;
  mrn: string | null;
  family_name: string | null;
  given_name: string | null;
}

/** Rows the records lib closed before the lifecycle existed read as closed-justified. */
export function normaliseStatus(status: string): ReviewStatus {
  return status === 'CLOSED' ? 'CLOSED_JUSTIFIED' : (status as ReviewStatus);
}
