import { randomBytes } from 'node:crypto';
import { ChartAccess, ChartDenied } from '@chartdesk/api-records';
import { AuditService } from '@chartdesk/api-audit';
import { type Actor, DomainError, type RequestMeta } from '@chartdesk/api-platform';
import { lockChart, transitionChart } from '@chartdesk/api-worklist';
import type {
  CreateSamplingRunRequest,
  EncounterType,
  SampleStratumView,
  SamplingRule,
  SamplingRunCoderView,
  SamplingRunView,
} from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { teamOf } from '../team-scope';
import { type SampleCandidate, newSeed, selectSample } from './sample-selection';
import { effectiveRule, loadTeamRules } from './sampling-rules';
import { coderRowsOfTeam } from './team-members';

/** $1 team, $2 from, $3 to: the team's charts waiting in SUBMITTED, submitted in the period, not yet drawn. */
const POPULATION_SQL = `
WITH firsts AS (
  SELECT cv.created_by AS coder_id, cv.encounter_id, min(cv.created_at) AS first_at
    FROM worklist_coding_versions cv JOIN identity_users u ON u.id = cv.created_by
   WHERE cv.kind = 'SUBMISSION' AND u.team_id = $1
   GROUP BY cv.created_by, cv.encounter_id),
ordinals AS (
  SELECT coder_id, encounter_id,
         row_number() OVER (PARTITION BY coder_id ORDER BY first_at, encounter_id)::int AS ordinal
    FROM firsts),
latest AS (
  SELECT DISTINCT ON (cv.encounter_id) cv.encounter_id, cv.number, cv.created_by, cv.created_at
    FROM worklist_coding_versions cv JOIN records_charts e ON e.id = cv.encounter_id
   WHERE cv.kind = 'SUBMISSION' AND e.coding_status = 'SUBMITTED'
   ORDER BY cv.encounter_id, cv.number DESC)
SELECT l.encounter_id, l.number AS coding_version, l.created_by AS coder_id, e.encounter_type, o.ordinal
  FROM latest l
  JOIN records_charts e ON e.id = l.encounter_id
  JOIN ordinals o ON o.coder_id = l.created_by AND o.encounter_id = l.encounter_id
 WHERE l.created_at >= $2 AND l.created_at < $3
   AND NOT EXISTS (SELECT 1 FROM quality_sample_member sm
                    WHERE sm.encounter_id = l.encounter_id AND sm.coding_version = l.number)
   AND NOT EXISTS (SELECT 1 FROM quality_review r WHERE r.encounter_id = l.encounter_id AND r.status <> 'CLOSED')
 ORDER BY l.encounter_id`;

interface PopulationRow {
  encounter_id: string;
  coding_version: number;
  coder_id: string;
  encounter_type: EncounterType;
  ordinal: number;
}

interface StoredCoder {
  coderId: string;
  coderName: string;
  rule: SamplingRule;
  strata: SampleStratumView[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

function period(request: CreateSamplingRunRequest, now: Date): { from: Date; to: Date } {
  const to = request.to ? new Date(request.to) : now;
  const from = request.from ? new Date(request.from) : new Date(to.getTime() - DAY_MS);
  if (!(from.getTime() < to.getTime())) throw new DomainError('VALIDATION', '"from" must be before "to".');
  if (to.getTime() - from.getTime() > 31 * DAY_MS) {
    throw new DomainError('VALIDATION', 'A sampling period is at most 31 days.');
  }
  return { from, to };
}

/**
 * Prebill sampling of the supervisor's team: each coder's charts submitted in
 * the period are drawn with one fresh seed; drawn charts open a review (the
 * chart stays held in SUBMITTED until the review closes), the rest complete.
 * Every decision is stored with its stratum and rank and audited as SAMPLED.
 */
@Injectable()
export class SamplingRunService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ChartAccess,
    private readonly audit: AuditService,
  ) {}

  create(actor: Actor, meta: RequestMeta, request: CreateSamplingRunRequest, seed?: string): Promise<SamplingRunView> {
    const teamId = teamOf(actor);
    const { from, to } = period(request, new Date());
    return this.dataSource.transaction(async (m) => {
      // One run per team at a time: two would draw the same submissions.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('quality-sampling'), hashtext($1))`, [teamId]);
      const runSeed = seed ?? newSeed(randomBytes);
      const population = (await m.query(POPULATION_SQL, [teamId, from, to])) as PopulationRow[];
      const eligible: PopulationRow[] = [];
      const purposes = new Map<string, string>();
      for (const row of population) {
        try {
          // The same rule as opening the chart: a supervisor never samples what they could not review.
          const grant = await this.access.require(m, actor, 'supervise', row.encounter_id);
          purposes.set(row.encounter_id, grant.purpose);
          eligible.push(row);
        } catch (error) {
          if (!(error instanceof ChartDenied)) throw error;
        }
      }
      const rules = await loadTeamRules(m, teamId);
      const names = new Map((await coderRowsOfTeam(m, teamId)).map((c) => [c.id, c.display_name] as const));
      const coderIds = [...new Set(eligible.map((r) => r.coder_id))].sort();
      const coders: StoredCoder[] = [];
      const decisions: { row: PopulationRow; stratum: string; rank: number; selected: boolean }[] = [];
      for (const coderId of coderIds) {
        const rule = effectiveRule(rules, coderId);
        const rows = eligible.filter((r) => r.coder_id === coderId);
        const byId = new Map(rows.map((r) => [r.encounter_id, r] as const));
        const selection = selectSample(runSeed, rows.map(candidateOf), rule);
        coders.push({ coderId, coderName: names.get(coderId) ?? '', rule, strata: [...selection.strata] });
        for (const d of selection.decisions) {
          const row = byId.get(d.encounterId);
          if (row) decisions.push({ row, stratum: d.stratum, rank: d.rank, selected: d.selected });
        }
      }
      const [run] = (await m.query(
        `INSERT INTO quality_sample_run (team_id, period_from, period_to, seed, coders, created_by)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6) RETURNING id`,
        [teamId, from, to, runSeed, JSON.stringify(coders), actor.userId],
      )) as { id: string }[];
      const runId = run?.id ?? '';
      for (const d of decisions) {
        await this.decide(m, actor, meta, runId, teamId, d, purposes.get(d.row.encounter_id) ?? '', rules);
      }
      return this.view(m, runId, teamId);
    });
  }

