import type { AuditService } from '@chartdesk/api-audit';
import type { Actor, RequestMeta } from '@chartdesk/api-platform';
import type { EntityManager } from 'typeorm';
import type { ReviewRow } from './review-store';

/**
 * QUALITY_REVIEW_CHANGED on the review's own transaction. Comments stay in the
 * tables: they may quote the chart, and audit events hold no clinical text.
 */
export function recordReviewEvent(
  audit: AuditService,
  m: EntityManager,
  ctx: { actor: Actor; meta: RequestMeta; purpose: string },
  row: Pick<ReviewRow, 'id' | 'patient_id' | 'encounter_id'>,
  event: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  return audit.record(m, {
    action: 'QUALITY_REVIEW_CHANGED',
    outcome: 'success',
    actor: ctx.actor,
    meta: ctx.meta,
    patientId: row.patient_id,
    resourceType: 'QualityReview',
    resourceId: row.id,
    purpose: ctx.purpose,
    details: { event, encounterId: row.encounter_id, ...details },
  });
}

/** Reading a worksheet reads the chart's codes: audited like any chart read. */
export function recordWorksheetRead(
  audit: AuditService,
  m: EntityManager,
  ctx: { actor: Actor; meta: RequestMeta; purpose: string },
  row: Pick<ReviewRow, 'id' | 'patient_id' | 'encounter_id' | 'status'>,
): Promise<void> {
  return audit.record(m, {
    action: 'CHART_VIEWED',
    outcome: 'success',
    actor: ctx.actor,
    meta: ctx.meta,
    patientId: row.patient_id,
    resourceType: 'QualityReview',
    resourceId: row.id,
    purpose: ctx.purpose,
    details: { encounterId: row.encounter_id, status: row.status },
  });
}
