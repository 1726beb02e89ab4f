import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Extensions every later migration may rely on. pg_trgm backs code and patient search. */
export class DatabaseExtensions1764000000000 implements MigrationInterface {
  name = 'DatabaseExtensions1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP EXTENSION IF EXISTS pg_trgm');
  }
}