  get(actor: Actor, runId: string): Promise<SamplingRunView> {
    const teamId = teamOf(actor);
    return this.dataSource.transaction((m) => this.view(m, runId, teamId));
  }

  private async decide(
    m: EntityManager,
    actor: Actor,
    meta: RequestMeta,
    runId: string,
    teamId: string,
    d: { row: PopulationRow; stratum: string; rank: number; selected: boolean },
    purpose: string,
    rules: Awaited<ReturnType<typeof loadTeamRules>>,
  ): Promise<void> {
    const { row } = d;
    await m.query(
      `INSERT INTO quality_sample_member (run_id, encounter_id, coding_version, coder_id, encounter_type,
              coder_ordinal, stratum, rank, selected)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        runId,
        row.encounter_id,
        row.coding_version,
        row.coder_id,
        row.encounter_type,
        row.ordinal,
        d.stratum,
        d.rank,
        d.selected,
      ],
    );
    const chart = await lockChart(m, row.encounter_id);
    let reviewId: string | null = null;
    if (d.selected) {
      const [codes] = (await m.query(
        'SELECT codes FROM worklist_coding_versions WHERE encounter_id = $1 AND number = $2',
        [row.encounter_id, row.coding_version],
      )) as { codes: unknown }[];
      const [review] = (await m.query(
        `INSERT INTO quality_review (encounter_id, coder_id, team_id, kind, run_id, stratum, submitted_version,
                corrected_codes, pass_threshold, created_by)
         VALUES ($1, $2, $3, 'PREBILL', $4, $5, $6, $7::jsonb, $8, $9) RETURNING id`,
        [
          row.encounter_id,
          row.coder_id,
          teamId,
          runId,
          d.stratum,
          row.coding_version,
          JSON.stringify(codes?.codes ?? { diagnoses: [], procedures: [] }),
          effectiveRule(rules, row.coder_id).passThreshold,
          actor.userId,
        ],
      )) as { id: string }[];
      reviewId = review?.id ?? null;
      await transitionChart(m, chart, 'SAMPLE', { actor, meta, audit: this.audit, purpose });
    } else {
      await transitionChart(m, chart, 'COMPLETE', { actor, meta, audit: this.audit, purpose });
    }
    await this.audit.record(m, {
      action: 'SAMPLED',
      outcome: 'success',
      actor,
      meta,
      patientId: chart.patientId,
      resourceType: 'Encounter',
      resourceId: row.encounter_id,
      purpose,
      details: {
        runId,
        codingVersion: row.coding_version,
        coderId: row.coder_id,
        stratum: d.stratum,
        rank: d.rank,
        selected: d.selected,
        reviewId,
      },
    });
  }

  /** The stored run, with the selection recomputed from its seed, rule and population and compared. */
  private async view(m: EntityManager, runId: string, teamId: string): Promise<SamplingRunView> {
    const [run] = (await m.query(
      `SELECT id, period_from, period_to, seed, coders, created_at FROM quality_sample_run WHERE id = $1 AND team_id = $2`,
      [runId, teamId],
    )) as { id: string; period_from: Date; period_to: Date; seed: string; coders: StoredCoder[]; created_at: Date }[];
    if (!run) throw new DomainError('NOT_FOUND', 'No such sampling run in your team.');
    const members = (await m.query(
      `SELECT encounter_id, coder_id, encounter_type, coder_ordinal, stratum, selected
         FROM quality_sample_member WHERE run_id = $1`,
      [runId],
    )) as {
      encounter_id: string;
      coder_id: string;
      encounter_type: EncounterType;
      coder_ordinal: number;
      stratum: string;
      selected: boolean;
    }[];
    const stored = new Set(members.filter((x) => x.selected).map((x) => `${x.encounter_id}/${x.stratum}`));
    const recomputed = new Set<string>();
    for (const coder of run.coders) {
      const candidates = members
        .filter((x) => x.coder_id === coder.coderId)
        .map((x) => ({ encounterId: x.encounter_id, encounterType: x.encounter_type, coderOrdinal: x.coder_ordinal }));
      for (const d of selectSample(run.seed, candidates, coder.rule).decisions) {
        if (d.selected) recomputed.add(`${d.encounterId}/${d.stratum}`);
      }
    }
    const reproducible = stored.size === recomputed.size && [...stored].every((k) => recomputed.has(k));
    const sampled = members.filter((x) => x.selected).length;
    const coders: SamplingRunCoderView[] = run.coders.map((c) => ({
      coderId: c.coderId,
      coderName: c.coderName,
      rule: c.rule,
      strata: c.strata,
    }));
    return {
      id: run.id,
      createdAt: run.created_at.toISOString(),
      from: run.period_from.toISOString(),
      to: run.period_to.toISOString(),
      seed: run.seed,
      coders,
      sampled,
      released: members.length - sampled,
      reproducible,
    };
  }
}

function candidateOf(row: PopulationRow): SampleCandidate {
  return { encounterId: row.encounter_id, encounterType: row.encounter_type, coderOrdinal: row.ordinal };
}
