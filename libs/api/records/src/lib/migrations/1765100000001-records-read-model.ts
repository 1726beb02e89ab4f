import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The records lib's published read model for the libs above it (worklist,
 * quality, compliance), which join charts in set-based SQL for boards, queues,
 * samples and reports. They name these views, never the tables: the SSN
 * ciphertext and document bodies are not in them, and records keeps them true
 * when its tables change. Writes go through records' exported commands.
 */
export class RecordsReadModel1765100000001 implements MigrationInterface {
  name = 'RecordsReadModel1765100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW records_patients AS
        SELECT id, facility, mrn, family_name, given_name, birth_date, sex, address_line, city, state, postal_code,
               phone, email, payer_name, member_id, is_employee, is_vip, created_at, updated_at
          FROM patient`);
    await q.query(`
      CREATE VIEW records_charts AS
        SELECT id, patient_id, facility, encounter_number, encounter_type, admitted_at, discharged_at, service_date,
               providers, discharge_disposition, payer_name, labels, coding_status, version, due_date, priority,
               status_changed_at, created_at, updated_at
          FROM encounter`);
    await q.query(`
      CREATE VIEW records_documents AS
        SELECT id, encounter_id, doc_type, title, author_name, authored_at, labels, created_at
          FROM clinical_document`);
    await q.query(`
      CREATE VIEW records_assignments AS
        SELECT id, encounter_id, coder_id, active, assigned_by, assigned_at, ended_at, ended_by, ended_reason
          FROM assignment`);
    await q.query(`
      CREATE VIEW records_break_glass_grants AS
        SELECT id, encounter_id, user_id, session_id, reason_code, reason_text, granted_at, expires_at, revoked_at
          FROM break_glass_grant`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const view of [
      'records_break_glass_grants',
      'records_assignments',
      'records_documents',
      'records_charts',
      'records_patients',
    ]) {
      await q.query(`DROP VIEW ${view}`);
    }
  }
}
