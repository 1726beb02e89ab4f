import { AuditService } from '@chartdesk/api-audit';
import { type Actor, DomainError, type RequestMeta } from '@chartdesk/api-platform';
import {
  DEFAULT_SAMPLING_RULE,
  type SamplingRule,
  type SamplingRuleView,
  type SamplingRulesResponse,
  type SetSamplingRuleRequest,
} from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { teamOf } from '../team-scope';
import { effectiveRule, loadTeamRules, ruleOfRow } from './sampling-rules';
import { coderInTeam, coderRowsOfTeam } from './team-members';

/** Sampling configuration of the supervisor's own team and its coders. */
@Injectable()
export class SamplingRuleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  rules(actor: Actor): Promise<SamplingRulesResponse> {
    const teamId = teamOf(actor);
    return this.dataSource.transaction((m) => this.view(m, teamId));
  }

  set(actor: Actor, meta: RequestMeta, request: SetSamplingRuleRequest): Promise<SamplingRulesResponse> {
    const teamId = teamOf(actor);
    return this.dataSource.transaction(async (m) => {
      if (request.coderId) {
        const coder = await coderInTeam(m, request.coderId, teamId);
        if (!coder) throw new DomainError('NOT_FOUND', 'No such coder in your team.');
        if (request.rule) await this.upsert(m, 'coder_id', coder.id, request.rule, actor);
        else await m.query('DELETE FROM quality_sampling_rule WHERE coder_id = $1', [coder.id]);
      } else {
        if (!request.rule) throw new DomainError('VALIDATION', 'The team rule can be changed, not removed.');
        await this.upsert(m, 'team_id', teamId, request.rule, actor);
      }
      await this.audit.record(m, {
        action: 'QUALITY_REVIEW_CHANGED',
        outcome: 'success',
        actor,
        meta,
        resourceType: 'SamplingRule',
        resourceId: request.coderId ?? teamId,
        details: { event: 'SAMPLING_RULE_SET', scope: request.coderId ? 'CODER' : 'TEAM', rule: request.rule },
      });
      return this.view(m, teamId);
    });
  }

  private async upsert(
    m: EntityManager,
    column: 'team_id' | 'coder_id',
    subject: string,
    rule: SamplingRule,
    actor: Actor,
  ): Promise<void> {
    await m.query(
      `INSERT INTO quality_sampling_rule (${column}, new_coder_charts, new_coder_rate, rate, minimum_per_period,
              stratify_by_type, pass_threshold, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (${column}) WHERE ${column} IS NOT NULL DO UPDATE SET
         new_coder_charts = EXCLUDED.new_coder_charts, new_coder_rate = EXCLUDED.new_coder_rate,
         rate = EXCLUDED.rate, minimum_per_period = EXCLUDED.minimum_per_period,
         stratify_by_type = EXCLUDED.stratify_by_type, pass_threshold = EXCLUDED.pass_threshold,
         updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [
        subject,
        rule.newCoderCharts,
        rule.newCoderRate,
        rule.rate,
        rule.minimumPerPeriod,
        rule.stratifyByEncounterType,
        rule.passThreshold,
        actor.userId,
      ],
    );
  }

  private async view(m: EntityManager, teamId: string): Promise<SamplingRulesResponse> {
    const rules = await loadTeamRules(m, teamId);
    const [team] = (await m.query('SELECT name FROM identity_teams WHERE id = $1', [teamId])) as { name: string }[];
    const teamView: SamplingRuleView = {
      ...(rules.team ? ruleOfRow(rules.team) : DEFAULT_SAMPLING_RULE),
      scope: 'TEAM',
      subjectId: teamId,
      subjectName: team?.name ?? '',
      updatedAt: rules.team?.updated_at.toISOString() ?? null,
    };
    const coders = (await coderRowsOfTeam(m, teamId)).map((c) => ({
      ...effectiveRule(rules, c.id),
      scope: 'CODER' as const,
      subjectId: c.id,
      subjectName: c.display_name,
      updatedAt: rules.coders.get(c.id)?.updated_at.toISOString() ?? null,
      inherited: !rules.coders.has(c.id),
    }));
    return { team: teamView, coders };
  }
}
