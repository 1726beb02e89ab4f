import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users, teams, sessions, refresh tokens, sign-in challenges, recovery codes
 * and per-username throttling. Secrets are stored only hashed or encrypted.
 */
export class IdentityTables1764200000000 implements MigrationInterface {
  name = 'IdentityTables1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE team (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE UNIQUE INDEX team_name_ci ON team (lower(name))');
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL CHECK (length(username) BETWEEN 3 AND 64),
        display_name text NOT NULL,
        email text NOT NULL,
        role text NOT NULL CHECK (role IN ('CODER', 'SUPERVISOR', 'COMPLIANCE', 'ADMIN')),
        team_id uuid REFERENCES team (id) ON DELETE RESTRICT,
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DISABLED')),
        clearances text[] NOT NULL DEFAULT '{}',
        part2_training_date date,
        specialties text[] NOT NULL DEFAULT '{}',
        schedule jsonb,
        linked_patient_ids text[] NOT NULL DEFAULT '{}',
        password_hash text NOT NULL,
        must_change_password boolean NOT NULL DEFAULT false,
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        totp_secret_enc text,
        totp_last_step bigint NOT NULL DEFAULT 0,
        mfa_enrolled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE UNIQUE INDEX app_user_username_ci ON app_user (lower(username))');
    await q.query('CREATE INDEX app_user_team ON app_user (team_id)');
    await q.query(`
      CREATE TABLE user_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        absolute_expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text,
        ip text NOT NULL DEFAULT '',
        user_agent text NOT NULL DEFAULT ''
      )`);
    await q.query('CREATE INDEX user_session_live ON user_session (user_id) WHERE revoked_at IS NULL');
    await q.query(`
      CREATE TABLE refresh_token (
        token_hash bytea PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES user_session (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        rotated_at timestamptz
      )`);
    await q.query('CREATE INDEX refresh_token_session ON refresh_token (session_id)');
    await q.query(`
      CREATE TABLE login_challenge (
        token_hash bytea PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        mfa_verified boolean NOT NULL DEFAULT false,
        pending_totp_secret_enc text,
        failed_codes int NOT NULL DEFAULT 0,
        expires_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX login_challenge_user ON login_challenge (user_id)');
    await q.query(`
      CREATE TABLE mfa_recovery_code (
        code_hash bytea PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        used_at timestamptz
      )`);
    await q.query('CREATE INDEX mfa_recovery_code_user ON mfa_recovery_code (user_id)');
    // Keyed by the normalised username whether or not such a user exists, so
    // throttling answers never reveal which usernames are real.
    await q.query(`
      CREATE TABLE login_throttle (
        username_key text PRIMARY KEY,
        consecutive_failures int NOT NULL DEFAULT 0,
        not_before timestamptz,
        locked_until timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE login_throttle');
    await q.query('DROP TABLE mfa_recovery_code');
    await q.query('DROP TABLE login_challenge');
    await q.query('DROP TABLE refresh_token');
    await q.query('DROP TABLE user_session');
    await q.query('DROP TABLE app_user');
    await q.query('DROP TABLE team');
  }
}
