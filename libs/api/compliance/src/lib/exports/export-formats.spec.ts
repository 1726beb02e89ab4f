import type { AccessReportRow } from '@chartdesk/contracts';
import { REPORT_COLUMNS, type ReportDbRow, rowFromArray, toReportRow } from '../reports/report-row';
import { csvField, csvHeader, csvRow, csvLineFromArray, ndjsonHeader, ndjsonRow } from './export-formats';

const row: AccessReportRow = {
  eventId: '7',
  recordedAt: '2026-11-02T09:00:00.000001Z',
  action: 'CHART_VIEWED',
  outcome: 'success',
  outcomeReason: null,
  actor: { userId: 'u-1', username: 'coder1', displayName: 'Pat Coder', role: 'CODER' },
  patient: { patientId: 'p-1', mrn: 'MRN1', name: 'Doe, Jane' },
  resourceType: 'Encounter',
  resourceId: 'e-1',
  why: { basis: 'BREAK_GLASS', reference: 'g-1' },
  ip: '10.0.0.1',
  part2: true,
};

describe('export formats', () => {
  it('quotes commas and quotes, flattens line breaks and defuses formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('two lines');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(null)).toBe('');
  });

  it('writes one line per CSV row and the Part 2 notice first when asked', () => {
    expect(csvRow(row).split('\n')).toHaveLength(2);
    expect(csvRow(row)).toContain('"Doe, Jane"');
    expect(csvHeader(true).split('\n')[0]).toContain('42 CFR part 2');
    expect(csvHeader(false).startsWith('event_id,')).toBe(true);
  });

  it('writes a FHIR AuditEvent per NDJSON line with purpose of use and the Part 2 label', () => {
    const event = JSON.parse(ndjsonRow(row)) as Record<string, unknown>;
    expect(event).toMatchObject({
      resourceType: 'AuditEvent',
      id: '7',
      recorded: row.recordedAt,
      outcome: '0',
      meta: { security: [{ code: '42CFRPart2' }] },
      purposeOfEvent: [{ coding: [{ code: 'BTG' }] }],
      entity: [{ what: { reference: 'Patient/p-1' } }, { what: { reference: 'Encounter/e-1' } }],
    });
    expect(ndjsonHeader(true)).toContain('42-cfr-part-2-notice');
    expect(ndjsonHeader(false)).toBe('');
  });

  it('writes the same CSV line straight from a database row as through the report row', () => {
    const db: ReportDbRow = {
      id: '9',
      recorded_at: '2026-11-02T09:00:00.000001Z',
      action: 'CHART_VIEWED',
      outcome: 'success',
      outcome_reason: null,
      actor_user_id: 'u-1',
      actor_role: 'CODER',
      patient_id: 'p-1',
      resource_type: 'Encounter',
      resource_id: 'e-1',
      purpose: 'a-1',
      ip: '10.0.0.1',
      basis: 'ASSIGNMENT',
      username: 'coder1',
      display_name: '=Pat, "Coder"',
      mrn: 'MRN1',
      family_name: "O'Doe",
      given_name: 'Jane',
      part2: false,
    };
    const asArray = (r: ReportDbRow) => REPORT_COLUMNS.map((k) => r[k]);
    expect(csvLineFromArray(asArray(db))).toBe(csvRow(toReportRow(db)));
    expect(rowFromArray(asArray(db))).toEqual(db);
    const anonymous = { ...db, actor_user_id: null, username: null, display_name: null, patient_id: null, mrn: null };
    expect(csvLineFromArray(asArray(anonymous))).toBe(csvRow(toReportRow(anonymous)));
    const glass = { ...db, basis: null, action: 'BREAK_GLASS_GRANTED', purpose: 'break-glass:PATIENT_SAFETY' };
    expect(csvLineFromArray(asArray(glass))).toBe(csvRow(toReportRow(glass)));
  });
});
