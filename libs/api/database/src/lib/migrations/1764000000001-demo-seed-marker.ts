import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Records which demo seed steps have run, so a restart never seeds twice. */
export class DemoSeedMarker1764000000001 implements MigrationInterface {
  name = 'DemoSeedMarker1764000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE demo_seed_run (step text PRIMARY KEY, ran_at timestamptz NOT NULL DEFAULT now())');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE demo_seed_run');
  }
}
