import { type ChartAccessDecision, ChartAccessPolicy } from '@chartdesk/api-access';
import { AuditService } from '@chartdesk/api-audit';
import { type Actor, type RequestMeta } from '@chartdesk/api-platform';
import type { ChartView, DocumentView } from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ChartAccess } from '../access/chart-access.service';
import { ChartDenied } from '../access/chart-denied';
import { projectChart, projectDocument } from './chart-projection';
import type { ChartContentRow, DocumentRow } from './chart-rows';
import { CHART_CONTENT_SQL, DOCUMENT_CONTENT_SQL } from './chart-sql';

/**
 * Opening a chart or one of its documents. Inside one transaction: ChartAccess
 * decides (facts → ChartAccessPolicy) → only then read content, project it for the
 * role and write the audit event. A refusal reads no content and is audited in its
 * own committed transaction before the 404.
 */
@Injectable()
export class ChartReadService {
  constructor(
    private readonly access: ChartAccess,
    private readonly audit: AuditService,
  ) {}

  async openChart(actor: Actor, meta: RequestMeta, encounterId: string): Promise<ChartView> {
    const now = new Date();
    return this.access.run(actor, meta, async (m) => {
      const grant = await this.access.require(m, actor, 'read', encounterId, { now });
      const [content] = (await m.query(CHART_CONTENT_SQL, [encounterId])) as ChartContentRow[];
      if (!content) throw new ChartDenied('NOT_FOUND', encounterId, null);
      const view = projectChart(encounterId, grant, content, now);
      await this.auditRead(m, actor, meta, {
        action: 'CHART_VIEWED',
        patientId: grant.patientId,
        resourceType: 'Encounter',
        resourceId: encounterId,
        decision: grant.decision,
        withheld: view.documents.filter((d) => d.withheld).length,
      });
      return view;
    });
  }

  async readDocument(actor: Actor, meta: RequestMeta, encounterId: string, documentId: string): Promise<DocumentView> {
    const now = new Date();
    const resource = { type: 'DocumentReference', id: documentId };
    return this.access.run(actor, meta, async (m) => {
      const grant = await this.access.require(m, actor, 'read', encounterId, { now, resource });
      const [doc] = (await m.query(DOCUMENT_CONTENT_SQL, [encounterId, documentId])) as DocumentRow[];
      if (!doc) throw new ChartDenied('NOT_FOUND', encounterId, grant.patientId, resource);
      if (ChartAccessPolicy.documentVisibility(grant.subject, grant.decision, doc.labels, now) !== 'VISIBLE') {
        throw new ChartDenied('DOCUMENT_WITHHELD', encounterId, grant.patientId, resource);
      }
      await this.auditRead(m, actor, meta, {
        action: 'DOCUMENT_VIEWED',
        patientId: grant.patientId,
        resourceType: 'DocumentReference',
        resourceId: documentId,
        decision: grant.decision,
        withheld: 0,
      });
      return projectDocument(doc);
    });
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
}
