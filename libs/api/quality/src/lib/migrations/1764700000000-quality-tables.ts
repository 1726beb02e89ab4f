import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Quality audit: sampling rules (team default, coder override), sampling runs
 * with their seed and every member's draw (so a selection can be recomputed and
 * checked), reviews with the auditor's corrected code set and score, and the
 * findings the coder answers and the supervisor decides.
 */
export class QualityTables1764700000000 implements MigrationInterface {
  name = 'QualityTables1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE quality_sampling_rule (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        team_id uuid REFERENCES team (id) ON DELETE CASCADE,
        coder_id uuid REFERENCES app_user (id) ON DELETE CASCADE,
        new_coder_charts int NOT NULL CHECK (new_coder_charts BETWEEN 0 AND 1000),
        new_coder_rate numeric(5, 4) NOT NULL CHECK (new_coder_rate BETWEEN 0 AND 1),
        rate numeric(5, 4) NOT NULL CHECK (rate BETWEEN 0 AND 1),
        minimum_per_period int NOT NULL CHECK (minimum_per_period BETWEEN 0 AND 1000),
        stratify_by_type boolean NOT NULL,
        pass_threshold numeric(5, 4) NOT NULL CHECK (pass_threshold BETWEEN 0.5 AND 1),
        updated_by uuid NOT NULL REFERENCES app_user (id) ON DELETE RESTRICT,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT quality_sampling_rule_one_subject CHECK ((team_id IS NULL) <> (coder_id IS NULL))
      )`);
    await q.query(
      'CREATE UNIQUE INDEX quality_sampling_rule_team ON quality_sampling_rule (team_id) WHERE team_id IS NOT NULL',
    );
    await q.query(
      'CREATE UNIQUE INDEX quality_sampling_rule_coder ON quality_sampling_rule (coder_id) WHERE coder_id IS NOT NULL',
    );
    await q.query(`
      CREATE TABLE quality_sample_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        team_id uuid NOT NULL REFERENCES team (id) ON DELETE RESTRICT,
        period_from timestamptz NOT NULL,
        period_to timestamptz NOT NULL CHECK (period_to > period_from),
        seed text NOT NULL CHECK (seed ~ '^[0-9a-f]{32}$'),
        -- Per coder: the rule applied and the strata (population, selected).
        coders jsonb NOT NULL CHECK (jsonb_typeof(coders) = 'array'),
        created_by uuid REFERENCES app_user (id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX quality_sample_run_team ON quality_sample_run (team_id, created_at DESC)');
    await q.query(`
      CREATE TABLE quality_sample_member (
        run_id uuid NOT NULL REFERENCES quality_sample_run (id) ON DELETE CASCADE,
        encounter_id uuid NOT NULL REFERENCES encounter (id) ON DELETE CASCADE,
        coding_version int NOT NULL,
        coder_id uuid NOT NULL REFERENCES app_user (id) ON DELETE RESTRICT,
        encounter_type text NOT NULL,
        coder_ordinal int NOT NULL CHECK (coder_ordinal >= 1),
        stratum text NOT NULL,
        rank int NOT NULL CHECK (rank >= 1),
        selected boolean NOT NULL,
        PRIMARY KEY (run_id, encounter_id),
        -- A submission is drawn once: a later run never redraws it with another seed.
        CONSTRAINT quality_sample_member_once UNIQUE (encounter_id, coding_version)
      )`);
    await q.query(`
      CREATE TABLE quality_review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        encounter_id uuid NOT NULL REFERENCES encounter (id) ON DELETE RESTRICT,
        coder_id uuid NOT NULL REFERENCES app_user (id) ON DELETE RESTRICT,
        team_id uuid NOT NULL REFERENCES team (id) ON DELETE RESTRICT,
        kind text NOT NULL CHECK (kind IN ('PREBILL', 'RETROSPECTIVE')),
        status text NOT NULL DEFAULT 'IN_REVIEW'
          CHECK (status IN ('IN_REVIEW', 'AWAITING_CODER', 'AWAITING_SUPERVISOR', 'CLOSED')),
        run_id uuid REFERENCES quality_sample_run (id) ON DELETE RESTRICT,
        stratum text,
        submitted_version int NOT NULL,
        corrected_codes jsonb NOT NULL CHECK (jsonb_typeof(corrected_codes) = 'object'),
        pass_threshold numeric(5, 4) NOT NULL,
        score jsonb,
        passed boolean,
        dx_codes int, dx_errors int, px_codes int, px_errors int,
        reviewer_id uuid REFERENCES app_user (id) ON DELETE RESTRICT,
        created_by uuid REFERENCES app_user (id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        closed_at timestamptz,
        outcome text CHECK (outcome IN ('COMPLETED', 'RETURNED')),
        version int NOT NULL DEFAULT 1,
        CONSTRAINT quality_review_closed CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL AND outcome IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX quality_review_one_open ON quality_review (encounter_id) WHERE status <> 'CLOSED'`,
    );
    await q.query('CREATE INDEX quality_review_team ON quality_review (team_id, status, created_at DESC)');
    await q.query('CREATE INDEX quality_review_coder ON quality_review (coder_id, closed_at)');
    await q.query(`
      CREATE TABLE quality_finding (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL REFERENCES quality_review (id) ON DELETE CASCADE,
        position int NOT NULL,
        key text NOT NULL,
        code_group text NOT NULL CHECK (code_group IN ('DIAGNOSIS', 'PROCEDURE')),
        kind text NOT NULL,
        before_code text,
        after_code text,
        detail text NOT NULL,
        weight int NOT NULL CHECK (weight BETWEEN 1 AND 2),
        reason text NOT NULL CHECK (reason IN
          ('DOCUMENTATION', 'GUIDELINE', 'SEQUENCING', 'SPECIFICITY', 'CLINICAL_VALIDATION', 'OTHER')),
        auditor_comment text CHECK (length(auditor_comment) <= 2000),
        response text NOT NULL DEFAULT 'PENDING' CHECK (response IN ('PENDING', 'ACKNOWLEDGED', 'REBUTTED')),
        coder_comment text CHECK (length(coder_comment) <= 2000),
        responded_at timestamptz,
        decision text CHECK (decision IN ('UPHELD', 'OVERTURNED', 'ESCALATED')),
        decision_comment text CHECK (length(decision_comment) <= 2000),
        decided_by uuid REFERENCES app_user (id) ON DELETE RESTRICT,
        decided_at timestamptz,
        CONSTRAINT quality_finding_key UNIQUE (review_id, key),
        CONSTRAINT quality_finding_decision_needs_rebuttal CHECK (decision IS NULL OR response = 'REBUTTED')
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE quality_finding');
    await q.query('DROP TABLE quality_review');
    await q.query('DROP TABLE quality_sample_member');
    await q.query('DROP TABLE quality_sample_run');
    await q.query('DROP TABLE quality_sampling_rule');
  }
}
