import type { MigrationInterface, QueryRunner } from 'typeorm';

const WITHOUT_REVIEW = `'READY', 'ASSIGNED', 'IN_PROGRESS', 'ON_HOLD', 'SUBMITTED', 'RETURNED', 'COMPLETED'`;

/** Charts drawn for prebill quality review wait IN_REVIEW until the review closes. */
export class InReviewStatus1764700000001 implements MigrationInterface {
  name = 'InReviewStatus1764700000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE encounter DROP CONSTRAINT encounter_coding_status_valid,
      ADD CONSTRAINT encounter_coding_status_valid CHECK (coding_status IN (${WITHOUT_REVIEW}, 'IN_REVIEW'))`);
    // Charts already drawn into an open prebill review are held from now on.
    await q.query(`UPDATE encounter e SET coding_status = 'IN_REVIEW'
      WHERE e.coding_status = 'SUBMITTED'
        AND EXISTS (SELECT 1 FROM quality_review r
                     WHERE r.encounter_id = e.id AND r.kind = 'PREBILL' AND r.status <> 'CLOSED')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE encounter SET coding_status = 'SUBMITTED' WHERE coding_status = 'IN_REVIEW'`);
    await q.query(`ALTER TABLE encounter DROP CONSTRAINT encounter_coding_status_valid,
      ADD CONSTRAINT encounter_coding_status_valid CHECK (coding_status IN (${WITHOUT_REVIEW}))`);
  }
}
