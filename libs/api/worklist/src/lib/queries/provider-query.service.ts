import { ChartAccessPolicy } from '@chartdesk/api-access';
import { AuditService } from '@chartdesk/api-audit';
import { type Actor, DomainError, type RequestMeta } from '@chartdesk/api-platform';
import {
  documentContainsQuote,
  ChartAccess,
  ChartDenied,
  type ChartGrant,
  chartNotFound,
} from '@chartdesk/api-records';
import type {
  AnswerQueryRequest,
  CreateQueryRequest,
  OpenQueryEntry,
  ProviderQueryView,
  QueryIndicator,
  SensitivityLabel,
  TransitionResponse,
} from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { subjectOfActor } from '../access/chart-facts';
import { ChartLeaseService } from '../lease/chart-lease.service';
import { assertVersion, illegalTransition, lockChart, transitionChart } from '../status/chart-transition';
import { leadingReason, queryOptions } from './query-template';
import { queriesOfChart } from './query-views';
import { oneRow } from '../status/returning-rows';

/** The attending (or else the first listed provider) the query goes to. */
async function attendingOf(m: EntityManager, encounterId: string): Promise<string> {
  const row = oneRow(
    (await m.query(
      `SELECT COALESCE((SELECT p->>'name' FROM jsonb_array_elements(providers) p WHERE p->>'role' IN ('ATND', 'attending') LIMIT 1),
                     providers->0->>'name', 'Attending provider') AS name
       FROM records_charts WHERE id = $1`,
      [encounterId],
    )) as { name: string }[],
  );
  return row.name;
}

/** Each quote must appear word for word in a document of this chart: indicators are evidence, not paraphrase. */
async function assertQuotesFromChart(m: EntityManager, encounterId: string, indicators: readonly QueryIndicator[]) {
  for (const indicator of indicators) {
    if (!(await documentContainsQuote(m, encounterId, indicator.documentId, indicator.quote))) {
      throw new DomainError(
        'VALIDATION',
        'Each clinical indicator must be quoted exactly from a document of this chart.',
      );
    }
  }
}

interface OpenQueryRow {
  id: string;
  encounter_id: string;
  encounter_number: string;
  coder_name: string;
  attending: string;
  question: string;
  options: string[];
  indicators: QueryIndicator[];
  created_at: Date;
}

const OPEN_QUERIES_SQL = `
SELECT q.id, q.encounter_id, e.encounter_number, u.display_name AS coder_name, q.attending, q.question, q.options,
       q.indicators, q.created_at
  FROM provider_query q
  JOIN records_charts e ON e.id = q.encounter_id
  JOIN records_assignments a ON a.encounter_id = e.id AND a.active
  JOIN identity_users u ON u.id = a.coder_id
 WHERE q.status = 'OPEN' AND u.team_id = $1
 ORDER BY q.created_at`;

/**
 * Provider queries: the coder drafts a non-leading question from the template
 * and the chart waits ON_HOLD; a supervisor records the provider's answer and
 * the chart goes back to the coder IN_PROGRESS.
 */
