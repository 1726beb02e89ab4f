import type { MigrationInterface, QueryRunner } from 'typeorm';

const OLD_KINDS = `'CODE_ATTRIBUTES', 'EXCLUDES1', 'NCCI_PTP', 'MUE'`;
const NEW_KINDS = `${OLD_KINDS}, 'POA_EXEMPT', 'MCE', 'NCCI_ADDON', 'GUIDELINE_DEFAULTS'`;
const LISTS = `'SEX', 'AGE', 'MANIFESTATION', 'UNACCEPTABLE_PRINCIPAL', 'QUESTIONABLE_ADMISSION', 'NONSPECIFIC_PRINCIPAL', 'NON_COVERED', 'LIMITED_COVERAGE', 'POA_EXEMPT'`;

/**
 * The CMS edit publications in their own shapes: code lists keyed by code
 * system and code (or prefix within the system) with the row they came from,
 * NCCI add-on code edits, DME MUEs, and the HCPCS file's termination dates
 * and modifier table. The old prefix-only attribute table (no code system,
 * so an ICD-10-CM C52 entry matched HCPCS C5271) becomes list entries.
 */
export class EditPublications1765600000000 implements MigrationInterface {
  name = 'EditPublications1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE edit_data_version DROP CONSTRAINT edit_data_version_kind_check');
    await q.query(
      `ALTER TABLE edit_data_version ADD CONSTRAINT edit_data_version_kind_check CHECK (kind IN (${NEW_KINDS}))`,
    );
    await q.query('ALTER TABLE edit_data_version DROP CONSTRAINT edit_data_version_provider_type_check');
    await q.query(`ALTER TABLE edit_data_version ADD CONSTRAINT edit_data_version_provider_type_check
      CHECK (provider_type IN ('ALL', 'PRACTITIONER', 'HOSPITAL', 'DME'))`);
    // The lists a release speaks for: a CMS release covering a list replaces the derived defaults for it.
    await q.query(`ALTER TABLE edit_data_version ADD COLUMN lists text[] NOT NULL DEFAULT '{}'`);
    await q.query(`
      CREATE TABLE edit_list_entry (
        version_id uuid NOT NULL REFERENCES edit_data_version (id) ON DELETE CASCADE,
        list text NOT NULL CHECK (list IN (${LISTS})),
        system text NOT NULL REFERENCES code_system (id),
        code_prefix text COLLATE "C" NOT NULL,
        value text,
        basis text NOT NULL CHECK (basis IN ('CMS', 'GUIDELINE', 'LOCAL', 'HEURISTIC')),
        evidence text NOT NULL,
        PRIMARY KEY (version_id, system, code_prefix, list)
      )`);
    await q.query(`
      INSERT INTO edit_list_entry (version_id, list, system, code_prefix, value, basis, evidence)
      SELECT a.version_id, l.list, CASE WHEN a.code_prefix ~ '^[0-9]' THEN 'ICD10PCS' ELSE 'ICD10CM' END,
             a.code_prefix, l.value, 'LOCAL', v.source_name || ' ' || v.release || ': ' || a.code_prefix
        FROM code_edit_attribute a JOIN edit_data_version v ON v.id = a.version_id
        CROSS JOIN LATERAL (VALUES
          ('SEX', a.sex, a.sex IS NOT NULL), ('AGE', a.age_category, a.age_category IS NOT NULL),
          ('MANIFESTATION', NULL, a.manifestation), ('UNACCEPTABLE_PRINCIPAL', NULL, a.unacceptable_principal),
          ('POA_EXEMPT', NULL, a.poa_exempt)) AS l(list, value, present)
       WHERE l.present`);
    await q.query(`UPDATE edit_data_version SET lists = '{SEX,AGE,MANIFESTATION,UNACCEPTABLE_PRINCIPAL,POA_EXEMPT}'
                    WHERE kind = 'CODE_ATTRIBUTES'`);
    await q.query('DROP TABLE code_edit_attribute');
    await q.query(`
      CREATE TABLE ncci_addon_edit (
        version_id uuid NOT NULL REFERENCES edit_data_version (id) ON DELETE CASCADE,
        addon_code text NOT NULL,
        -- '' for type 2 and 3 add-ons, which list no primary code
        primary_code text NOT NULL,
        edit_type smallint NOT NULL CHECK (edit_type IN (1, 2, 3)),
        effective_from date NOT NULL,
        effective_to date,
        PRIMARY KEY (version_id, addon_code, primary_code, effective_from)
      )`);
    // HCPCS TERM DT: the last date of service a code may be billed.
    await q.query('ALTER TABLE code ADD COLUMN terminated_on date');
    await q.query(`
      CREATE TABLE code_modifier (
        version_id uuid NOT NULL REFERENCES code_set_version (id) ON DELETE CASCADE,
        modifier text NOT NULL,
        description text NOT NULL,
        terminated_on date,
        PRIMARY KEY (version_id, modifier)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE code_modifier');
    await q.query('ALTER TABLE code DROP COLUMN terminated_on');
    await q.query('DROP TABLE ncci_addon_edit');
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
      INSERT INTO code_edit_attribute (version_id, code_prefix, sex, age_category, manifestation, unacceptable_principal, poa_exempt)
      SELECT e.version_id, e.code_prefix, max(e.value) FILTER (WHERE list = 'SEX'), max(e.value) FILTER (WHERE list = 'AGE'),
             bool_or(list = 'MANIFESTATION'), bool_or(list = 'UNACCEPTABLE_PRINCIPAL'), bool_or(list = 'POA_EXEMPT')
        FROM edit_list_entry e JOIN edit_data_version v ON v.id = e.version_id AND v.kind = 'CODE_ATTRIBUTES'
       GROUP BY e.version_id, e.code_prefix`);
    await q.query('DROP TABLE edit_list_entry');
    await q.query(`DELETE FROM edit_data_version WHERE kind NOT IN (${OLD_KINDS}) OR provider_type = 'DME'`);
    await q.query('ALTER TABLE edit_data_version DROP COLUMN lists');
    await q.query('ALTER TABLE edit_data_version DROP CONSTRAINT edit_data_version_provider_type_check');
    await q.query(`ALTER TABLE edit_data_version ADD CONSTRAINT edit_data_version_provider_type_check
      CHECK (provider_type IN ('ALL', 'PRACTITIONER', 'HOSPITAL'))`);
    await q.query('ALTER TABLE edit_data_version DROP CONSTRAINT edit_data_version_kind_check');
    await q.query(
      `ALTER TABLE edit_data_version ADD CONSTRAINT edit_data_version_kind_check CHECK (kind IN (${OLD_KINDS}))`,
    );
  }
}
