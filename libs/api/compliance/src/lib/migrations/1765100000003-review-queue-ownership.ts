import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * review_item is the compliance review queue: records created a minimal table for
 * break-the-glass grants, and ComplianceWorkbench1764600000000 grew it into the
 * queue (rules, severity, lifecycle, notes). Compliance owns it from here on; the
 * comment is what tools/check-table-ownership.mjs reads as the hand-over, and
 * records opens the break-glass item through compliance's registered writer.
 */
export class ReviewQueueOwnership1765100000003 implements MigrationInterface {
  name = 'ReviewQueueOwnership1765100000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`COMMENT ON TABLE review_item IS 'owner: libs/api/compliance (the compliance review queue)'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('COMMENT ON TABLE review_item IS NULL');
  }
}
