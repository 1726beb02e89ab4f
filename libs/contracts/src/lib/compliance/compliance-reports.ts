import type { AuditOutcome } from '../audit/audit-action';
import type { Role } from '../auth/roles';

/** The reports compliance can run; each is one indexed access path over audit_event. */
export const COMPLIANCE_REPORTS = [
  'patient-access',
  'user-activity',
  'denials',
  'break-glass',
  'failed-logins',
  'after-hours',
] as const;
export type ComplianceReport = (typeof COMPLIANCE_REPORTS)[number];

/** Sorting is only ever by one of these (never a column name from the request). */
export const REPORT_SORTS = ['recordedAt'] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export const REPORT_PAGE_SIZE_MAX = 500;
export const REPORT_PAGE_SIZE_DEFAULT = 100;
/** A report covers at most this many days, so one request stays on a few monthly partitions. */
export const REPORT_RANGE_DAYS_MAX = 400;

/** GET /api/compliance/reports/:report — query string. */
export interface ReportQuery {
  /** ISO timestamps; `from` inclusive, `to` exclusive. */
  readonly from: string;
  readonly to: string;
  /** patient-access: required. */
  readonly patientId?: string;
  /** user-activity: required; other reports: optional filter. */
  readonly userId?: string;
  readonly outcome?: AuditOutcome;
  readonly sort?: ReportSort;
  readonly direction?: SortDirection;
  readonly limit?: number;
  /** Opaque cursor from the previous page's `nextCursor`. */
  readonly cursor?: string;
}

/** Why the access was allowed (or what it relied on). */
export const ACCESS_BASES = ['ASSIGNMENT', 'TEAM', 'UNASSIGNED_POOL', 'BREAK_GLASS', 'INVESTIGATION', 'NONE'] as const;
export type AccessBasis = (typeof ACCESS_BASES)[number];

/** One audit event as compliance sees it: access metadata and identifiers, never clinical content. */
export interface AccessReportRow {
  readonly eventId: string;
  readonly recordedAt: string;
  readonly action: string;
  readonly outcome: AuditOutcome;
  readonly outcomeReason: string | null;
  readonly actor: {
    readonly userId: string | null;
    readonly username: string | null;
    readonly displayName: string | null;
    readonly role: Role | string | null;
  };
  readonly patient: { readonly patientId: string; readonly mrn: string | null; readonly name: string | null } | null;
  readonly resourceType: string | null;
  readonly resourceId: string | null;
  readonly why: { readonly basis: AccessBasis; readonly reference: string | null };
  readonly ip: string | null;
  /** Part 2 (42 CFR) content was involved. */
  readonly part2: boolean;
}

export interface ReportPage {
  readonly report: ComplianceReport;
  readonly rows: readonly AccessReportRow[];
  readonly nextCursor: string | null;
}

/** GET /api/compliance/patient-search?q= — MRN (exact) or name (similar). Identifiers only. */
export interface PatientSearchHit {
  readonly patientId: string;
  readonly facility: string;
  readonly mrn: string;
  readonly name: string;
  readonly birthDate: string;
  readonly isVip: boolean;
  readonly isEmployee: boolean;
}

export interface UserSearchHit {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
}
