/**
 * The search statements. Each ranks every candidate (no truncated slice)
 * on narrow rows, then reads titles for one page only, and counts all.
 * $1 date of service, $2 system or NULL, then per statement below.
 */

/** The code set releases covering the date of service. */
const VERSIONS = `
  SELECT id, system FROM code_set_version
   WHERE replaced_by IS NULL AND effective_from <= $1::date AND (effective_to IS NULL OR effective_to >= $1::date)
     AND ($2::text IS NULL OR system = $2::text)`;

/** The page of ranked rows joined back to their titles, with the total; a page past the end still counts. */
const PAGE = `
  page AS (SELECT * FROM ranked ORDER BY exact DESC, billable DESC, score, len, code LIMIT $3 OFFSET $4)
  SELECT v.system, c.code, c.display_code, c.long_description, c.billable, page.exact, n.total
    FROM (SELECT count(*)::int AS total FROM ranked) n
    LEFT JOIN page ON true
    LEFT JOIN code c ON c.version_id = page.version_id AND c.code = page.code
    LEFT JOIN v ON v.id = page.version_id
   ORDER BY page.exact DESC, page.billable DESC, page.score, page.len, page.code`;

/** A title's first word is one of the words typed. */
const LEAD_BONUS = 10;
/** Every word typed is a whole word of the title, not just the beginning of one. */
const WHOLE_WORD_BONUS = 10;
/** An ICD-10-CM category without subdivisions (I10, R55) is its own default code. */
const CATEGORY_CODE_BONUS = 10;
/** Lower is better: generality, shorter (more general) codes, then the bonuses. */
const SCORE = `(c.search_generality + 2 * length(c.code)
    - CASE WHEN c.billable AND length(c.code) = 3 THEN ${CATEGORY_CODE_BONUS} ELSE 0 END
    - CASE WHEN c.search_lead LIKE ANY ($6::text[]) THEN ${LEAD_BONUS} ELSE 0 END
    - CASE WHEN c.search_words @@ q.whole THEN ${WHOLE_WORD_BONUS} ELSE 0 END)`;

/**
 * Words: $5 tsquery text (chartdesk_clinical), $6 LIKE patterns of a title's
 * first word, $7 the query with whole words only. Titles match through their own words or through a Tabular
 * inclusion term / Index entry of a reference release covering the date.
 * Score: the title's generality (see migration ClinicalSearch1765400000000)
 * and code length, less bonuses for a title starting with a word typed, for
 * whole-word matches, and for a match through an index term (coders' wording).
 */
export const WORDS_SQL = `
  WITH v AS MATERIALIZED (${VERSIONS}),
  q AS MATERIALIZED (
    SELECT to_tsquery('chartdesk_clinical', $5::text) AS q, to_tsquery('chartdesk_clinical', $7::text) AS whole
  ),
  hits AS (
    SELECT c.version_id, c.code, c.billable, ${SCORE} AS score, length(c.long_description) AS len
      FROM code c, q
     WHERE c.search_words @@ q.q AND c.version_id = ANY (ARRAY(SELECT id FROM v))
    UNION ALL
    SELECT c.version_id, c.code, c.billable, ${SCORE} - ${LEAD_BONUS}, length(c.long_description)
      FROM q, code_search_term t
      JOIN code_reference_release r ON r.id = t.release_id
       AND r.effective_from <= $1::date AND (r.effective_to IS NULL OR r.effective_to >= $1::date)
      JOIN v ON v.system = t.system
      JOIN code c ON c.version_id = v.id AND c.code = t.code
     WHERE code_search_vector(t.term) @@ q.q
  ),
  ranked AS MATERIALIZED (
    SELECT version_id, code, billable, min(score) AS score, min(len) AS len, false AS exact
      FROM hits GROUP BY version_id, code, billable
  ),
  ${PAGE}`;

/**
 * Code prefix: $5 the prefix (no dot), $6 tsquery text narrowing it or NULL.
 * A range on the "C"-collated key serves any prefix; exact code first, then
 * billable codes, shorter (more general) codes, tabular order.
 */
export const CODE_PREFIX_SQL = `
  WITH v AS MATERIALIZED (${VERSIONS}),
  ranked AS MATERIALIZED (
    SELECT c.version_id, c.code, c.billable, length(c.code) AS score, 0 AS len, c.code = $5::text AS exact
      FROM code c
     WHERE c.version_id = ANY (ARRAY(SELECT id FROM v))
       AND c.code >= $5::text AND c.code < ($5::text || chr(127))
       AND ($6::text IS NULL OR c.search_words @@ to_tsquery('chartdesk_clinical', $6::text))
  ),
  ${PAGE}`;
