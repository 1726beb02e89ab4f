import { AuditService } from '@chartdesk/api-audit';
import { type Actor, DomainError, type RequestMeta } from '@chartdesk/api-platform';
import {
  REPORT_PAGE_SIZE_DEFAULT,
  type ReviewItemDetail,
  type ReviewItemPage,
  type ReviewNoteView,
  type Role,
  isClosedStatus,
} from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TIMESTAMP_KEY, UUID_ID, decodeCursor, encodeCursor } from '../shared/keyset-cursor';
import type { ReviewItemChangeDto, ReviewItemQueryDto } from './dto/review.dto';
import { REVIEW_SELECT, type ReviewDbRow, SEVERITY_RANK_SQL, normaliseStatus } from './review-sql';
import { checkTransition } from './review-transitions';
import { toReviewDetail, toReviewSummary } from './review-views';

const notFound = (): DomainError => new DomainError('NOT_FOUND', 'No such review item.');

/** The review queue: list, read, work an item through its lifecycle, annotate. Every read and change is audited. */
@Injectable()
export class ReviewService {
  constructor(private readonly audit: AuditService) {}

  list(actor: Actor, meta: RequestMeta, query: ReviewItemQueryDto): Promise<ReviewItemPage> {
    const sort = query.sort ?? 'createdAt';
    const direction = query.direction ?? (sort === 'severity' ? 'desc' : 'asc');
    const scope = `review:${sort}:${direction}`;
    const after = decodeCursor(
      scope,
      query.cursor,
      sort === 'createdAt' ? TIMESTAMP_KEY : /^[1-4]\|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/,
      UUID_ID,
    );
    const limit = query.limit ?? REPORT_PAGE_SIZE_DEFAULT;
    const params: unknown[] = [];
    const bind = (v: unknown): string => `$${params.push(v)}`;
    const where: string[] = [];
    if (query.status) {
      // Legacy 'CLOSED' rows belong with closed-justified.
      where.push(
        query.status === 'CLOSED_JUSTIFIED'
          ? `r.status IN ('CLOSED_JUSTIFIED', 'CLOSED')`
          : `r.status = ${bind(query.status)}`,
      );
    }
    if (query.rule) where.push(`r.rule = ${bind(query.rule)}`);
    if (query.severity) where.push(`r.severity = ${bind(query.severity)}`);
    if (query.assigneeId) where.push(`r.assignee_id = ${bind(query.assigneeId)}`);
    const cmp = direction === 'asc' ? '>' : '<';
    const order = direction === 'asc' ? 'ASC' : 'DESC';
    if (after && sort === 'createdAt') {
      where.push(`(r.created_at, r.id) ${cmp} (${bind(after.key)}::timestamptz, ${bind(after.id)}::uuid)`);
    } else if (after) {
      const [rank, created] = after.key.split('|');
      if (!/^[1-4]$/.test(rank ?? '') || !created) throw new DomainError('VALIDATION', 'The page cursor is not valid.');
      where.push(
        `(${SEVERITY_RANK_SQL}, r.created_at, r.id) ${cmp} (${bind(Number(rank))}::int, ${bind(created)}::timestamptz, ${bind(after.id)}::uuid)`,
      );
    }
    const orderBy =
      sort === 'createdAt'
        ? `r.created_at ${order}, r.id ${order}`
        : `${SEVERITY_RANK_SQL} ${order}, r.created_at ${order}, r.id ${order}`;
    const sql = `${REVIEW_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${orderBy} LIMIT ${bind(limit + 1)}`;
    return this.audit.withAudit(
      async (m) => {
        const rows = (await m.query(sql, params)) as ReviewDbRow[];
        const page = rows.slice(0, limit);
        const last = page[page.length - 1];
        const key = last ? (sort === 'createdAt' ? last.created_key : `${last.severity_rank}|${last.created_key}`) : '';
        return {
          items: page.map(toReviewSummary),
          nextCursor: rows.length > limit && last ? encodeCursor(scope, { key, id: last.id }) : null,
        };
      },
      (page) => ({
        action: 'REPORT_RUN',
        outcome: 'success',
        actor,
        meta,
        resourceType: 'ReviewItem',
        details: {
          report: 'review-queue',
          filters: { status: query.status, rule: query.rule, severity: query.severity, assigneeId: query.assigneeId },
          sort,
          direction,
          rows: page.items.length,
        },
      }),
    );
  }

  get(actor: Actor, meta: RequestMeta, id: string): Promise<ReviewItemDetail> {
    return this.audit.withAudit(
      async (m) => {
        const detail = await this.load(m, id);
        if (!detail) throw notFound();
        return detail;
      },
      (d) => ({
        action: 'REPORT_RUN',
        outcome: 'success',
        actor,
        meta,
        patientId: d.patient?.patientId ?? null,
        resourceType: 'ReviewItem',
        resourceId: id,
        details: { report: 'review-item' },
      }),
    );
  }

