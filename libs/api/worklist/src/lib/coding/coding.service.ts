import { AuditService } from '@chartdesk/api-audit';
import { ChartAccess } from '@chartdesk/api-records';
import { loadEditReferenceData } from '@chartdesk/api-codesets';
import { type Actor, DomainError, type RequestMeta } from '@chartdesk/api-platform';
import { runEdits } from '@chartdesk/coding-rules';
import {
  type ChartCodes,
  type EditDataRequest,
  type EditFinding,
  type EditReferenceData,
  findingKey,
  type LeaseView,
  type SaveCodesRequest,
  type SaveCodesResponse,
  type SubmitRequest,
  type SubmitResponse,
  type WorkspaceView,
} from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { ChartLeaseService } from '../lease/chart-lease.service';
import { latestReturnReason, queriesOfChart } from '../queries/query-views';
import { assertVersion, bumpVersion, illegalTransition, lockChart, transitionChart } from '../status/chart-transition';
import { appendCodingVersion, latestCodingVersion, normalizeCodes } from './coding-versions';
import { editInputOf, loadEditContext } from './edit-input';

function assertDistinctSequences(codes: ChartCodes): void {
  const dx = codes.diagnoses.map((d) => d.sequence);
  const px = codes.procedures.map((p) => p.sequence);
  if (new Set(dx).size !== dx.length || new Set(px).size !== px.length) {
    throw new DomainError('VALIDATION', 'Each diagnosis and each procedure needs its own sequence number.');
  }
}

/**
 * The coder's side of one chart: open it for coding (lease + start), save
 * drafts as immutable versions with their edit findings, and submit, with the
 * edit engine run here — the browser's run is only a preview.
 */
@Injectable()
export class CodingService {
  constructor(
    private readonly access: ChartAccess,
    private readonly leases: ChartLeaseService,
    private readonly audit: AuditService,
  ) {}

  openWorkspace(actor: Actor, meta: RequestMeta, encounterId: string): Promise<WorkspaceView> {
    return this.access.run(actor, meta, async (m) => {
      const grant = await this.access.require(m, actor, 'code', encounterId);
      let chart = await lockChart(m, encounterId);
      if (chart.status === 'ASSIGNED' || chart.status === 'RETURNED') {
        chart = await transitionChart(m, chart, 'START', { actor, meta, audit: this.audit, purpose: grant.purpose });
      }
      if (chart.status !== 'IN_PROGRESS' && chart.status !== 'ON_HOLD') throw illegalTransition(chart.status, 'OPEN');
      const lease = await this.leases.acquire(m, encounterId, actor);
      const latest = await latestCodingVersion(m, encounterId);
      await this.audit.record(m, {
        action: 'CHART_VIEWED',
        outcome: 'success',
        actor,
        meta,
        patientId: chart.patientId,
        resourceType: 'CodingWorkspace',
        resourceId: encounterId,
        purpose: grant.purpose,
        details: { status: chart.status, codingVersion: latest?.number ?? 0 },
      });
      return {
        encounterId,
        status: chart.status,
        version: chart.version,
        dateOfService: chart.dateOfService,
        lease,
        latest,
        queries: await queriesOfChart(m, encounterId),
        returnReason: chart.status === 'IN_PROGRESS' ? await latestReturnReason(m, encounterId) : null,
        editData: await this.referenceData(m, encounterId, latest?.codes ?? { diagnoses: [], procedures: [] }),
      };
    });
  }

  heartbeat(actor: Actor, meta: RequestMeta, encounterId: string): Promise<LeaseView> {
    return this.access.run(actor, meta, async (m) => {
      await this.access.require(m, actor, 'code', encounterId);
      return this.leases.heartbeat(m, encounterId, actor);
    });
  }

  release(actor: Actor, meta: RequestMeta, encounterId: string): Promise<void> {
    return this.access.run(actor, meta, async (m) => {
      await this.access.require(m, actor, 'code', encounterId);
      await this.leases.release(m, encounterId, actor);
    });
  }

  /** Reference data for codes the coder is about to add, so the browser's preview matches the server. */
  editData(actor: Actor, meta: RequestMeta, encounterId: string, request: EditDataRequest): Promise<EditReferenceData> {
    return this.access.run(actor, meta, async (m) => {
      await this.access.require(m, actor, 'code', encounterId);
      const codes: ChartCodes = {
        diagnoses: request.codes
          .filter((c) => c.system === 'ICD10CM')
          .map((c, i) => ({ sequence: i + 1, code: c.code, poa: null })),
        procedures: request.codes.flatMap((c, i) =>
          c.system === 'ICD10CM'
            ? []
            : [{ sequence: i + 1, system: c.system, code: c.code, modifiers: [], units: 1, diagnosisPointers: [] }],
        ),
      };
      return this.referenceData(m, encounterId, codes);
    });
  }

