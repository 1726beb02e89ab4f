import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failure counters for step-up codes, per user and per session, shared by
 * every API instance (the app role's rights come from the default privileges).
 */
export class StepUpThrottle1765200000000 implements MigrationInterface {
  name = 'StepUpThrottle1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE step_up_throttle (
        throttle_key text PRIMARY KEY CHECK (throttle_key ~ '^(user|session):[0-9a-f-]{36}$'),
        consecutive_failures int NOT NULL DEFAULT 0,
        not_before timestamptz,
        locked_until timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE step_up_throttle');
  }
}
