import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search that matches word forms and ranks over every candidate.
 *
 * `chartdesk_clinical` is English Snowball stemming *without* its stop-word
 * list: "with", "without", "other", "not" and "no" carry meaning in code
 * titles, so the query side drops only the filler words it chooses.
 * `code_search_vector` adds the joined form of hyphenated words
 * ("Gastro-esophageal" also yields "gastroesophageal") so typed compounds match.
 * `code_search_generality` is the static part of the ranking: fewer words
 * is more general, each "unspecified" is the category's default, a sequela or
 * subsequent-encounter code is rarely what a bare condition name means.
 * They are generated columns, so every importer fills them without knowing.
 * The configuration is schema-qualified: PostgreSQL 17 (the embedded PGlite)
 * evaluates index expressions with search_path = pg_catalog.
 */
export class ClinicalSearch1765400000000 implements MigrationInterface {
  name = 'ClinicalSearch1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TEXT SEARCH DICTIONARY chartdesk_english_stem (TEMPLATE = snowball, Language = english)`);
    await q.query(`CREATE TEXT SEARCH CONFIGURATION chartdesk_clinical (COPY = english)`);
    await q.query(`
      ALTER TEXT SEARCH CONFIGURATION chartdesk_clinical
        ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH chartdesk_english_stem`);
    await q.query(`
      CREATE FUNCTION code_search_vector(description text) RETURNS tsvector
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$
        SELECT to_tsvector('public.chartdesk_clinical'::regconfig, description)
            || CASE WHEN strpos(description, '-') = 0 THEN ''::tsvector ELSE
                 to_tsvector('public.chartdesk_clinical'::regconfig, coalesce(
                   (SELECT string_agg(replace(m[1], '-', ''), ' ')
                      FROM regexp_matches(description, '([[:alnum:]]+(-[[:alnum:]]+)+)', 'g') AS m), '')) END
      $$`);
    await q.query(`
      CREATE FUNCTION code_search_generality(description text) RETURNS integer
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$
        -- nonessential modifiers (parentheses, brackets) and "without ..." tails say what a code is not
        WITH core AS (
          SELECT regexp_replace(regexp_replace(description, '\\([^)]*\\)|\\[[^]]*\\]', ' ', 'g'),
                                '\\mwithout\\M.*$|not elsewhere classified', ' ', 'i') AS text
        )
        SELECT 10 * length(to_tsvector('english'::regconfig, core.text))
             - 10 * regexp_count(core.text, 'unspecified', 1, 'i')
             + 5 * regexp_count(core.text, '\\mother\\M', 1, 'i')
             + CASE WHEN description ~* 'sequela' THEN 60 ELSE 0 END
             + CASE WHEN description ~* 'subsequent encounter' THEN 20 ELSE 0 END
             + CASE WHEN description ~* '^secondary' THEN 15 ELSE 0 END
          FROM core
      $$`);
    await q.query(`
      ALTER TABLE code
        ADD COLUMN search_words tsvector GENERATED ALWAYS AS (code_search_vector(long_description)) STORED,
        ADD COLUMN search_generality integer GENERATED ALWAYS AS (code_search_generality(long_description)) STORED,
        -- the first word, lower case: a title that starts with what was typed is the likelier meaning
        ADD COLUMN search_lead text GENERATED ALWAYS AS (lower(substring(long_description from '^[[:alnum:]]+'))) STORED`);
    // No pending list: bulk imports would otherwise leave 100 k+ entries every search scans until a vacuum.
    await q.query('CREATE INDEX code_search_words ON code USING gin (search_words) WITH (fastupdate = off)');
    // Tabular inclusion terms and Index entries, matched with the same vector as code titles.
    await q.query('CREATE INDEX code_search_term_words ON code_search_term USING gin (code_search_vector(term))');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX code_search_term_words');
    await q.query('ALTER TABLE code DROP COLUMN search_lead, DROP COLUMN search_generality, DROP COLUMN search_words');
    await q.query('DROP FUNCTION code_search_generality(text)');
    await q.query('DROP FUNCTION code_search_vector(text)');
    await q.query('DROP TEXT SEARCH CONFIGURATION chartdesk_clinical');
    await q.query('DROP TEXT SEARCH DICTIONARY chartdesk_english_stem');
  }
}
