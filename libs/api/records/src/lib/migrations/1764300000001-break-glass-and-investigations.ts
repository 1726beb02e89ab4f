import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Time-limited exceptional access: break-the-glass grants (one encounter) and
 * compliance investigations (one patient), and the review items compliance
 * works through. The compliance issue extends review_item and investigation.
 */
export class BreakGlassAndInvestigations1764300000001 implements MigrationInterface {
  name = 'BreakGlassAndInvestigations1764300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE break_glass_grant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        encounter_id uuid NOT NULL REFERENCES encounter (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE RESTRICT,
        session_id uuid,
        reason_code text NOT NULL,
        reason_text text NOT NULL CHECK (length(reason_text) BETWEEN 10 AND 2000),
        granted_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL CHECK (expires_at > granted_at),
        revoked_at timestamptz
      )`);
    await q.query('CREATE INDEX break_glass_grant_lookup ON break_glass_grant (user_id, encounter_id, expires_at)');
    await q.query(`
      CREATE TABLE investigation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        patient_id uuid NOT NULL REFERENCES patient (id) ON DELETE RESTRICT,
        opened_by uuid NOT NULL REFERENCES app_user (id) ON DELETE RESTRICT,
        reason text NOT NULL CHECK (length(reason) BETWEEN 10 AND 2000),
        opened_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL CHECK (expires_at > opened_at),
        closed_at timestamptz
      )`);
    await q.query('CREATE INDEX investigation_lookup ON investigation (opened_by, patient_id, expires_at)');
    await q.query(`
      CREATE TABLE review_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('BREAK_GLASS')),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE RESTRICT,
        encounter_id uuid NOT NULL REFERENCES encounter (id) ON DELETE CASCADE,
        patient_id uuid NOT NULL REFERENCES patient (id) ON DELETE RESTRICT,
        grant_id uuid REFERENCES break_glass_grant (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query("CREATE INDEX review_item_open ON review_item (created_at) WHERE status = 'OPEN'");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE review_item');
    await q.query('DROP TABLE investigation');
    await q.query('DROP TABLE break_glass_grant');
  }
}
