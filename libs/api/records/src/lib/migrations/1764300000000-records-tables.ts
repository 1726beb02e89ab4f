import type { MigrationInterface, QueryRunner } from 'typeorm';

const LABELS = `'BEHAVIORAL_HEALTH','SUBSTANCE_USE_PART2','HIV_STI','REPRODUCTIVE','GENETIC','VIP','EMPLOYEE'`;

/**
 * Patients, encounters (charts), clinical documents and their structured
 * lists, plus the minimal assignment table the worklist extends. Identifiers
 * from outside (MRN, encounter number, FHIR business ids) are unique where the
 * import relies on them for idempotency.
 */
export class RecordsTables1764300000000 implements MigrationInterface {
  name = 'RecordsTables1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE patient (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility text NOT NULL CHECK (length(facility) BETWEEN 1 AND 64),
        mrn text NOT NULL CHECK (length(mrn) BETWEEN 1 AND 64),
        family_name text NOT NULL CHECK (length(family_name) <= 200),
        given_name text NOT NULL CHECK (length(given_name) <= 200),
        birth_date date NOT NULL,
        sex text NOT NULL CHECK (sex IN ('female', 'male', 'other', 'unknown')),
        -- AES-256-GCM: version byte, 12-byte IV, 16-byte tag, ciphertext. Never stored in clear.
        ssn_enc bytea,
        address_line text,
        city text,
        state text,
        postal_code text,
        phone text,
        email text,
        payer_name text,
        member_id text,
        is_employee boolean NOT NULL DEFAULT false,
        is_vip boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT patient_mrn_per_facility UNIQUE (facility, mrn)
      )`);
    await q.query(`
      CREATE TABLE encounter (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        patient_id uuid NOT NULL REFERENCES patient (id) ON DELETE RESTRICT,
        facility text NOT NULL CHECK (length(facility) BETWEEN 1 AND 64),
        encounter_number text NOT NULL CHECK (length(encounter_number) BETWEEN 1 AND 64),
        encounter_type text NOT NULL CHECK (encounter_type IN ('INPATIENT', 'OUTPATIENT', 'ED', 'PROFEE')),
        admitted_at timestamptz,
        discharged_at timestamptz,
        service_date date,
        providers jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(providers) = 'array'),
        discharge_disposition text,
        payer_name text,
        labels text[] NOT NULL DEFAULT '{}' CHECK (labels <@ ARRAY[${LABELS}]::text[]),
        coding_status text NOT NULL DEFAULT 'READY',
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT encounter_number_per_facility UNIQUE (facility, encounter_number),
        CONSTRAINT encounter_dates CHECK (
          (encounter_type = 'INPATIENT' AND admitted_at IS NOT NULL AND (discharged_at IS NULL OR discharged_at >= admitted_at))
          OR (encounter_type <> 'INPATIENT' AND service_date IS NOT NULL))
      )`);
    await q.query('CREATE INDEX encounter_patient ON encounter (patient_id)');
    await q.query(`
      CREATE TABLE clinical_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        encounter_id uuid NOT NULL REFERENCES encounter (id) ON DELETE CASCADE,
        source_id text NOT NULL CHECK (length(source_id) BETWEEN 1 AND 200),
        doc_type text NOT NULL CHECK (doc_type IN ('HISTORY_AND_PHYSICAL', 'PROGRESS_NOTE', 'CONSULT',
          'OPERATIVE_REPORT', 'PROCEDURE_NOTE', 'DISCHARGE_SUMMARY', 'ED_NOTE', 'RADIOLOGY', 'PATHOLOGY',
          'LAB_SUMMARY', 'MEDICATION_LIST', 'PROBLEM_LIST', 'FAMILY_SOCIAL_HISTORY', 'NURSING_NOTE')),
        title text NOT NULL CHECK (length(title) <= 300),
        author_name text NOT NULL CHECK (length(author_name) <= 200),
        authored_at timestamptz NOT NULL,
        -- Plain text only; HTML is reduced to text on import. Clients render it escaped.
        body text NOT NULL,
        labels text[] NOT NULL DEFAULT '{}' CHECK (labels <@ ARRAY[${LABELS}]::text[]),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT clinical_document_source UNIQUE (encounter_id, source_id)
      )`);
    await q.query(`
      CREATE TABLE chart_list_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        encounter_id uuid NOT NULL REFERENCES encounter (id) ON DELETE CASCADE,
        source_id text NOT NULL CHECK (length(source_id) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('PROBLEM', 'PROCEDURE', 'MEDICATION', 'ALLERGY', 'SUPPLY', 'FOLLOW_UP')),
        text text NOT NULL CHECK (length(text) <= 2000),
        detail text CHECK (length(detail) <= 2000),
        position int NOT NULL DEFAULT 0,
        labels text[] NOT NULL DEFAULT '{}' CHECK (labels <@ ARRAY[${LABELS}]::text[]),
        CONSTRAINT chart_list_item_source UNIQUE (encounter_id, kind, source_id)
      )`);
    await q.query(`
      CREATE TABLE assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        encounter_id uuid NOT NULL REFERENCES encounter (id) ON DELETE CASCADE,
        coder_id uuid NOT NULL REFERENCES app_user (id) ON DELETE RESTRICT,
        active boolean NOT NULL DEFAULT true,
        assigned_by uuid REFERENCES app_user (id) ON DELETE RESTRICT,
        assigned_at timestamptz NOT NULL DEFAULT now()
      )`);
    // At most one active assignment per chart: the policy reads "the" assignment.
    await q.query('CREATE UNIQUE INDEX assignment_one_active ON assignment (encounter_id) WHERE active');
    await q.query('CREATE INDEX assignment_coder_active ON assignment (coder_id) WHERE active');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE assignment');
    await q.query('DROP TABLE chart_list_item');
    await q.query('DROP TABLE clinical_document');
    await q.query('DROP TABLE encounter');
    await q.query('DROP TABLE patient');
  }
}
