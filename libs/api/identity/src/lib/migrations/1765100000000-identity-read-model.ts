import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The identity lib's published read model. Other libs join users and teams in
 * their own set-based SQL through these views, never through app_user or team:
 * credentials (password hash, TOTP secret) stay out of reach, and a column change
 * in identity's tables changes these views here, where identity maintains them.
 */
export class IdentityReadModel1765100000000 implements MigrationInterface {
  name = 'IdentityReadModel1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW identity_users AS
        SELECT id, username, display_name, email, role, team_id, status, clearances, part2_training_date,
               specialties, schedule, linked_patient_ids, created_at
          FROM app_user`);
    await q.query('CREATE VIEW identity_teams AS SELECT id, name, created_at FROM team');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW identity_teams');
    await q.query('DROP VIEW identity_users');
  }
}
