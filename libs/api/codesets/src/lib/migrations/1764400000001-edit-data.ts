import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The data the edit engine reads, each set in its own release so every
 * finding can name the release it came from. Keys in the attribute and
 * Excludes1 tables are code prefixes (a category covers all its codes).
 */
export class EditData1764400000001 implements MigrationInterface {
  name = 'EditData1764400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE edit_data_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('CODE_ATTRIBUTES', 'EXCLUDES1', 'NCCI_PTP', 'MUE')),
        provider_type text NOT NULL DEFAULT 'ALL' CHECK (provider_type IN ('ALL', 'PRACTITIONER', 'HOSPITAL')),
        source_name text NOT NULL,
        release text NOT NULL,
        effective_from date NOT NULL,
        effective_to date,
        content_sha256 text NOT NULL,
        row_count integer NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        replaced_by uuid REFERENCES edit_data_version (id),
        CONSTRAINT edit_data_version_release_unique UNIQUE (kind, provider_type, release),
        CONSTRAINT edit_data_version_dates CHECK (effective_to IS NULL OR effective_to >= effective_from)
      )`);
    await q.query(`
      CREATE TABLE code_edit_attribute (
        version_id uuid NOT NULL REFERENCES edit_data_version (id) ON DELETE CASCADE,
        code_prefix text NOT NULL,
        sex text CHECK (sex IN ('male', 'female')),
        age_category text CHECK (age_category IN ('NEWBORN', 'PEDIATRIC', 'MATERNITY', 'ADULT')),
        manifestation boolean NOT NULL DEFAULT false,
        unacceptable_principal boolean NOT NULL DEFAULT false,
        poa_exempt boolean NOT NULL DEFAULT false,
        PRIMARY KEY (version_id, code_prefix)
      )`);
    await q.query(`
      CREATE TABLE excludes1_pair (
        version_id uuid NOT NULL REFERENCES edit_data_version (id) ON DELETE CASCADE,
        code_prefix text NOT NULL,
        excluded_prefix text NOT NULL,
        PRIMARY KEY (version_id, code_prefix, excluded_prefix)
      )`);
    await q.query(`
      CREATE TABLE ncci_ptp_edit (
        version_id uuid NOT NULL REFERENCES edit_data_version (id) ON DELETE CASCADE,
        column1 text NOT NULL,
        column2 text NOT NULL,
        effective_from date NOT NULL,
        effective_to date,
        modifier_indicator smallint NOT NULL CHECK (modifier_indicator IN (0, 1, 9)),
        -- a pair deleted and added again appears once per period
        PRIMARY KEY (version_id, column1, column2, effective_from)
      )`);
    await q.query('CREATE INDEX ncci_ptp_edit_column2 ON ncci_ptp_edit (version_id, column2)');
    await q.query(`
      CREATE TABLE mue_limit (
        version_id uuid NOT NULL REFERENCES edit_data_version (id) ON DELETE CASCADE,
        code text NOT NULL,
        max_units integer NOT NULL CHECK (max_units >= 0),
        adjudication_indicator smallint NOT NULL CHECK (adjudication_indicator IN (1, 2, 3)),
        rationale text NOT NULL DEFAULT '',
        PRIMARY KEY (version_id, code)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE mue_limit');
    await q.query('DROP TABLE ncci_ptp_edit');
    await q.query('DROP TABLE excludes1_pair');
    await q.query('DROP TABLE code_edit_attribute');
    await q.query('DROP TABLE edit_data_version');
  }
}
