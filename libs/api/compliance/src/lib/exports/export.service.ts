import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { AuditCheckpointService, AuditService } from '@chartdesk/api-audit';
import { APP_CONFIG, type Actor, type AppConfig, DomainError, type RequestMeta } from '@chartdesk/api-platform';
import {
  type AccessReportRow,
  type ComplianceReport,
  EXPORT_MANIFEST_FORMAT,
  type ExportFormat,
  type ExportManifest,
  type ExportManifestBody,
} from '@chartdesk/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { ReportQueryDto } from '../reports/dto/report-query.dto';
import { rowFromArray, toReportRow } from '../reports/report-row';
import { type ReportFilters, reportStatement } from '../reports/report-sql';
import { filtersForAudit, reportFilters } from '../reports/reports.service';
import { ExportDigest } from './export-digest';
import { csvHeader, csvLineFromArray, ndjsonHeader, ndjsonRow } from './export-formats';
import { type ManifestSigningKey, signManifest } from './export-manifest';

export const EXPORT_SIGNING_KEY = Symbol('EXPORT_SIGNING_KEY');
const BATCH = 5000;

export interface StartedExport {
  readonly exportId: string;
  readonly filename: string;
  readonly contentType: string;
  readonly stream: Readable;
}

/**
 * Streams a report as CSV or FHIR AuditEvent NDJSON with constant memory:
 * keyset batches in one REPEATABLE READ snapshot, hashed as they leave. The
 * EXPORTED event commits before the first byte; the signed manifest is stored
 * before the stream ends, so the client can fetch it as soon as the file is in.
 */
