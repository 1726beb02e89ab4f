import type { MigrationInterface, QueryRunner } from 'typeorm';

function wordSearch(orderBy: string): string {
  return `
    CREATE OR REPLACE FUNCTION search_codes_by_words(dos date, only_system text, words text, max_rows integer)
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
      SELECT system, code, display_code, long_description, billable, false
        FROM candidates
       ORDER BY ${orderBy}
       LIMIT max_rows
    $$`;
}

/**
 * Word matches rank billable codes before headers first, as the search
 * contract says; among each, descriptions starting with the first word typed.
 */
export class WordSearchBillableFirst1764400000003 implements MigrationInterface {
  name = 'WordSearchBillableFirst1764400000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      wordSearch(
        `billable DESC, lower(long_description) LIKE split_part(words, ':', 1) || '%' DESC, search_rank, code`,
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(wordSearch(`lower(long_description) LIKE split_part(words, ':', 1) || '%' DESC, search_rank, code`));
  }
}
