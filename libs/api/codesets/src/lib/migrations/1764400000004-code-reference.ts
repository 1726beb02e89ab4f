import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The CMS reference publications beside the order files: the ICD-10-CM
 * Tabular (hierarchy and instructional notes), the ICD-10-CM Index and the
 * ICD-10-PCS Tables. They are releases of their own with effective dates, so
 * the notes that feed the edit engine and the terms that feed search follow
 * the date of service like codes do. Releases sit side by side.
 */
export class CodeReference1764400000004 implements MigrationInterface {
  name = 'CodeReference1764400000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE code_reference_release (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('ICD10CM_TABULAR', 'ICD10CM_INDEX', 'ICD10PCS_TABLES', 'ICD10PCS_INDEX')),
        release text NOT NULL,
        effective_from date NOT NULL,
        effective_to date,
        source_name text NOT NULL,
        content_sha256 text NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT code_reference_release_unique UNIQUE (kind, release),
        CONSTRAINT code_reference_release_dates CHECK (effective_to IS NULL OR effective_to >= effective_from)
      )`);
    // Chapters, sections, categories, subcategories and codes of a Tabular release.
    await q.query(`
      CREATE TABLE code_tabular_node (
        release_id uuid NOT NULL REFERENCES code_reference_release (id) ON DELETE CASCADE,
        -- codes without the dot; chapters as their number ('1'..'22'), sections as their range ('A00-A09')
        node_id text COLLATE "C" NOT NULL,
        level text NOT NULL CHECK (level IN ('CHAPTER', 'SECTION', 'CATEGORY', 'SUBCATEGORY', 'CODE')),
        parent_id text COLLATE "C",
        title text NOT NULL,
        seq integer NOT NULL,
        PRIMARY KEY (release_id, node_id)
      )`);
    // Instructional notes under a node; ref_codes are the code prefixes (no dot) a note points to.
    await q.query(`
      CREATE TABLE code_tabular_note (
        release_id uuid NOT NULL REFERENCES code_reference_release (id) ON DELETE CASCADE,
        node_id text COLLATE "C" NOT NULL,
        kind text NOT NULL CHECK (kind IN ('INCLUSION_TERM', 'INCLUDES', 'EXCLUDES1', 'EXCLUDES2', 'CODE_FIRST',
          'USE_ADDITIONAL', 'CODE_ALSO', 'NOTE', 'SEVENTH_CHARACTER')),
        seq integer NOT NULL,
        text text NOT NULL,
        ref_codes text[] NOT NULL DEFAULT '{}',
        -- SEVENTH_CHARACTER rows: the character and what it means is in text
        character text,
        PRIMARY KEY (release_id, node_id, kind, seq)
      )`);
    await q.query('CREATE INDEX code_tabular_note_kind ON code_tabular_note (kind, node_id)');
    // Words that lead to a code besides its title: Tabular inclusion terms, Index entries.
    await q.query(`
      CREATE TABLE code_search_term (
        release_id uuid NOT NULL REFERENCES code_reference_release (id) ON DELETE CASCADE,
        system text NOT NULL REFERENCES code_system (id),
        code text COLLATE "C" NOT NULL,
        term text NOT NULL,
        source text NOT NULL CHECK (source IN ('INCLUSION_TERM', 'INDEX', 'PCS_INDEX'))
      )`);
    await q.query('CREATE INDEX code_search_term_code ON code_search_term (system, code)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE code_search_term');
    await q.query('DROP TABLE code_tabular_note');
    await q.query('DROP TABLE code_tabular_node');
    await q.query('DROP TABLE code_reference_release');
  }
}