@Injectable()
export class ExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EXPORT_SIGNING_KEY) private readonly key: ManifestSigningKey,
    private readonly audit: AuditService,
    private readonly checkpoints: AuditCheckpointService,
  ) {}

  async start(
    actor: Actor,
    meta: RequestMeta,
    report: ComplianceReport,
    format: ExportFormat,
    query: ReportQueryDto,
  ): Promise<StartedExport> {
    const filters = reportFilters(report, query);
    const exportId = randomUUID();
    const checkpoint = (await this.checkpoints.create({ onlyIfChanged: true })) ?? (await this.checkpoints.latest());
    const part2Notice = await this.part2Appears(report, filters);
    const allowed = await this.dataSource.transaction(async (m) => {
      // One export decision at a time per user, so two parallel requests cannot both slip under the limit.
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`export:${actor.userId}`]);
      const [row] = (await m.query(
        `SELECT count(*)::int AS n FROM audit_event
          WHERE actor_user_id = $1 AND recorded_at > now() - interval '1 hour' AND action = 'EXPORTED' AND outcome = 'success'`,
        [actor.userId],
      )) as { n: number }[];
      if ((row?.n ?? 0) >= this.config.exportsPerHour) return false;
      await this.audit.record(m, {
        action: 'EXPORTED',
        outcome: 'success',
        actor,
        meta,
        patientId: filters.patientId ?? null,
        resourceType: 'AuditEvent',
        resourceId: exportId,
        details: { report, format, filters: filtersForAudit(filters), part2Notice },
      });
      return true;
    });
    if (!allowed) {
      await this.audit.recordStandalone({
        action: 'EXPORTED',
        outcome: 'denied',
        outcomeReason: 'RATE_LIMITED',
        actor,
        meta,
        resourceType: 'AuditEvent',
        details: { report, format },
      });
      throw new DomainError('RATE_LIMITED', `At most ${this.config.exportsPerHour} exports an hour; try again later.`);
    }
    const body: Omit<ExportManifestBody, 'rowCount' | 'byteLength' | 'sha256' | 'eventIdRange'> = {
      format: EXPORT_MANIFEST_FORMAT,
      exportId,
      report,
      fileFormat: format,
      filters: filtersForAudit(filters),
      createdAt: new Date().toISOString(),
      exportedBy: actor.userId,
      timeRange: { from: filters.from.toISOString(), to: filters.to.toISOString() },
      chainPosition: checkpoint?.heads ?? [],
      checkpoint: checkpoint
        ? {
            id: checkpoint.id,
            createdAt: checkpoint.createdAt,
            eventCount: checkpoint.eventCount,
            keyId: checkpoint.keyId,
            signature: checkpoint.signature,
          }
        : null,
      part2Notice,
    };
    const stamp = body.createdAt.slice(0, 19).replace(/[-:]/g, '');
    return {
      exportId,
      filename: `chartdesk-${report}-${stamp}.${format}`,
      contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      stream: Readable.from(this.rows(report, format, filters, body)),
    };
  }

  async manifest(actor: Actor, id: string): Promise<ExportManifest> {
    const [row] = (await this.dataSource.query(
      'SELECT manifest FROM export_manifest WHERE id = $1 AND exported_by = $2',
      [id, actor.userId],
    )) as { manifest: ExportManifest }[];
    if (!row) throw new DomainError('NOT_FOUND', 'No such export, or it is not yours.');
    return row.manifest;
  }

  private async part2Appears(report: ComplianceReport, filters: ReportFilters): Promise<boolean> {
    const { sql, params } = reportStatement(report, filters, 'asc', null, 1, { part2Only: true });
    return ((await this.dataSource.query(sql, params)) as unknown[]).length > 0;
  }

  private async *rows(
    report: ComplianceReport,
    format: ExportFormat,
    filters: ReportFilters,
    body: Omit<ExportManifestBody, 'rowCount' | 'byteLength' | 'sha256' | 'eventIdRange'>,
  ): AsyncGenerator<Buffer> {
    const digest = new ExportDigest();
    const emit = (text: string): Buffer => {
      const chunk = Buffer.from(text, 'utf8');
      digest.update(chunk);
      return chunk;
    };
    const toLine: (r: unknown[]) => string =
      format === 'csv'
        ? csvLineFromArray
        : (r: unknown[]) => ndjsonRow(toReportRow(rowFromArray(r)) as AccessReportRow);
    const runner = this.dataSource.createQueryRunner();
    // The driver's own client, for rows as arrays: no object with 19 keys per row.
    const client = (await runner.connect()) as PoolClient;
    try {
      await runner.startTransaction('REPEATABLE READ');
      const header = format === 'csv' ? csvHeader(body.part2Notice) : ndjsonHeader(body.part2Notice);
      if (header) yield emit(header);
      let rowCount = 0;
      let first: string | null = null;
      // Rows stay as the driver's arrays (REPORT_COLUMNS order): [0] is the id, [1] the time key.
      let last: unknown[] | undefined;
      const fetch = (after: unknown[] | undefined): Promise<unknown[][]> => {
        const position = after ? { key: String(after[1]), id: String(after[0]) } : null;
        const { sql, params } = reportStatement(report, filters, 'asc', position, BATCH);
        return client.query<unknown[]>({ text: sql, values: params, rowMode: 'array' }).then((res) => res.rows);
      };
      // The next batch is fetched while this one is formatted and sent: the database and Node work side by side.
      let pending: Promise<unknown[][]> | null = fetch(undefined);
      while (pending) {
        const rows: unknown[][] = await pending;
        if (rows.length === 0) break;
        first ??= rows[0] ? String(rows[0][0]) : null;
        last = rows[rows.length - 1];
        pending = rows.length === BATCH ? fetch(last) : null;
        rowCount += rows.length;
        let text = '';
        for (const r of rows) text += toLine(r);
        yield emit(text);
      }
      const facts = digest.finish();
      const manifest = signManifest(
        {
          ...body,
          rowCount,
          byteLength: facts.byteLength,
          sha256: facts.sha256,
          eventIdRange: { first, last: last ? String(last[0]) : null },
        },
        this.key,
      );
      await runner.query('INSERT INTO export_manifest (id, exported_by, sha256, manifest) VALUES ($1, $2, $3, $4)', [
        body.exportId,
        body.exportedBy,
        facts.sha256,
        JSON.stringify(manifest),
      ]);
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
  }
}
