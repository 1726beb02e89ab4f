import { AuditService } from '@chartdesk/api-audit';
import { type Actor, DomainError, type RequestMeta } from '@chartdesk/api-platform';
import type { SearchVocabularyEntryView, SearchVocabularyListResponse } from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { normalizePhrase } from '../search-text';
import type {
  AddSearchVocabularyEntryDto,
  ChangeSearchVocabularyEntryDto,
  SearchVocabularyListDto,
} from './dto/search-vocabulary.dto';
import { SearchVocabularyStore } from './vocabulary.store';

const VIEW = `
  SELECT e.id, e.kind, e.term, e.expansion, e.specialty, r.release, e.enabled,
         to_char(e.changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "changedAt"
    FROM search_vocabulary_entry e LEFT JOIN search_vocabulary_release r ON r.id = e.release_id`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Review and extension of the search vocabulary; every change is audited in its own transaction. */
@Injectable()
export class SearchVocabularyAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly store: SearchVocabularyStore,
  ) {}

  async list(query: SearchVocabularyListDto): Promise<SearchVocabularyListResponse> {
    const text = query.text ? normalizePhrase(query.text) : null;
    const params = [
      text ? `%${text.replace(/[%_\\]/g, '\\$&')}%` : null,
      query.kind ?? null,
      query.enabled === undefined ? null : query.enabled === 'true',
    ];
    const where = `WHERE ($1::text IS NULL OR e.term LIKE $1 OR e.expansion LIKE $1)
                     AND ($2::text IS NULL OR e.kind = $2) AND ($3::boolean IS NULL OR e.enabled = $3)`;
    const entries = (await this.dataSource.query(
      `${VIEW} ${where} ORDER BY e.term, e.kind, e.expansion LIMIT $4 OFFSET $5`,
      [...params, query.limit ?? 100, query.offset ?? 0],
    )) as SearchVocabularyEntryView[];
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total FROM search_vocabulary_entry e ${where}`,
      params,
    )) as { total: number }[];
    const [latest] = (await this.dataSource.query(
      'SELECT release FROM search_vocabulary_release ORDER BY imported_at DESC LIMIT 1',
    )) as { release: string }[];
    return { entries, total, release: latest?.release ?? null };
  }

  async add(actor: Actor, meta: RequestMeta, body: AddSearchVocabularyEntryDto): Promise<SearchVocabularyEntryView> {
    const term = normalizePhrase(body.term);
    const expansion = normalizePhrase(body.expansion);
    if (!term || !expansion) throw new DomainError('VALIDATION', 'The term and the expansion need at least one word.');
    if (term === expansion) throw new DomainError('VALIDATION', 'The expansion must differ from the term.');
    const view = await this.audit.withAudit(
      async (manager) => {
        const inserted = (await manager.query(
          `INSERT INTO search_vocabulary_entry (kind, term, expansion, specialty, created_by)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT (kind, term, expansion) DO NOTHING RETURNING id`,
          [body.kind, term, expansion, body.specialty ?? null, actor.userId],
        )) as { id: string }[];
        if (!inserted[0]) throw new DomainError('CONFLICT', 'This entry is already in the vocabulary.');
        const [row] = (await manager.query(`${VIEW} WHERE e.id = $1`, [inserted[0].id])) as SearchVocabularyEntryView[];
        return row;
      },
      (row) => ({
        action: 'SEARCH_VOCABULARY_CHANGED',
        outcome: 'success',
        actor,
        meta,
        resourceType: 'search_vocabulary_entry',
        resourceId: row.id,
        details: { change: 'added', kind: row.kind, term: row.term, expansion: row.expansion },
      }),
    );
    this.store.invalidate();
    return view;
  }

  async change(
    actor: Actor,
    meta: RequestMeta,
    id: string,
    body: ChangeSearchVocabularyEntryDto,
  ): Promise<SearchVocabularyEntryView> {
    if (!UUID.test(id)) throw new DomainError('NOT_FOUND', 'There is no such vocabulary entry.');
    const view = await this.audit.withAudit(
      async (manager) => {
        const updated = (await manager.query(
          `UPDATE search_vocabulary_entry SET enabled = $2, changed_at = now(), changed_by = $3 WHERE id = $1 RETURNING id`,
          [id, body.enabled, actor.userId],
        )) as [unknown[], number];
        if (updated[1] === 0) throw new DomainError('NOT_FOUND', 'There is no such vocabulary entry.');
        const [row] = (await manager.query(`${VIEW} WHERE e.id = $1`, [id])) as SearchVocabularyEntryView[];
        return row;
      },
      (row) => ({
        action: 'SEARCH_VOCABULARY_CHANGED',
        outcome: 'success',
        actor,
        meta,
        resourceType: 'search_vocabulary_entry',
        resourceId: row.id,
        details: { change: row.enabled ? 'enabled' : 'disabled', kind: row.kind, term: row.term },
      }),
    );
    this.store.invalidate();
    return view;
  }
}
