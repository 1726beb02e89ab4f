import { AuditService } from '@chartdesk/api-audit';
import { type Actor, DomainError, type RequestMeta } from '@chartdesk/api-platform';
import {
  type ComplianceReport,
  type PatientSearchHit,
  REPORT_PAGE_SIZE_DEFAULT,
  type ReportPage,
  type UserSearchHit,
} from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BIGINT_ID, TIMESTAMP_KEY, decodeCursor, encodeCursor } from '../shared/keyset-cursor';
import { parseTimeRange } from '../shared/time-range';
import type { ReportQueryDto } from './dto/report-query.dto';
import { type ReportDbRow, toReportRow } from './report-row';
import { type ReportFilters, reportStatement } from './report-sql';

/** Checks the per-report required filters and turns the query into filters. */
export function reportFilters(report: ComplianceReport, query: ReportQueryDto): ReportFilters {
  const range = parseTimeRange(query.from, query.to);
  if (report === 'patient-access' && !query.patientId) {
    throw new DomainError('VALIDATION', 'The patient access report needs a patientId.');
  }
  if (report === 'user-activity' && !query.userId) {
    throw new DomainError('VALIDATION', 'The user activity report needs a userId.');
  }
  return { ...range, patientId: query.patientId, userId: query.userId, outcome: query.outcome };
}

/** The filters as they are written into REPORT_RUN / EXPORTED events and manifests. */
export function filtersForAudit(filters: ReportFilters): Record<string, string> {
  const out: Record<string, string> = { from: filters.from.toISOString(), to: filters.to.toISOString() };
  if (filters.patientId) out['patientId'] = filters.patientId;
  if (filters.userId) out['userId'] = filters.userId;
  if (filters.outcome) out['outcome'] = filters.outcome;
  return out;
}

/** Compliance reports over the audit trail. Every run is itself audited, in the same transaction as the read. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async run(actor: Actor, meta: RequestMeta, report: ComplianceReport, query: ReportQueryDto): Promise<ReportPage> {
    const filters = reportFilters(report, query);
    const direction = query.direction ?? 'desc';
    const scope = `${report}:${direction}`;
    const after = decodeCursor(scope, query.cursor, TIMESTAMP_KEY, BIGINT_ID);
    const limit = query.limit ?? REPORT_PAGE_SIZE_DEFAULT;
    const { sql, params } = reportStatement(report, filters, direction, after, limit + 1);
    return this.audit.withAudit(
      async (m) => {
        const rows = (await m.query(sql, params)) as ReportDbRow[];
        const page = rows.slice(0, limit);
        const last = page[page.length - 1];
        return {
          report,
          rows: page.map(toReportRow),
          nextCursor: rows.length > limit && last ? encodeCursor(scope, { key: last.recorded_at, id: last.id }) : null,
        };
      },
      (page) => ({
        action: 'REPORT_RUN',
        outcome: 'success',
        actor,
        meta,
        patientId: filters.patientId ?? null,
        resourceType: 'AuditEvent',
        details: {
          report,
          filters: filtersForAudit(filters),
          direction,
          page: after ? 'next' : 'first',
          rows: page.rows.length,
        },
      }),
    );
  }

  /** MRN (exact, any facility) or name (trigram similarity). Identifiers only; audited as a search. */
  searchPatients(actor: Actor, meta: RequestMeta, q: string): Promise<PatientSearchHit[]> {
    const text = q.trim().toLowerCase();
    return this.audit.withAudit(
      async (m) => {
        const rows = (await m.query(
          `SELECT id, facility, mrn, family_name, given_name, to_char(birth_date, 'YYYY-MM-DD') AS birth_date,
                  is_vip, is_employee
             FROM records_patients
            WHERE lower(mrn) = $1 OR lower(family_name || ' ' || given_name) % $1
               OR lower(family_name || ' ' || given_name) LIKE '%' || $2 || '%'
            ORDER BY lower(mrn) = $1 DESC, similarity(lower(family_name || ' ' || given_name), $1) DESC, mrn
            LIMIT 25`,
          [text, text.replace(/[\\%_]/g, (c) => `\\${c}`)],
        )) as {
          id: string;
          facility: string;
          mrn: string;
          family_name: string;
          given_name: string;
          birth_date: string;
          is_vip: boolean;
          is_employee: boolean;
        }[];
        return rows.map(
          (r): PatientSearchHit => ({
            patientId: r.id,
            facility: r.facility,
            mrn: r.mrn,
            name: `${r.family_name}, ${r.given_name}`,
            birthDate: r.birth_date,
            isVip: r.is_vip,
            isEmployee: r.is_employee,
          }),
        );
      },
      (hits) => ({
        action: 'PATIENT_SEARCHED',
        outcome: 'success',
        actor,
        meta,
        resourceType: 'Patient',
        // The search text may be a name: record only its length and the hit count.
        details: { purpose: 'compliance-report', queryLength: text.length, hits: hits.length },
      }),
    );
  }

  /** Workforce lookup for the user activity report (no patient data, so not audited). */
  async searchUsers(q: string): Promise<UserSearchHit[]> {
    const text = `%${q
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = (await this.dataSource.query(
      `SELECT id, username, display_name, role FROM identity_users
        WHERE lower(username) LIKE $1 OR lower(display_name) LIKE $1 ORDER BY display_name LIMIT 25`,
      [text],
    )) as { id: string; username: string; display_name: string; role: UserSearchHit['role'] }[];
    return rows.map((r) => ({ userId: r.id, username: r.username, displayName: r.display_name, role: r.role }));
  }
}
