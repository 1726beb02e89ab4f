import type { MigrationInterface, QueryRunner } from 'typeorm';

const RULES = `'OUTSIDE_SHIFT','VOLUME_SPIKE','REPEATED_DENIALS','VIP_OR_EMPLOYEE','SAME_SURNAME_OR_ADDRESS','BREAK_GLASS','CHAIN_VERIFICATION_FAILED'`;

/**
 * The compliance workbench: the records lib's minimal review_item grows into
 * the full review queue (rule, severity, lifecycle, assignee, evidence,
 * notes), plus rule settings, the scan watermark, export manifests and the
 * workforce facts the surname/address rule compares with patients.
 */
export class ComplianceWorkbench1764600000000 implements MigrationInterface {
  name = 'ComplianceWorkbench1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE review_item
        DROP CONSTRAINT IF EXISTS review_item_kind_check,
        DROP CONSTRAINT IF EXISTS review_item_status_check,
        ALTER COLUMN user_id DROP NOT NULL,
        ALTER COLUMN encounter_id DROP NOT NULL,
        ALTER COLUMN patient_id DROP NOT NULL,
        ADD COLUMN rule text NOT NULL DEFAULT 'BREAK_GLASS' CHECK (rule IN (${RULES})),
        ADD COLUMN severity text NOT NULL DEFAULT 'MEDIUM' CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
        ADD COLUMN title text NOT NULL DEFAULT 'Break-the-glass access' CHECK (length(title) <= 300),
        ADD COLUMN evidence jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(evidence) = 'object'),
        ADD COLUMN assignee_id uuid REFERENCES app_user (id) ON DELETE RESTRICT,
        ADD COLUMN disposition text CHECK (length(disposition) <= 4000),
        ADD COLUMN closed_at timestamptz,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN version int NOT NULL DEFAULT 1,
        -- One item per finding: a rerun of detection never duplicates it.
        ADD COLUMN dedupe_key text`);
    // 'CLOSED' stays valid for rows the records lib's own listing wrote before this migration.
    await q.query(`ALTER TABLE review_item
      ADD CONSTRAINT review_item_kind_check CHECK (kind IN ('BREAK_GLASS', 'ANOMALY')),
      ADD CONSTRAINT review_item_status_check
        CHECK (status IN ('OPEN', 'IN_REVIEW', 'ESCALATED', 'CLOSED_JUSTIFIED', 'CLOSED_VIOLATION', 'CLOSED'))`);
    await q.query(`UPDATE review_item SET dedupe_key = 'BREAK_GLASS:' || grant_id WHERE grant_id IS NOT NULL`);
    await q.query('CREATE UNIQUE INDEX review_item_dedupe ON review_item (dedupe_key)');
    await q.query('CREATE INDEX review_item_queue ON review_item (status, created_at, id)');
    await q.query('CREATE INDEX review_item_grant ON review_item (grant_id) WHERE grant_id IS NOT NULL');
    await q.query(`
      CREATE TABLE review_item_note (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_item_id uuid NOT NULL REFERENCES review_item (id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES app_user (id) ON DELETE RESTRICT,
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX review_item_note_item ON review_item_note (review_item_id, created_at)');
    await q.query(`
      CREATE TABLE anomaly_rule_setting (
        rule text PRIMARY KEY CHECK (rule IN (${RULES})),
        enabled boolean NOT NULL DEFAULT true,
        severity text NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
        params jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(params) = 'object'),
        updated_by uuid REFERENCES app_user (id) ON DELETE RESTRICT,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One row: the audit time up to which detection has looked, so scans never miss or repeat a window.
    await q.query(`
      CREATE TABLE anomaly_scan_state (
        id smallint PRIMARY KEY CHECK (id = 1),
        scanned_to timestamptz NOT NULL,
        chain_verified_at timestamptz,
        last_run_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Facts HR provides about the workforce for the "same surname or address as the patient" rule.
    await q.query(`
      CREATE TABLE workforce_profile (
        user_id uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
        family_name text CHECK (length(family_name) <= 200),
        address_line text CHECK (length(address_line) <= 300),
        postal_code text CHECK (length(postal_code) <= 20),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE export_manifest (
        id uuid PRIMARY KEY,
        exported_by uuid NOT NULL REFERENCES app_user (id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        sha256 text NOT NULL,
        manifest jsonb NOT NULL
      )`);
    await q.query('CREATE INDEX export_manifest_by_user ON export_manifest (exported_by, created_at)');
    // Name search for "who looked at my record?" when the caller does not know the MRN.
    await q.query(
      `CREATE INDEX patient_name_trgm ON patient USING gin ((lower(family_name || ' ' || given_name)) gin_trgm_ops)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS patient_name_trgm');
    await q.query('DROP TABLE export_manifest');
    await q.query('DROP TABLE workforce_profile');
    await q.query('DROP TABLE anomaly_scan_state');
    await q.query('DROP TABLE anomaly_rule_setting');
    await q.query('DROP TABLE review_item_note');
    await q.query(`DELETE FROM review_item WHERE kind <> 'BREAK_GLASS' OR grant_id IS NULL`);
    await q.query(`UPDATE review_item SET status = 'CLOSED' WHERE status NOT IN ('OPEN', 'CLOSED')`);
    await q.query(`ALTER TABLE review_item
      DROP CONSTRAINT review_item_kind_check,
      DROP CONSTRAINT review_item_status_check,
      DROP COLUMN rule, DROP COLUMN severity, DROP COLUMN title, DROP COLUMN evidence, DROP COLUMN assignee_id,
      DROP COLUMN disposition, DROP COLUMN closed_at, DROP COLUMN updated_at, DROP COLUMN version,
      DROP COLUMN dedupe_key,
      ALTER COLUMN user_id SET NOT NULL,
      ALTER COLUMN encounter_id SET NOT NULL,
      ALTER COLUMN patient_id SET NOT NULL,
      ADD CONSTRAINT review_item_kind_check CHECK (kind IN ('BREAK_GLASS')),
      ADD CONSTRAINT review_item_status_check CHECK (status IN ('OPEN', 'CLOSED'))`);
  }
}
