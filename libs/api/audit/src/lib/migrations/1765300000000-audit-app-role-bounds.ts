import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  APPEND_CHECKPOINT_SQL,
  CALLER_IS_OWNER_SQL,
  CHAIN_TRIGGER_SQL,
  BOUNDED_MAINTENANCE_SQL,
  PRIVILEGES_SQL,
} from './audit-app-role-bounds.sql';

/**
 * What the app's own database role can do to the audit trail without touching
 * a row, closed off:
 *
 * - The trigger's remembered stream (`chartdesk.audit_stream`) is a setting the
 *   session can also set. It is now only a hint: the trigger re-takes the
 *   stream's advisory lock (free when this transaction already holds it), so a
 *   pinned stream waits its turn instead of interleaving with its holder.
 * - Checkpoints enter only through `audit_append_checkpoint`, which refuses a
 *   payload whose heads are not real events of the trail; the app role lost
 *   its direct INSERT.
 * - `audit_ensure_streams` and `audit_create_partitions` are bounded for every
 *   caller but the schema owner; `audit_ensure_partition` (any month, for the
 *   owner's back-filling and retention) is the owner's alone.
 * - Back-dated events (the demo's history) are chained by the trigger itself
 *   when the owner asks with `chartdesk.audit_backfill = on`; nobody needs to
 *   turn triggers off.
 */
export class AuditAppRoleBounds1765300000000 implements MigrationInterface {
  name = 'AuditAppRoleBounds1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(CALLER_IS_OWNER_SQL);
    await q.query(CHAIN_TRIGGER_SQL);
    await q.query(BOUNDED_MAINTENANCE_SQL);
    await q.query(APPEND_CHECKPOINT_SQL);
    await q.query(PRIVILEGES_SQL);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'chartdesk_app') THEN
        GRANT INSERT (key_id, payload, signature) ON audit_checkpoint TO chartdesk_app;
      END IF;
    END $$`);
    await q.query('DROP FUNCTION IF EXISTS audit_append_checkpoint(text, text, bytea)');
    await q.query('DROP FUNCTION IF EXISTS audit_ensure_partition(date)');
    // The trigger and the two maintenance functions keep their hardened bodies: the
    // earlier ones were the weakness, and their signatures are unchanged.
  }
}
