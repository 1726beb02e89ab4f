import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Word search as a function so it can pin its plan: codes are stored in
 * tabular order, so a common word ("fracture") clusters far into the table
 * and a sequential scan, which the planner prefers for frequent words, reads
 * most of it. The GIN index answers in about a millisecond instead. A vague
 * word matches tens of thousands of codes, so ranking looks at the first
 * 1,000 matches only: descriptions starting with the first word, then
 * billable codes, then shorter (more general) descriptions.
 */
export class CodeWordSearch1764400000002 implements MigrationInterface {
  name = 'CodeWordSearch1764400000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION search_codes_by_words(dos date, only_system text, words text, max_rows integer)
      RETURNS TABLE (system text, code text, display_code text, long_description text, billable boolean, exact boolean)
      LANGUAGE sql STABLE
      SET enable_seqscan = off
      AS $$
        WITH v AS (
          SELECT id, code_set_version.system FROM code_set_version
           WHERE replaced_by IS NULL AND effective_from <= dos AND (effective_to IS NULL OR effective_to >= dos)
             AND (only_system IS NULL OR code_set_version.system = only_system)
        ),
        candidates AS (
          SELECT v.system, c.code, c.display_code, c.long_description, c.billable, c.search_rank
            FROM code c JOIN v ON v.id = c.version_id
           WHERE c.search_doc @@ to_tsquery('simple', words)
           LIMIT 1000
        )
        -- a description that starts with the first word typed is the likelier meaning
        SELECT system, code, display_code, long_description, billable, false
          FROM candidates
         ORDER BY lower(long_description) LIKE split_part(words, ':', 1) || '%' DESC, search_rank, code
         LIMIT max_rows
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION search_codes_by_words(date, text, text, integer)');
  }
}
