import { AuditService } from '@chartdesk/api-audit';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Finding } from './finding';

/**
 * Turns findings into review items, each at most once (unique dedupe key),
 * and audits each new item as REVIEW_ITEM_CHANGED by the system.
 */
@Injectable()
export class FindingsWriter {
  constructor(private readonly audit: AuditService) {}

  /** Returns how many new review items the findings opened. */
  async write(m: EntityManager, findings: readonly Finding[]): Promise<number> {
    let created = 0;
    for (const f of findings) {
      const id = f.grantId ? await this.adoptBreakGlassItem(m, f) : null;
      const itemId = id ?? (await this.insert(m, f));
      if (!itemId || id) continue;
      created++;
      await this.audit.record(m, {
        action: 'REVIEW_ITEM_CHANGED',
        outcome: 'success',
        actor: null,
        patientId: f.patientId,
        resourceType: 'ReviewItem',
        resourceId: itemId,
        details: { created: true, rule: f.rule, severity: f.severity, subjectUserId: f.userId },
      });
    }
    return created;
  }

  /** The records lib opened an item when it granted the access; give that item its rule and evidence. */
  private async adoptBreakGlassItem(m: EntityManager, f: Finding): Promise<string | null> {
    const rows = (await m.query(
      `UPDATE review_item SET dedupe_key = $2, rule = 'BREAK_GLASS', severity = $3, title = $4, evidence = $5,
              updated_at = now()
        WHERE grant_id::text = $1 AND dedupe_key IS NULL RETURNING id`,
      [f.grantId, f.dedupeKey, f.severity, f.title, JSON.stringify(f.evidence)],
    )) as [{ id: string }[], number] | { id: string }[];
    const list = Array.isArray(rows[0]) ? (rows[0] as { id: string }[]) : (rows as { id: string }[]);
    return list[0]?.id ?? null;
  }

  private async insert(m: EntityManager, f: Finding): Promise<string | null> {
    const [row] = (await m.query(
      `INSERT INTO review_item (kind, rule, severity, title, dedupe_key, user_id, patient_id, encounter_id, grant_id, evidence)
       SELECT $1, $2, $3, $4, $5, $6, $7, (SELECT id FROM records_charts WHERE id::text = $8),
              (SELECT id FROM records_break_glass_grants WHERE id::text = $9), $10
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [
        f.rule === 'BREAK_GLASS' ? 'BREAK_GLASS' : 'ANOMALY',
        f.rule,
        f.severity,
        f.title,
        f.dedupeKey,
        f.userId,
        f.patientId,
        f.encounterId ?? null,
        f.grantId ?? null,
        JSON.stringify(f.evidence),
      ],
    )) as { id: string }[];
    return row?.id ?? null;
  }
}
