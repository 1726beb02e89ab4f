import type { BreakGlassReason } from './record-enums';

/** POST /api/break-glass — one encounter, 60 minutes, needs a fresh TOTP code. */
export interface BreakGlassRequest {
  readonly encounterId: string;
  readonly reasonCode: BreakGlassReason;
  readonly reasonText: string;
  readonly totpCode: string;
}

export interface BreakGlassGrantView {
  readonly id: string;
  readonly encounterId: string;
  readonly userId: string;
  readonly reasonCode: BreakGlassReason;
  readonly grantedAt: string;
  readonly expiresAt: string;
  readonly reviewItemId: string;
}

export const BREAK_GLASS_MINUTES = 60;

export const REVIEW_ITEM_KINDS = ['BREAK_GLASS'] as const;
export type ReviewItemKind = (typeof REVIEW_ITEM_KINDS)[number];
export const REVIEW_ITEM_STATUSES = ['OPEN', 'CLOSED'] as const;
export type ReviewItemStatus = (typeof REVIEW_ITEM_STATUSES)[number];

/** GET /api/review-items — the compliance review queue (worked in a later issue). */
export interface ReviewItemView {
  readonly id: string;
  readonly kind: ReviewItemKind;
  readonly status: ReviewItemStatus;
  readonly createdAt: string;
  readonly userId: string;
  readonly encounterId: string;
  readonly patientId: string;
  readonly reasonCode: string;
  readonly reasonText: string;
  readonly grantId: string;
}
