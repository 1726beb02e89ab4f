import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS_BEFORE = `'ICD10CM_TABULAR', 'ICD10CM_INDEX', 'ICD10PCS_TABLES', 'ICD10PCS_INDEX'`;
const KINDS_AFTER = `${KINDS_BEFORE}, 'ICD10CM_EINDEX', 'ICD10CM_NEOPLASM', 'ICD10CM_DRUG'`;

/**
 * The ICD-10-CM Index ships as four files (Index, External Cause Index,
 * Neoplasm Table, Table of Drugs and Chemicals), each its own release kind so
 * they can be imported one at a time. The ICD-10-PCS Tables get their own
 * rows: the labels of positions 1–3 per table, and per row of a table the
 * values of positions 4–7 (any combination within one row is a valid code).
 */
export class ReferenceKindsPcsTables1765500000000 implements MigrationInterface {
  name = 'ReferenceKindsPcsTables1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE code_reference_release DROP CONSTRAINT code_reference_release_kind_check,
        ADD CONSTRAINT code_reference_release_kind_check CHECK (kind IN (${KINDS_AFTER})),
        ADD COLUMN row_count integer NOT NULL DEFAULT 0`);
    await q.query(`
      CREATE TABLE code_pcs_table_axis (
        release_id uuid NOT NULL REFERENCES code_reference_release (id) ON DELETE CASCADE,
        table_code text COLLATE "C" NOT NULL CHECK (table_code ~ '^[0-9A-HJ-NP-Z]{3}$'),
        pos smallint NOT NULL CHECK (pos BETWEEN 1 AND 3),
        value text COLLATE "C" NOT NULL CHECK (value ~ '^[0-9A-HJ-NP-Z]$'),
        title text NOT NULL,
        label text NOT NULL,
        definition text,
        PRIMARY KEY (release_id, table_code, pos)
      )`);
    await q.query(`
      CREATE TABLE code_pcs_row_value (
        release_id uuid NOT NULL REFERENCES code_reference_release (id) ON DELETE CASCADE,
        table_code text COLLATE "C" NOT NULL,
        row_seq integer NOT NULL,
        pos smallint NOT NULL CHECK (pos BETWEEN 4 AND 7),
        value text COLLATE "C" NOT NULL CHECK (value ~ '^[0-9A-HJ-NP-Z]$'),
        title text NOT NULL,
        label text NOT NULL,
        PRIMARY KEY (release_id, table_code, row_seq, pos, value)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE code_pcs_row_value');
    await q.query('DROP TABLE code_pcs_table_axis');
    await q.query(`DELETE FROM code_reference_release WHERE kind NOT IN (${KINDS_BEFORE})`);
    await q.query(`
      ALTER TABLE code_reference_release DROP COLUMN row_count, DROP CONSTRAINT code_reference_release_kind_check,
        ADD CONSTRAINT code_reference_release_kind_check CHECK (kind IN (${KINDS_BEFORE}))`);
  }
}
