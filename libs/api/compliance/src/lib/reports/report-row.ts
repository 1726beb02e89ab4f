import type { AccessBasis, AccessReportRow, AuditOutcome } from '@chartdesk/contracts';

export interface ReportDbRow {
  id: string;
  recorded_at: string;
  action: string;
  outcome: AuditOutcome;
  outcome_reason: string | null;
  actor_user_id: string | null;
  actor_role: string | null;
  patient_id: string | null;
  resource_type: string | null;
  resource_id: string | null;
  purpose: string | null;
  ip: string | null;
  basis: string | null;
  username: string | null;
  display_name: string | null;
  mrn: string | null;
  family_name: string | null;
  given_name: string | null;
  part2: boolean;
}

const BASES = new Set<string>(['ASSIGNMENT', 'TEAM', 'UNASSIGNED_POOL', 'BREAK_GLASS', 'INVESTIGATION']);

/** Why the event happened: the chart read's recorded basis, else what the action itself is. */
export function accessBasis(row: Pick<ReportDbRow, 'action' | 'basis' | 'purpose'>): AccessBasis {
  if (row.basis && BASES.has(row.basis)) return row.basis as AccessBasis;
  if (row.action === 'BREAK_GLASS_GRANTED' || row.purpose?.startsWith('break-glass:')) return 'BREAK_GLASS';
  if (row.action === 'INVESTIGATION_OPENED') return 'INVESTIGATION';
  return 'NONE';
}

export function toReportRow(row: ReportDbRow): AccessReportRow {
  return {
    eventId: row.id,
    recordedAt: row.recorded_at,
    action: row.action,
    outcome: row.outcome,
    outcomeReason: row.outcome_reason,
    actor: {
      userId: row.actor_user_id,
      username: row.username,
      displayName: row.display_name,
      role: row.actor_role,
    },
    patient: row.patient_id
      ? {
          patientId: row.patient_id,
          mrn: row.mrn,
          name: row.family_name === null ? null : `${row.family_name}, ${row.given_name ?? ''}`.trim(),
        }
      : null,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    why: { basis: accessBasis(row), reference: row.purpose },
    ip: row.ip,
    part2: row.part2,
  };
}

/** The statement's columns in SELECT order, for rows fetched as arrays (the export's fast path). */
export const REPORT_COLUMNS = [
  'id',
  'recorded_at',
  'action',
  'outcome',
  'outcome_reason',
  'actor_user_id',
  'actor_role',
  'patient_id',
  'resource_type',
  'resource_id',
  'purpose',
  'ip',
  'basis',
  'username',
  'display_name',
  'mrn',
  'family_name',
  'given_name',
  'part2',
] as const satisfies readonly (keyof ReportDbRow)[];

export function rowFromArray(values: readonly unknown[]): ReportDbRow {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < REPORT_COLUMNS.length; i++) row[REPORT_COLUMNS[i] as string] = values[i] ?? null;
  return row as unknown as ReportDbRow;
}
