import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The worklist lib's published read model: quality samples and scores submitted
 * work from the coding history and the returns, in set-based SQL, through these
 * views. Writes go through worklist's exported functions (appendCodingVersion,
 * recordChartReturn), which keep the version numbering and immutability rules.
 */
export class WorklistReadModel1765100000002 implements MigrationInterface {
  name = 'WorklistReadModel1765100000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW worklist_coding_versions AS
        SELECT id, encounter_id, number, kind, created_by, created_at, codes, findings, acknowledged_warnings
          FROM coding_version`);
    await q.query(`
      CREATE VIEW worklist_chart_returns AS
        SELECT id, encounter_id, returned_by, returned_at, reason FROM chart_return`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW worklist_chart_returns');
    await q.query('DROP VIEW worklist_coding_versions');
  }
}
