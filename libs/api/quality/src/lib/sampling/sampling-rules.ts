import { DEFAULT_SAMPLING_RULE, type SamplingRule } from '@chartdesk/contracts';
import type { EntityManager } from 'typeorm';

export interface RuleRow {
  team_id: string | null;
  coder_id: string | null;
  new_coder_charts: number;
  new_coder_rate: string;
  rate: string;
  minimum_per_period: number;
  stratify_by_type: boolean;
  pass_threshold: string;
  updated_at: Date;
}

export const RULE_COLUMNS =
  'team_id, coder_id, new_coder_charts, new_coder_rate, rate, minimum_per_period, stratify_by_type, pass_threshold, updated_at';

/** numeric columns come back as strings from pg. */
export function ruleOfRow(row: RuleRow): SamplingRule {
  return {
    newCoderCharts: row.new_coder_charts,
    newCoderRate: Number(row.new_coder_rate),
    rate: Number(row.rate),
    minimumPerPeriod: row.minimum_per_period,
    stratifyByEncounterType: row.stratify_by_type,
    passThreshold: Number(row.pass_threshold),
  };
}

/** The team's rule and every coder override of the team, keyed by coder id. */
export async function loadTeamRules(
  m: EntityManager,
  teamId: string,
): Promise<{ team: RuleRow | null; coders: Map<string, RuleRow> }> {
  const rows = (await m.query(
    `SELECT ${RULE_COLUMNS} FROM quality_sampling_rule
      WHERE team_id = $1 OR coder_id IN (SELECT id FROM identity_users WHERE team_id = $1)`,
    [teamId],
  )) as RuleRow[];
  const coders = new Map<string, RuleRow>();
  let team: RuleRow | null = null;
  for (const r of rows) {
    if (r.team_id) team = r;
    else if (r.coder_id) coders.set(r.coder_id, r);
  }
  return { team, coders };
}

/** A coder's own rule wins; then the team's; then the built-in default. */
export function effectiveRule(
  rules: { team: RuleRow | null; coders: Map<string, RuleRow> },
  coderId: string,
): SamplingRule {
  const own = rules.coders.get(coderId);
  if (own) return ruleOfRow(own);
  return rules.team ? ruleOfRow(rules.team) : DEFAULT_SAMPLING_RULE;
}
