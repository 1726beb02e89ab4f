import { type ChartAccessDecision, ChartAccessPolicy, type ChartDenyReason } from '@chartdesk/api-access';
import { AuditService } from '@chartdesk/api-audit';
import { type Actor, DomainError, type RequestMeta } from '@chartdesk/api-platform';
import type { ChartView, DocumentView } from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { projectChart, projectDocument } from './chart-projection';
import { type AccessFactsRow, type ChartContentRow, type DocumentRow, factsFrom, subjectFrom } from './chart-rows';
import { CHART_ACCESS_FACTS_SQL, CHART_CONTENT_SQL, DOCUMENT_CONTENT_SQL } from './chart-sql';

type Denial = { readonly denied: ChartDenyReason | 'NOT_FOUND' | 'DOCUMENT_WITHHELD'; readonly patientId?: string };

/** The one answer to every refusal: identical to a chart that does not exist. */
export function chartNotFound(): DomainError {
  return new DomainError('NOT_FOUND', 'No such chart, or you do not have access to it.');
}

/**
 * Opening a chart or one of its documents. Inside one transaction: load the
 * access facts → ChartAccessPolicy decides → only then read content, project
 * it for the role and write the audit event. A refusal reads no content and
 * is audited in its own committed transaction before the 404.
 */
@Injectable()
export class ChartReadService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async openChart(actor: Actor, meta: RequestMeta, encounterId: string): Promise<ChartView> {
    const now = new Date();
    const outcome = await this.dataSource.transaction(async (m): Promise<{ view: ChartView } | Denial> => {
      const access = await this.decide(m, actor, encounterId, now);
      if ('denied' in access) return access;
      const [content] = (await m.query(CHART_CONTENT_SQL, [encounterId])) as ChartContentRow[];
      if (!content) return { denied: 'NOT_FOUND' };
      const view = projectChart(encounterId, access.subject, access.decision, content, now);
      await this.auditRead(m, actor, meta, {
        action: 'CHART_VIEWED',
        patientId: access.patientId,
        resourceType: 'Encounter',
        resourceId: encounterId,
        decision: access.decision,
        withheld: view.documents.filter((d) => d.withheld).length,
      });
      return { view };
    });
    if ('denied' in outcome) throw await this.refuse(actor, meta, 'Encounter', encounterId, outcome);
    return outcome.view;
  }

  async readDocument(actor: Actor, meta: RequestMeta, encounterId: string, documentId: string): Promise<DocumentView> {
    const now = new Date();
    const outcome = await this.dataSource.transaction(async (m): Promise<{ view: DocumentView } | Denial> => {
      const access = await this.decide(m, actor, encounterId, now);
      if ('denied' in access) return access;
      const [doc] = (await m.query(DOCUMENT_CONTENT_SQL, [encounterId, documentId])) as DocumentRow[];
      if (!doc) return { denied: 'NOT_FOUND', patientId: access.patientId };
      if (ChartAccessPolicy.documentVisibility(access.subject, access.decision, doc.labels, now) !== 'VISIBLE') {
        return { denied: 'DOCUMENT_WITHHELD', patientId: access.patientId };
      }
      await this.auditRead(m, actor, meta, {
        action: 'DOCUMENT_VIEWED',
        patientId: access.patientId,
        resourceType: 'DocumentReference',
        resourceId: documentId,
        decision: access.decision,
        withheld: 0,
      });
      return { view: projectDocument(doc) };
    });
    if ('denied' in outcome) throw await this.refuse(actor, meta, 'DocumentReference', documentId, outcome);
    return outcome.view;
  }

  private async decide(m: EntityManager, actor: Actor, encounterId: string, now: Date) {
    const [row] = (await m.query(CHART_ACCESS_FACTS_SQL, [encounterId, actor.userId, now])) as AccessFactsRow[];
    if (!row) return { denied: 'NOT_FOUND' } as Denial;
    const subject = subjectFrom(actor, row);
    const decision = ChartAccessPolicy.canOpen(subject, factsFrom(row), now);
    if (!decision.allowed) return { denied: decision.reason, patientId: row.patient_id } as Denial;
    return { subject, decision, patientId: row.patient_id };
  }

  private async auditRead(
    m: EntityManager,
    actor: Actor,
    meta: RequestMeta,
    read: {
      action: 'CHART_VIEWED' | 'DOCUMENT_VIEWED';
      patientId: string;
      resourceType: string;
      resourceId: string;
      decision: Extract<ChartAccessDecision, { allowed: true }>;
      withheld: number;
    },
  ): Promise<void> {
    await this.audit.record(m, {
      action: read.action,
      outcome: 'success',
      actor,
      meta,
      patientId: read.patientId,
      resourceType: read.resourceType,
      resourceId: read.resourceId,
      purpose: read.decision.purpose,
      details: { basis: read.decision.basis, withheldDocuments: read.withheld },
    });
  }

  private async refuse(
    actor: Actor,
    meta: RequestMeta,
    resourceType: string,
    resourceId: string,
    denial: Denial,
  ): Promise<DomainError> {
    await this.audit.recordStandalone({
      action: 'ACCESS_DENIED',
      outcome: 'denied',
      outcomeReason: denial.denied,
      actor,
      meta,
      patientId: denial.patientId ?? null,
      resourceType,
      resourceId,
    });
    return chartNotFound();
  }
}
