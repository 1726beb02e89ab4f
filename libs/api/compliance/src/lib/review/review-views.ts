import type {
  AnomalyRule,
  ReviewItemDetail,
  ReviewItemSummary,
  ReviewNoteView,
  ReviewPersonRef,
  ReviewSeverity,
  Role,
} from '@chartdesk/contracts';
import { type ReviewDbRow, normaliseStatus } from './review-sql';

function person(id: string | null, username: string | null, name: string | null, role: string | null) {
  return id && username
    ? ({ userId: id, username, displayName: name ?? username, role: role as Role } satisfies ReviewPersonRef)
    : null;
}

export function toReviewSummary(r: ReviewDbRow): ReviewItemSummary {
  return {
    id: r.id,
    rule: r.rule as AnomalyRule,
    severity: r.severity as ReviewSeverity,
    status: normaliseStatus(r.status),
    title: r.title,
    subject: person(r.user_id, r.subject_username, r.subject_name, r.subject_role),
    patient:
      r.patient_id && r.mrn
        ? { patientId: r.patient_id, mrn: r.mrn, name: `${r.family_name ?? ''}, ${r.given_name ?? ''}` }
        : null,
    assignee: person(r.assignee_id, r.assignee_username, r.assignee_name, r.assignee_role),
    createdAt: r.created_at.toISOString(),
    closedAt: r.closed_at ? r.closed_at.toISOString() : null,
    openSeconds: Number(r.open_seconds),
    version: r.version,
  };
}

export function toReviewDetail(r: ReviewDbRow, notes: ReviewNoteView[]): ReviewItemDetail {
  return { ...toReviewSummary(r), evidence: r.evidence, disposition: r.disposition, notes };
}
