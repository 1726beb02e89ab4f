import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Separation of duties: account changes an administrator makes wait for a
 * second administrator. The account sits in PENDING_APPROVAL (no sign-in)
 * meanwhile; the database itself refuses a request approved by its requester.
 */
export class AccountApproval1765200000002 implements MigrationInterface {
  name = 'AccountApproval1765200000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_status_check,
      ADD CONSTRAINT app_user_status_check CHECK (status IN ('ACTIVE', 'DISABLED', 'PENDING_APPROVAL'))`);
    await q.query(`
      CREATE TABLE account_approval (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        change text NOT NULL CHECK (change IN ('create', 'role-change', 'enable', 'password-reset', 'mfa-reset')),
        role text NOT NULL,
        previous_role text,
        requested_by uuid NOT NULL REFERENCES app_user (id),
        requested_at timestamptz NOT NULL DEFAULT now(),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
        decided_by uuid REFERENCES app_user (id),
        decided_at timestamptz,
        CONSTRAINT account_approval_second_person CHECK (decided_by IS NULL OR (decided_by <> requested_by AND decided_by <> user_id))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX account_approval_one_pending ON account_approval (user_id) WHERE status = 'PENDING'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE account_approval');
    await q.query(`UPDATE app_user SET status = 'DISABLED' WHERE status = 'PENDING_APPROVAL'`);
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_status_check,
      ADD CONSTRAINT app_user_status_check CHECK (status IN ('ACTIVE', 'DISABLED'))`);
  }
}
