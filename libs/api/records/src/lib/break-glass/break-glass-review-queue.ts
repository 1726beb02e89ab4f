import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface BreakGlassReviewInput {
  readonly userId: string;
  readonly encounterId: string;
  readonly patientId: string;
  readonly grantId: string;
  readonly at: Date;
}

/** Opens the review item for a grant in the grant's own transaction; answers the item's id. */
export type BreakGlassReviewWriter = (m: EntityManager, input: BreakGlassReviewInput) => Promise<string>;

/**
 * Every break-the-glass grant opens a compliance review item. The review queue
 * (review_item) is the compliance lib's table and compliance depends on records,
 * not the other way round: so records publishes this seam and compliance attaches
 * its writer at start-up. Without one, a grant is refused (fail closed) rather
 * than left unreviewed.
 */
@Injectable()
export class BreakGlassReviewQueue {
  private writer: BreakGlassReviewWriter | null = null;

  attach(writer: BreakGlassReviewWriter): void {
    this.writer = writer;
  }

  open(m: EntityManager, input: BreakGlassReviewInput): Promise<string> {
    if (!this.writer) throw new Error('No break-the-glass review queue is attached (is the compliance module loaded?)');
    return this.writer(m, input);
  }
}
