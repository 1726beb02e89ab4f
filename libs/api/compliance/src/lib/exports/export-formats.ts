import { type AccessBasis, type AccessReportRow, PART2_NOTICE } from '@chartdesk/contracts';
import { accessBasis } from '../reports/report-row';

export const CSV_COLUMNS = [
  'event_id',
  'recorded_at',
  'action',
  'outcome',
  'outcome_reason',
  'actor_user_id',
  'actor_username',
  'actor_name',
  'actor_role',
  'patient_id',
  'patient_mrn',
  'patient_name',
  'resource_type',
  'resource_id',
  'why',
  'why_reference',
  'ip',
  'part2',
] as const;

/**
 * One CSV field. Line breaks become spaces so every row is one line (row
 * counts stay checkable); a leading = + - @ is neutralised so a spreadsheet
 * never runs it as a formula.
 */
const NEEDS_CARE = /[",\r\n]|^[=+\-@\t\s]|\s$/;

export function csvField(value: string | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // Almost every field (ids, codes, times) needs nothing: one test, then out.
  if (!NEEDS_CARE.test(text)) return text;
  text = text.replace(/[\r\n]+/g, ' ');
  if (/^[=+\-@\t]/.test(text)) text = `'${text}`;
  return /[",]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(part2Notice: boolean): string {
  const notice = part2Notice ? `${csvField(`# 42 CFR part 2 notice: ${PART2_NOTICE}`)}\n` : '';
  return `${notice}${CSV_COLUMNS.join(',')}\n`;
}

export function csvRow(r: AccessReportRow): string {
  return (
    [
      r.eventId,
      r.recordedAt,
      r.action,
      r.outcome,
      r.outcomeReason,
      r.actor.userId,
      r.actor.username,
      r.actor.displayName,
      r.actor.role,
      r.patient?.patientId,
      r.patient?.mrn,
      r.patient?.name,
      r.resourceType,
      r.resourceId,
      r.why.basis,
      r.why.reference,
      r.ip,
      r.part2,
    ]
      .map(csvField)
      .join(',') + '\n'
  );
}

type Cell = string | boolean | null | undefined;

/**
 * The same line as csvRow(toReportRow(rowFromArray(values))), straight from
 * the row as the driver returns it (REPORT_COLUMNS order): no intermediate
 * objects, which is most of the export's time per row.
 */
export function csvLineFromArray(v: readonly unknown[]): string {
  const c = v as readonly Cell[];
  const patient = c[7] !== null && c[7] !== undefined;
  const name = patient && c[16] !== null ? `${String(c[16])}, ${String(c[17] ?? '')}`.trim() : null;
  const basis = accessBasis({
    action: String(c[2]),
    basis: (c[12] as string | null) ?? null,
    purpose: (c[10] as string | null) ?? null,
  });
  return `${csvField(c[0])},${csvField(c[1])},${csvField(c[2])},${csvField(c[3])},${csvField(c[4])},${csvField(
    c[5],
  )},${csvField(c[13])},${csvField(c[14])},${csvField(c[6])},${csvField(c[7])},${csvField(patient ? c[15] : null)},${csvField(
    name,
  )},${csvField(c[8])},${csvField(c[9])},${basis},${csvField(c[10])},${csvField(c[11])},${csvField(c[18])}\n`;
}

/** HL7 v3 ActReason codes for the purpose of use (BTG: break the glass; HCOMPL: compliance). */
const PURPOSE_CODE: Record<AccessBasis, string | null> = {
  ASSIGNMENT: 'HOPERAT',
  TEAM: 'HOPERAT',
  UNASSIGNED_POOL: 'HOPERAT',
  BREAK_GLASS: 'BTG',
  INVESTIGATION: 'HCOMPL',
  NONE: null,
};

const OUTCOME_CODE = { success: '0', denied: '4', error: '8' } as const;

/** The first NDJSON line when Part 2 records appear: the notice as a FHIR Parameters resource. */
export function ndjsonHeader(part2Notice: boolean): string {
  if (!part2Notice) return '';
  return `${JSON.stringify({
    resourceType: 'Parameters',
    parameter: [{ name: '42-cfr-part-2-notice', valueString: PART2_NOTICE }],
  })}\n`;
}

/** One event as a FHIR R4 AuditEvent (IHE BALP style), on one line. */
export function ndjsonRow(r: AccessReportRow): string {
  const purpose = PURPOSE_CODE[r.why.basis];
  const event = {
    resourceType: 'AuditEvent',
    id: r.eventId,
    ...(r.part2
      ? { meta: { security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: '42CFRPart2' }] } }
      : {}),
    type: { system: 'http://terminology.hl7.org/CodeSystem/audit-event-type', code: 'rest' },
    subtype: [{ system: 'urn:chartdesk:audit-action', code: r.action }],
    action: r.action.endsWith('_VIEWED') || r.action === 'REPORT_RUN' ? 'R' : 'E',
    recorded: r.recordedAt,
    outcome: OUTCOME_CODE[r.outcome],
    ...(r.outcomeReason ? { outcomeDesc: r.outcomeReason } : {}),
    ...(purpose
      ? {
          purposeOfEvent: [
            { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: purpose }] },
          ],
        }
      : {}),
    agent: [
      {
        requestor: true,
        who: r.actor.userId
          ? {
              identifier: { system: 'urn:chartdesk:user', value: r.actor.userId },
              display: r.actor.displayName ?? undefined,
            }
          : { display: 'unknown' },
        ...(r.actor.role ? { role: [{ text: String(r.actor.role) }] } : {}),
        ...(r.ip ? { network: { address: r.ip, type: '2' } } : {}),
      },
    ],
    source: { observer: { display: 'ChartDesk' } },
    entity: [
      ...(r.patient
        ? [
            {
              what: { reference: `Patient/${r.patient.patientId}` },
              type: { system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type', code: '1' },
              ...(r.patient.mrn ? { name: r.patient.mrn } : {}),
            },
          ]
        : []),
      ...(r.resourceType && r.resourceId
        ? [{ what: { reference: `${r.resourceType}/${r.resourceId}` }, description: r.why.reference ?? undefined }]
        : []),
    ],
  };
  return `${JSON.stringify(event)}\n`;
}