@Injectable()
export class ProviderQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ChartAccess,
    private readonly leases: ChartLeaseService,
    private readonly audit: AuditService,
  ) {}

  create(
    actor: Actor,
    meta: RequestMeta,
    encounterId: string,
    request: CreateQueryRequest,
  ): Promise<ProviderQueryView> {
    const leading = leadingReason(request.question);
    if (leading) throw new DomainError('VALIDATION', leading);
    return this.access.run(actor, meta, async (m) => {
      const grant = await this.access.require(m, actor, 'code', encounterId);
      const chart = await lockChart(m, encounterId);
      assertVersion(chart, request.expectedVersion);
      if (chart.status !== 'IN_PROGRESS') throw illegalTransition(chart.status, 'HOLD_FOR_QUERY');
      await this.leases.requireHeld(m, encounterId, actor);
      await assertQuotesFromChart(m, encounterId, request.indicators);
      const options = queryOptions(request.options);
      if (options.length < 3) {
        throw new DomainError(
          'VALIDATION',
          'Offer at least one clinical option besides "other" and "unable to determine".',
        );
      }
      const row = oneRow(
        (await m.query(
          `INSERT INTO provider_query (encounter_id, created_by, attending, indicators, question, options)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6::jsonb) RETURNING id`,
          [
            encounterId,
            actor.userId,
            await attendingOf(m, encounterId),
            JSON.stringify(request.indicators.map((i) => ({ documentId: i.documentId, quote: i.quote }))),
            request.question.trim(),
            JSON.stringify(options),
          ],
        )) as { id: string }[],
      );
      await transitionChart(m, chart, 'HOLD_FOR_QUERY', { actor, meta, audit: this.audit, purpose: grant.purpose });
      await this.audit.record(m, {
        action: 'QUERY_CREATED',
        outcome: 'success',
        actor,
        meta,
        patientId: chart.patientId,
        resourceType: 'ProviderQuery',
        resourceId: row.id,
        purpose: grant.purpose,
        details: { encounterId, indicators: request.indicators.length, options: options.length },
      });
      return oneRow((await queriesOfChart(m, encounterId)).filter((q) => q.id === row.id));
    });
  }

  /**
   * The team's open queries quote clinical text, so each one passes the chart
   * policy (team basis only), quotes from documents beyond the supervisor's
   * clearance are withheld, and every query shown is audited with its patient.
   */
  async openForTeam(actor: Actor, meta: RequestMeta): Promise<OpenQueryEntry[]> {
    if (!actor.teamId) return [];
    const teamId = actor.teamId;
    return this.dataSource.transaction(async (m) => {
      const rows = (await m.query(OPEN_QUERIES_SQL, [teamId])) as OpenQueryRow[];
      const shown: OpenQueryEntry[] = [];
      const now = new Date();
      for (const r of rows) {
        let grant;
        try {
          grant = await this.access.require(m, actor, 'manage', r.encounter_id);
        } catch (error) {
          if (error instanceof ChartDenied) continue;
          throw error;
        }
        const indicators = await this.visibleIndicators(m, actor, grant, r.indicators, now);
        await this.audit.record(m, {
          action: 'CHART_VIEWED',
          outcome: 'success',
          actor,
          meta,
          patientId: grant.patientId,
          resourceType: 'ProviderQuery',
          resourceId: r.id,
          purpose: grant.purpose,
          details: { view: 'open-queries', encounterId: r.encounter_id },
        });
        shown.push({
          queryId: r.id,
          encounterId: r.encounter_id,
          encounterNumber: r.encounter_number,
          coderName: r.coder_name,
          attending: r.attending,
          question: r.question,
          options: r.options,
          indicators,
          createdAt: r.created_at.toISOString(),
        });
      }
      return shown;
    });
  }

  private async visibleIndicators(
    m: EntityManager,
    actor: Actor,
    grant: ChartGrant,
    indicators: readonly QueryIndicator[],
    now: Date,
  ): Promise<QueryIndicator[]> {
    if (indicators.length === 0) return [];
    const docs = (await m.query('SELECT id, labels FROM records_documents WHERE id = ANY($1) AND encounter_id = $2', [
      indicators.map((i) => i.documentId),
      grant.encounterId,
    ])) as { id: string; labels: SensitivityLabel[] }[];
    const labelsOf = new Map(docs.map((d) => [d.id, d.labels]));
    const decision = { allowed: true, basis: grant.basis, purpose: grant.purpose, expiresAt: null } as const;
    const subject = subjectOfActor(actor, grant.facts);
    return indicators.map((i) => {
      const labels = labelsOf.get(i.documentId);
      const visible = labels && ChartAccessPolicy.documentVisibility(subject, decision, labels, now) !== 'WITHHELD';
      return visible ? i : { documentId: i.documentId, quote: 'withheld: restricted' };
    });
  }

  answer(actor: Actor, meta: RequestMeta, queryId: string, request: AnswerQueryRequest): Promise<TransitionResponse> {
    return this.access.run(actor, meta, async (m) => {
      const [query] = (await m.query(
        'SELECT id, encounter_id, status, options FROM provider_query WHERE id = $1 FOR UPDATE',
        [queryId],
      )) as { id: string; encounter_id: string; status: string; options: string[] }[];
      // The same answer as a chart the caller may not see: no hint which query ids exist.
      if (!query) throw chartNotFound();
      const grant = await this.access.require(m, actor, 'manage', query.encounter_id);
      const chart = await lockChart(m, query.encounter_id);
      if (query.status !== 'OPEN') throw new DomainError('CONFLICT', 'This query has already been answered.');
      if (!query.options.includes(request.option)) {
        throw new DomainError('VALIDATION', 'The answer must be one of the options the query offered.');
      }
      await m.query(
        `UPDATE provider_query SET status = 'ANSWERED', answer_option = $2, answer_text = $3, answered_by = $4,
                answered_at = now() WHERE id = $1`,
        [queryId, request.option, request.text?.trim() || null, actor.userId],
      );
      const after = await transitionChart(m, chart, 'QUERY_ANSWERED', {
        actor,
        meta,
        audit: this.audit,
        purpose: grant.purpose,
      });
      await this.audit.record(m, {
        action: 'QUERY_ANSWERED',
        outcome: 'success',
        actor,
        meta,
        patientId: chart.patientId,
        resourceType: 'ProviderQuery',
        resourceId: queryId,
        purpose: grant.purpose,
        details: { encounterId: chart.id },
      });
      return { encounterId: chart.id, status: after.status, version: after.version };
    });
  }
}
