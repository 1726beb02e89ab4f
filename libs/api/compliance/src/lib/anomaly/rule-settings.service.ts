import { AuditService } from '@chartdesk/api-audit';
import { type Actor, DomainError, type RequestMeta } from '@chartdesk/api-platform';
import {
  ANOMALY_RULES,
  ANOMALY_RULE_DEFAULTS,
  type AnomalyRule,
  type AnomalyRuleSetting,
  type AnomalyRuleUpdate,
} from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export function defaultSetting(rule: AnomalyRule): AnomalyRuleSetting {
  const d = ANOMALY_RULE_DEFAULTS[rule];
  return {
    rule,
    enabled: true,
    severity: d.severity,
    params: Object.fromEntries(Object.entries(d.params).map(([k, v]) => [k, v.value])),
  };
}

/** Each parameter must be one the rule knows, within its bounds; unknown names are refused, not ignored. */
export function checkParams(rule: AnomalyRule, params: Readonly<Record<string, number>>): Record<string, number> {
  const allowed = ANOMALY_RULE_DEFAULTS[rule].params;
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(params)) {
    const bounds = allowed[name];
    if (!bounds) throw new DomainError('VALIDATION', `${rule} has no parameter ${name}.`);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < bounds.min || value > bounds.max) {
      throw new DomainError('VALIDATION', `${name} must be a number from ${bounds.min} to ${bounds.max}.`);
    }
    out[name] = value;
  }
  return { ...defaultSetting(rule).params, ...out };
}

/** Rule settings live in the database (so every instance agrees); missing rows mean the defaults. */
@Injectable()
export class RuleSettingsService {
  constructor(private readonly audit: AuditService) {}

  async all(m: EntityManager): Promise<AnomalyRuleSetting[]> {
    const rows = (await m.query(
      'SELECT rule, enabled, severity, params FROM anomaly_rule_setting',
    )) as AnomalyRuleSetting[];
    const byRule = new Map(rows.map((r) => [r.rule, r]));
    return ANOMALY_RULES.map((rule) => {
      const row = byRule.get(rule);
      return row ? { ...row, params: { ...defaultSetting(rule).params, ...row.params } } : defaultSetting(rule);
    });
  }

  update(actor: Actor, meta: RequestMeta, rule: AnomalyRule, change: AnomalyRuleUpdate): Promise<AnomalyRuleSetting> {
    const params = checkParams(rule, change.params);
    return this.audit
      .withAudit(
        async (m) => {
          const before = (await this.all(m)).find((s) => s.rule === rule);
          await m.query(
            `INSERT INTO anomaly_rule_setting (rule, enabled, severity, params, updated_by, updated_at)
           VALUES ($1, $2, $3, $4, $5, now())
           ON CONFLICT (rule) DO UPDATE SET enabled = $2, severity = $3, params = $4, updated_by = $5, updated_at = now()`,
            [rule, change.enabled, change.severity, JSON.stringify(params), actor.userId],
          );
          return { before, after: { rule, enabled: change.enabled, severity: change.severity, params } };
        },
        // No dedicated action code exists for rule settings; the resource type tells them apart.
        ({ before, after }) => ({
          action: 'REVIEW_ITEM_CHANGED',
          outcome: 'success',
          actor,
          meta,
          resourceType: 'AnomalyRuleSetting',
          resourceId: rule,
          details: { before, after },
        }),
      )
      .then((r) => r.after);
  }
}