  async change(actor: Actor, meta: RequestMeta, id: string, change: ReviewItemChangeDto): Promise<ReviewItemDetail> {
    return this.audit
      .withAudit(
        async (m) => {
          const [row] = (await m.query(`${REVIEW_SELECT} WHERE r.id = $1 FOR UPDATE OF r`, [id])) as ReviewDbRow[];
          if (!row) throw notFound();
          refuseOwnItem(row.user_id, actor);
          if (change.assigneeId && change.assigneeId === row.user_id) {
            throw new DomainError('VALIDATION', 'A review item cannot be assigned to the person it is about.');
          }
          if (row.version !== change.version) {
            throw new DomainError('VERSION_CONFLICT', 'Someone else changed this item; reload it and try again.');
          }
          const from = normaliseStatus(row.status);
          const to = change.status ?? from;
          const disposition = change.disposition ?? row.disposition;
          checkTransition(from, to, disposition);
          if (isClosedStatus(from)) throw new DomainError('ILLEGAL_TRANSITION', 'A closed review item cannot change.');
          if (change.assigneeId) await this.checkAssignee(m, change.assigneeId);
          const assigneeId = change.assigneeId === undefined ? row.assignee_id : change.assigneeId;
          const severity = change.severity ?? row.severity;
          await m.query(
            `UPDATE review_item SET status = $2, severity = $3, assignee_id = $4, disposition = $5,
                  closed_at = CASE WHEN $6 THEN now() ELSE NULL END, updated_at = now(), version = version + 1
            WHERE id = $1`,
            [id, to, severity, assigneeId, disposition, isClosedStatus(to)],
          );
          const after = (await this.load(m, id)) as ReviewItemDetail;
          return {
            after,
            before: { status: from, severity: row.severity, assigneeId: row.assignee_id, disposition: row.disposition },
          };
        },
        ({ after, before }) => ({
          action: 'REVIEW_ITEM_CHANGED',
          outcome: 'success',
          actor,
          meta,
          patientId: after.patient?.patientId ?? null,
          resourceType: 'ReviewItem',
          resourceId: id,
          details: {
            before,
            after: {
              status: after.status,
              severity: after.severity,
              assigneeId: after.assignee?.userId ?? null,
              disposition: after.disposition,
            },
          },
        }),
      )
      .then((r) => r.after);
  }

  addNote(actor: Actor, meta: RequestMeta, id: string, text: string): Promise<ReviewItemDetail> {
    return this.audit
      .withAudit(
        async (m) => {
          const [row] = (await m.query('SELECT status, user_id FROM review_item WHERE id = $1 FOR UPDATE', [id])) as {
            status: string;
            user_id: string | null;
          }[];
          if (!row) throw notFound();
          refuseOwnItem(row.user_id, actor);
          const [note] = (await m.query(
            'INSERT INTO review_item_note (review_item_id, author_id, text) VALUES ($1, $2, $3) RETURNING id',
            [id, actor.userId, text],
          )) as { id: string }[];
          await m.query('UPDATE review_item SET updated_at = now(), version = version + 1 WHERE id = $1', [id]);
          return { detail: (await this.load(m, id)) as ReviewItemDetail, noteId: note?.id };
        },
        ({ detail, noteId }) => ({
          action: 'REVIEW_ITEM_CHANGED',
          outcome: 'success',
          actor,
          meta,
          patientId: detail.patient?.patientId ?? null,
          resourceType: 'ReviewItem',
          resourceId: id,
          details: { noteAdded: noteId, noteLength: text.length },
        }),
      )
      .then((r) => r.detail);
  }

  private async checkAssignee(m: EntityManager, userId: string): Promise<void> {
    const [u] = (await m.query(`SELECT role, status FROM identity_users WHERE id = $1`, [userId])) as {
      role: Role;
      status: string;
    }[];
    if (!u || u.role !== 'COMPLIANCE' || u.status !== 'ACTIVE') {
      throw new DomainError('VALIDATION', 'Review items can be assigned to active compliance staff only.');
    }
  }

  private async load(m: EntityManager, id: string): Promise<ReviewItemDetail | null> {
    const [row] = (await m.query(`${REVIEW_SELECT} WHERE r.id = $1`, [id])) as ReviewDbRow[];
    if (!row) return null;
    const notes = (await m.query(
      `SELECT n.id, n.text, n.created_at, u.id AS user_id, u.username, u.display_name, u.role
         FROM review_item_note n JOIN identity_users u ON u.id = n.author_id
        WHERE n.review_item_id = $1 ORDER BY n.created_at, n.id`,
      [id],
    )) as {
      id: string;
      text: string;
      created_at: Date;
      user_id: string;
      username: string;
      display_name: string;
      role: Role;
    }[];
    return toReviewDetail(
      row,
      notes.map(
        (n): ReviewNoteView => ({
          id: n.id,
          text: n.text,
          createdAt: n.created_at.toISOString(),
          author: { userId: n.user_id, username: n.username, displayName: n.display_name, role: n.role },
        }),
      ),
    );
  }
}

/**
 * Separation of duties: an officer's own break-the-glass or anomaly is
 * reviewed by someone else, never closed as justified by its subject.
 */
function refuseOwnItem(subjectUserId: string | null, actor: Actor): void {
  if (subjectUserId !== null && subjectUserId === actor.userId) {
    throw new DomainError(
      'FORBIDDEN',
      'This review item is about your own activity; another compliance officer must work it.',
    );
  }
}
