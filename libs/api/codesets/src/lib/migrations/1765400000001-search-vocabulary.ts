import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ChartDesk's own clinical search vocabulary: abbreviations, lay terms,
 * word forms and procedure word-building parts, each mapped to the wording
 * the classifications use. Entries come from a release file we publish
 * (`data/clinical_vocabulary_*.tsv`) or from an admin; an admin may disable
 * any entry, and a later release keeps that decision.
 */
export class SearchVocabulary1765400000001 implements MigrationInterface {
  name = 'SearchVocabulary1765400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE search_vocabulary_release (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        release text NOT NULL UNIQUE,
        source_name text NOT NULL,
        content_sha256 text NOT NULL,
        entry_count integer NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE search_vocabulary_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('ABBREVIATION', 'SYNONYM', 'WORD_FORM', 'COMBINING_FORM', 'SUFFIX')),
        -- normalized: lower case, words separated by one space, no punctuation
        term text NOT NULL CHECK (term ~ '^[a-z0-9]+( [a-z0-9]+)*$'),
        expansion text NOT NULL CHECK (expansion ~ '^[a-z0-9]+( [a-z0-9]+)*$'),
        specialty text,
        -- the release that last shipped it; NULL for an entry an admin added
        release_id uuid REFERENCES search_vocabulary_release (id),
        enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        changed_at timestamptz,
        changed_by uuid,
        CONSTRAINT search_vocabulary_entry_unique UNIQUE (kind, term, expansion)
      )`);
    await q.query('CREATE INDEX search_vocabulary_entry_term ON search_vocabulary_entry (term)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE search_vocabulary_entry');
    await q.query('DROP TABLE search_vocabulary_release');
  }
}