  save(actor: Actor, meta: RequestMeta, encounterId: string, request: SaveCodesRequest): Promise<SaveCodesResponse> {
    assertDistinctSequences(request);
    return this.access.run(actor, meta, async (m) => {
      const grant = await this.access.require(m, actor, 'code', encounterId);
      let chart = await lockChart(m, encounterId);
      assertVersion(chart, request.expectedVersion);
      if (chart.status !== 'IN_PROGRESS') throw illegalTransition(chart.status, 'SAVE');
      await this.leases.requireHeld(m, encounterId, actor);
      const codes = normalizeCodes(request);
      const findings = await this.findings(m, encounterId, codes);
      const codingVersion = await appendCodingVersion(m, {
        encounterId,
        kind: 'DRAFT',
        createdBy: actor.userId,
        codes,
        findings,
        acknowledgedWarnings: [],
      });
      chart = await bumpVersion(m, chart);
      await this.audit.record(m, {
        action: 'CODES_SAVED',
        outcome: 'success',
        actor,
        meta,
        patientId: chart.patientId,
        resourceType: 'Encounter',
        resourceId: encounterId,
        purpose: grant.purpose,
        details: { codingVersion: codingVersion.number, ...counts(findings) },
      });
      return { version: chart.version, codingVersion };
    });
  }

  /**
   * Submission: the server's own edit run decides. Any ERROR refuses it; every
   * WARNING must be acknowledged, and the acknowledgments are stored with it.
   */
  submit(actor: Actor, meta: RequestMeta, encounterId: string, request: SubmitRequest): Promise<SubmitResponse> {
    assertDistinctSequences(request);
    return this.access.run(actor, meta, async (m) => {
      const grant = await this.access.require(m, actor, 'code', encounterId);
      let chart = await lockChart(m, encounterId);
      assertVersion(chart, request.expectedVersion);
      if (chart.status !== 'IN_PROGRESS') throw illegalTransition(chart.status, 'SUBMIT');
      await this.leases.requireHeld(m, encounterId, actor);
      const codes = normalizeCodes(request);
      if (codes.diagnoses.length === 0) {
        throw new DomainError('VALIDATION', 'Add at least one diagnosis before submitting.');
      }
      const findings = await this.findings(m, encounterId, codes);
      const errors = findings.filter((f) => f.severity === 'ERROR');
      if (errors.length > 0) {
        throw new DomainError('VALIDATION', 'Edit errors block this submission. Fix them and submit again.', {
          findings: errors,
        });
      }
      const warnings = findings.filter((f) => f.severity === 'WARNING').map(findingKey);
      const unacknowledged = warnings.filter((k) => !request.acknowledgedWarnings.includes(k));
      if (unacknowledged.length > 0) {
        throw new DomainError('VALIDATION', 'Acknowledge every warning before submitting.', { unacknowledged });
      }
      const codingVersion = await appendCodingVersion(m, {
        encounterId,
        kind: 'SUBMISSION',
        createdBy: actor.userId,
        codes,
        findings,
        acknowledgedWarnings: warnings,
      });
      chart = await transitionChart(m, chart, 'SUBMIT', { actor, meta, audit: this.audit, purpose: grant.purpose });
      await this.leases.release(m, encounterId, actor);
      await this.audit.record(m, {
        action: 'CODES_SUBMITTED',
        outcome: 'success',
        actor,
        meta,
        patientId: chart.patientId,
        resourceType: 'Encounter',
        resourceId: encounterId,
        purpose: grant.purpose,
        details: { codingVersion: codingVersion.number, acknowledgedWarnings: warnings, ...counts(findings) },
      });
      return { version: chart.version, status: chart.status, codingVersion };
    });
  }

  private async findings(m: EntityManager, encounterId: string, codes: ChartCodes): Promise<EditFinding[]> {
    const input = editInputOf(await loadEditContext(m, encounterId), codes);
    return runEdits(input, await loadEditReferenceData(onTransaction(m), input));
  }

  private async referenceData(m: EntityManager, encounterId: string, codes: ChartCodes): Promise<EditReferenceData> {
    return loadEditReferenceData(onTransaction(m), editInputOf(await loadEditContext(m, encounterId), codes));
  }
}

/**
 * The loader only calls `query`; running it on the open transaction's connection
 * keeps the embedded database (one connection at a time) from waiting on itself.
 */
function onTransaction(m: EntityManager): DataSource {
  return { query: (sql: string, params?: unknown[]) => m.query(sql, params) } as unknown as DataSource;
}

function counts(findings: readonly EditFinding[]): { errors: number; warnings: number } {
  return {
    errors: findings.filter((f) => f.severity === 'ERROR').length,
    warnings: findings.filter((f) => f.severity === 'WARNING').length,
  };
}
