import { type ChartAccessDecision, ChartAccessPolicy, type ChartAccessSubject } from '@chartdesk/api-access';
import {
  type ChartDocumentEntry,
  type ChartView,
  type DocumentView,
  type EncounterView,
  CHART_PART2_NOTICE,
  type SensitivityLabel,
} from '@chartdesk/contracts';
import type { ChartContentRow, DocumentRow } from './chart-rows';

type AllowedDecision = Extract<ChartAccessDecision, { allowed: true }>;

/** Whole years between the birth date and the first day of service (both YYYY-MM-DD). */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [sy, sm, sd] = onDate.split('-').map(Number) as [number, number, number];
  return sy - by - (sm < bm || (sm === bm && sd < bd) ? 1 : 0);
}

export function serviceStart(row: Pick<ChartContentRow, 'admitted_at' | 'service_date'>): string {
  if (row.service_date) return row.service_date;
  return (row.admitted_at as Date).toISOString().slice(0, 10);
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

function encounterView(id: string, row: ChartContentRow, documentLabels: SensitivityLabel[]): EncounterView {
  return {
    id,
    facility: row.facility,
    encounterNumber: row.encounter_number,
    type: row.encounter_type,
    admittedAt: iso(row.admitted_at),
    dischargedAt: iso(row.discharged_at),
    serviceDate: row.service_date,
    providers: row.providers.map((p) => ({ role: p.role, name: p.name, npi: p.npi })),
    dischargeDisposition: row.discharge_disposition,
    payer: row.encounter_payer,
    sensitivityLabels: [...new Set([...row.labels, ...documentLabels])].sort(),
    codingStatus: row.coding_status,
    version: row.version,
  };
}

/**
 * The coder/supervisor/investigator view of a chart, built field by field:
 * nothing reaches the response unless it is named here. Documents and list
 * entries beyond the reader's clearance are withheld, not just hidden.
 */
export function projectChart(
  encounterId: string,
  subject: ChartAccessSubject,
  decision: AllowedDecision,
  row: ChartContentRow,
  now: Date,
): ChartView {
  const visible = (labels: readonly SensitivityLabel[]): boolean =>
    ChartAccessPolicy.documentVisibility(subject, decision, labels, now) === 'VISIBLE';
  let part2Shown = false;
  const documents: ChartDocumentEntry[] = row.documents.map((d) => {
    if (!visible(d.labels)) return { id: d.id, withheld: true, notice: 'withheld: restricted' };
    if (d.labels.includes('SUBSTANCE_USE_PART2')) part2Shown = true;
    return {
      id: d.id,
      withheld: false,
      type: d.type,
      title: d.title,
      author: d.author,
      authoredAt: new Date(d.authoredAt).toISOString(),
      sensitivityLabels: d.labels,
    };
  });
  return {
    patient: {
      name: { family: row.family_name, given: row.given_name },
      mrn: row.mrn,
      ageAtService: ageOn(row.birth_date, serviceStart(row)),
      sex: row.sex,
      payer: row.patient_payer,
    },
    // Labels of withheld documents stay out too: that a chart holds, say, Part 2 records is itself protected.
    encounter: encounterView(
      encounterId,
      row,
      row.documents.filter((d) => visible(d.labels)).flatMap((d) => d.labels),
    ),
    documents,
    lists: row.lists
      .filter((li) => visible(li.labels))
      .map((li) => ({ kind: li.kind, text: li.text, detail: li.detail })),
    access: { basis: decision.basis, expiresAt: iso(decision.expiresAt) },
    part2Notice: part2Shown || row.labels.includes('SUBSTANCE_USE_PART2') ? CHART_PART2_NOTICE : null,
  };
}

export function projectDocument(row: DocumentRow): DocumentView {
  return {
    id: row.id,
    encounterId: row.encounter_id,
    type: row.doc_type,
    title: row.title,
    author: row.author_name,
    authoredAt: new Date(row.authored_at).toISOString(),
    sensitivityLabels: row.labels,
    text: row.body,
    part2Notice: row.labels.includes('SUBSTANCE_USE_PART2') ? CHART_PART2_NOTICE : null,
  };
}
