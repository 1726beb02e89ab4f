import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `audit_archive`: one row per month of audit events moved out of the hot
 * database (retention), holding the signed manifest and where each chain
 * stream ended, so the online verifier continues each stream from there and
 * the archive file stays verifiable offline. Append-only like the trail;
 * written only by the schema owner (the archive command), read by the app.
 */
export class AuditArchive1765300000001 implements MigrationInterface {
  name = 'AuditArchive1765300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_archive (
        month date PRIMARY KEY,
        archived_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        event_count bigint NOT NULL,
        stream_ends jsonb NOT NULL CHECK (jsonb_typeof(stream_ends) = 'array'),
        manifest text NOT NULL,
        signature bytea NOT NULL
      );
      CREATE TRIGGER audit_archive_append_only BEFORE UPDATE OR DELETE ON audit_archive
        FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
      CREATE TRIGGER audit_archive_no_truncate BEFORE TRUNCATE ON audit_archive
        FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
      REVOKE ALL ON audit_archive FROM PUBLIC;
    `);
    await q.query(`DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'chartdesk_app') THEN
        REVOKE ALL ON audit_archive FROM chartdesk_app;
        GRANT SELECT ON audit_archive TO chartdesk_app;
      END IF;
    END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS audit_archive');
  }
}
