import type { MigrationInterface, QueryRunner } from 'typeorm';

const BEFORE = `'OUTSIDE_SHIFT','VOLUME_SPIKE','REPEATED_DENIALS','VIP_OR_EMPLOYEE','SAME_SURNAME_OR_ADDRESS','BREAK_GLASS','CHAIN_VERIFICATION_FAILED'`;
const AFTER = `${BEFORE},'REPEATED_STEP_UP_FAILURES','PRIVILEGED_ROLE_GRANT'`;

/** Two rules from the security hardening: repeated step-up failures, and privileged role grants. */
export class SecurityRules1765200000001 implements MigrationInterface {
  name = 'SecurityRules1765200000001';

  async up(q: QueryRunner): Promise<void> {
    await setRules(q, AFTER);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM anomaly_rule_setting WHERE rule IN ('REPEATED_STEP_UP_FAILURES', 'PRIVILEGED_ROLE_GRANT')`,
    );
    await setRules(q, BEFORE);
  }
}

async function setRules(q: QueryRunner, rules: string): Promise<void> {
  await q.query(`ALTER TABLE review_item DROP CONSTRAINT review_item_rule_check,
    ADD CONSTRAINT review_item_rule_check CHECK (rule IN (${rules}))`);
  await q.query(`ALTER TABLE anomaly_rule_setting DROP CONSTRAINT anomaly_rule_setting_rule_check,
    ADD CONSTRAINT anomaly_rule_setting_rule_check CHECK (rule IN (${rules}))`);
}
