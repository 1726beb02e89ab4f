import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Code systems, their versions (releases with effective dates) and codes.
 * One row per code per release keeps every release answerable for its own
 * dates of service; the search indexes serve code prefixes and words.
 */
export class CodeSets1764400000000 implements MigrationInterface {
  name = 'CodeSets1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE code_system (
        id text PRIMARY KEY,
        label text NOT NULL
      )`);
    await q.query(`
      INSERT INTO code_system (id, label) VALUES
        ('ICD10CM', 'ICD-10-CM'), ('ICD10PCS', 'ICD-10-PCS'), ('HCPCS', 'HCPCS Level II'), ('CPT', 'CPT')`);
    await q.query(`
      CREATE TABLE code_set_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        system text NOT NULL REFERENCES code_system (id),
        release text NOT NULL,
        label text NOT NULL,
        effective_from date NOT NULL,
        effective_to date,
        content_sha256 text NOT NULL,
        row_count integer NOT NULL,
        billable_count integer NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        -- a later import starting the same day (the full CMS file after the demo subset) replaces this one
        replaced_by uuid REFERENCES code_set_version (id),
        CONSTRAINT code_set_version_release_unique UNIQUE (system, release),
        CONSTRAINT code_set_version_dates CHECK (effective_to IS NULL OR effective_to >= effective_from)
      )`);
    await q.query(`
      CREATE TABLE code (
        version_id uuid NOT NULL REFERENCES code_set_version (id) ON DELETE CASCADE,
        -- "C" collation: byte order, so a plain btree serves LIKE 'E11%' and ORDER BY code
        code text COLLATE "C" NOT NULL,
        display_code text NOT NULL,
        billable boolean NOT NULL,
        short_description text NOT NULL,
        long_description text NOT NULL,
        -- billable codes first, then the more general (shorter) descriptions
        search_rank integer NOT NULL,
        search_doc tsvector GENERATED ALWAYS AS (to_tsvector('simple', long_description)) STORED,
        PRIMARY KEY (version_id, code)
      )`);
    await q.query('CREATE INDEX code_code ON code (code)');
    await q.query('CREATE INDEX code_search_doc ON code USING gin (search_doc)');
    await q.query('CREATE INDEX code_version_rank ON code (version_id, search_rank, code)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE code');
    await q.query('DROP TABLE code_set_version');
    await q.query('DROP TABLE code_system');
  }
}
