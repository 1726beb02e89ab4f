import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The worklist's own tables, plus due date and priority on the chart and the
 * history columns of an assignment. Coding versions are immutable: a trigger
 * refuses UPDATE and DELETE, so a saved snapshot can never be rewritten.
 */
export class WorklistTables1764500000000 implements MigrationInterface {
  name = 'WorklistTables1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE encounter
        ADD COLUMN due_date date,
        ADD COLUMN priority smallint NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5),
        ADD COLUMN status_changed_at timestamptz NOT NULL DEFAULT now(),
        ADD CONSTRAINT encounter_coding_status_valid CHECK (coding_status IN
          ('READY', 'ASSIGNED', 'IN_PROGRESS', 'ON_HOLD', 'SUBMITTED', 'RETURNED', 'COMPLETED'))`);
    await q.query(
      `CREATE INDEX encounter_ready_pool ON encounter (priority, due_date, created_at) WHERE coding_status = 'READY'`,
    );
    await q.query(`
      ALTER TABLE assignment
        ADD COLUMN ended_at timestamptz,
        ADD COLUMN ended_by uuid REFERENCES app_user (id) ON DELETE RESTRICT,
        ADD COLUMN ended_reason text CHECK (ended_reason IN ('REASSIGNED', 'UNASSIGNED', 'COMPLETED'))`);
    await q.query(`
      CREATE TABLE worklist_team_setting (
        team_id uuid PRIMARY KEY REFERENCES team (id) ON DELETE CASCADE,
        allow_self_pull boolean NOT NULL DEFAULT false,
        coder_capacity int NOT NULL DEFAULT 20 CHECK (coder_capacity BETWEEN 1 AND 500),
        updated_by uuid REFERENCES app_user (id) ON DELETE RESTRICT,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One row per chart: INSERT ... ON CONFLICT takes it atomically, so any number of API instances agree.
    await q.query(`
      CREATE TABLE chart_lease (
        encounter_id uuid PRIMARY KEY REFERENCES encounter (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        session_id uuid NOT NULL,
        acquired_at timestamptz NOT NULL DEFAULT now(),
        heartbeat_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE coding_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        encounter_id uuid NOT NULL REFERENCES encounter (id) ON DELETE CASCADE,
        number int NOT NULL CHECK (number >= 1),
        kind text NOT NULL CHECK (kind IN ('DRAFT', 'SUBMISSION')),
        created_by uuid NOT NULL REFERENCES app_user (id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        codes jsonb NOT NULL CHECK (jsonb_typeof(codes) = 'object'),
        findings jsonb NOT NULL CHECK (jsonb_typeof(findings) = 'array'),
        acknowledged_warnings jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(acknowledged_warnings) = 'array'),
        CONSTRAINT coding_version_number UNIQUE (encounter_id, number)
      )`);
    await q.query(`
      CREATE FUNCTION coding_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'coding_version rows are immutable' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER coding_version_no_update BEFORE UPDATE OR DELETE ON coding_version
        FOR EACH ROW EXECUTE FUNCTION coding_version_immutable()`);
    // The app role (server mode) loses the right to change them too; the trigger covers the owner.
    await q.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'chartdesk_app') THEN
          REVOKE UPDATE, DELETE, TRUNCATE ON coding_version FROM chartdesk_app;
        END IF;
      END $$`);
    await q.query(`
      CREATE TABLE provider_query (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        encounter_id uuid NOT NULL REFERENCES encounter (id) ON DELETE CASCADE,
        created_by uuid NOT NULL REFERENCES app_user (id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        attending text NOT NULL,
        indicators jsonb NOT NULL CHECK (jsonb_typeof(indicators) = 'array'),
        question text NOT NULL CHECK (length(question) BETWEEN 10 AND 2000),
        options jsonb NOT NULL CHECK (jsonb_typeof(options) = 'array'),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ANSWERED')),
        answer_option text,
        answer_text text CHECK (length(answer_text) <= 2000),
        answered_by uuid REFERENCES app_user (id) ON DELETE RESTRICT,
        answered_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX provider_query_one_open ON provider_query (encounter_id) WHERE status = 'OPEN'`);
    await q.query(`
      CREATE TABLE chart_return (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        encounter_id uuid NOT NULL REFERENCES encounter (id) ON DELETE CASCADE,
        returned_by uuid NOT NULL REFERENCES app_user (id) ON DELETE RESTRICT,
        returned_at timestamptz NOT NULL DEFAULT now(),
        reason text NOT NULL CHECK (length(reason) BETWEEN 5 AND 2000)
      )`);
    await q.query('CREATE INDEX chart_return_encounter ON chart_return (encounter_id, returned_at DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE chart_return');
    await q.query('DROP TABLE provider_query');
    await q.query('DROP TABLE coding_version');
    await q.query('DROP FUNCTION coding_version_immutable()');
    await q.query('DROP TABLE chart_lease');
    await q.query('DROP TABLE worklist_team_setting');
    await q.query('ALTER TABLE assignment DROP COLUMN ended_reason, DROP COLUMN ended_by, DROP COLUMN ended_at');
    await q.query('DROP INDEX encounter_ready_pool');
    await q.query(`ALTER TABLE encounter DROP CONSTRAINT encounter_coding_status_valid,
      DROP COLUMN status_changed_at, DROP COLUMN priority, DROP COLUMN due_date`);
  }
}
