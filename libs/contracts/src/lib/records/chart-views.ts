import type { SensitivityLabel } from '../auth/roles';
import type { AdministrativeSex, ChartListKind, DocumentType, EncounterType } from './record-enums';

/**
 * What coders and supervisors see of a patient: enough to code, nothing more
 * (HIPAA minimum necessary). Never SSN, address, phone, email or member id —
 * and no date of birth: coding needs the age at service (the age edits run on
 * it, server-side from the stored birth date), while a full birth date is an
 * identifier the work does not need. Compliance's identity view keeps it.
 */
export interface ChartPatientView {
  readonly name: { readonly family: string; readonly given: string };
  readonly mrn: string;
  /** Whole years on the first day of the encounter: the age the edits use. */
  readonly ageAtService: number;
  readonly sex: AdministrativeSex;
  /** Payer name only; the member id is withheld. */
  readonly payer: string | null;
}

export interface ProviderView {
  readonly role: string;
  readonly name: string;
  readonly npi: string;
}

export interface EncounterView {
  readonly id: string;
  readonly facility: string;
  readonly encounterNumber: string;
  readonly type: EncounterType;
  /** Inpatient (and observation) stays. */
  readonly admittedAt: string | null;
  readonly dischargedAt: string | null;
  /** Outpatient, ED and pro-fee visits. */
  readonly serviceDate: string | null;
  readonly providers: readonly ProviderView[];
  readonly dischargeDisposition: string | null;
  readonly payer: string | null;
  /** The encounter's own labels plus those of its documents. */
  readonly sensitivityLabels: readonly SensitivityLabel[];
  readonly codingStatus: string;
  readonly version: number;
}

/** A document the reader may see, listed without its text. */
export interface DocumentSummaryView {
  readonly id: string;
  readonly withheld: false;
  readonly type: DocumentType;
  readonly title: string;
  readonly author: string;
  readonly authoredAt: string;
  readonly sensitivityLabels: readonly SensitivityLabel[];
}

/** A document beyond the reader's clearance: its existence only, never its content or title. */
export interface WithheldDocumentView {
  readonly id: string;
  readonly withheld: true;
  readonly notice: 'withheld: restricted';
}

export type ChartDocumentEntry = DocumentSummaryView | WithheldDocumentView;

export interface ChartListItemView {
  readonly kind: ChartListKind;
  readonly text: string;
  readonly detail: string | null;
}

/** How the reader came to see this chart; the audit event carries the same basis. */
export type ChartAccessBasis = 'ASSIGNMENT' | 'TEAM' | 'UNASSIGNED_POOL' | 'BREAK_GLASS' | 'INVESTIGATION';

/** GET /api/charts/:id for a coder or a supervisor. */
export interface ChartView {
  readonly patient: ChartPatientView;
  readonly encounter: EncounterView;
  readonly documents: readonly ChartDocumentEntry[];
  /** Withheld documents' list entries never appear here either. */
  readonly lists: readonly ChartListItemView[];
  readonly access: { readonly basis: ChartAccessBasis; readonly expiresAt: string | null };
  /** Present when the chart holds 42 CFR Part 2 records the reader may see. */
  readonly part2Notice: string | null;
}

/** GET /api/charts/:id/documents/:docId — the text is plain text, to be rendered escaped. */
export interface DocumentView {
  readonly id: string;
  readonly encounterId: string;
  readonly type: DocumentType;
  readonly title: string;
  readonly author: string;
  readonly authoredAt: string;
  readonly sensitivityLabels: readonly SensitivityLabel[];
  readonly text: string;
  readonly part2Notice: string | null;
}

/** A line of GET /api/charts: charts the caller may open right now. */
export interface ChartListEntry {
  readonly encounterId: string;
  readonly facility: string;
  readonly encounterNumber: string;
  readonly type: EncounterType;
  readonly serviceDate: string;
  readonly patientName: string;
  readonly mrn: string;
  readonly codingStatus: string;
  readonly basis: ChartAccessBasis;
}

/**
 * 42 CFR §2.32 notice that must accompany any disclosure of Part 2 records.
 * The statement §2.32(a)(1) prescribes (federal regulation text).
 */
export const CHART_PART2_NOTICE =
  'This record which has been disclosed to you is protected by federal confidentiality rules (42 CFR part 2). ' +
  'These rules prohibit you from using or disclosing this record, or testimony that describes the information ' +
  'contained in this record, in any civil, criminal, administrative, or legislative proceedings by any Federal, ' +
  'State, or local authority, against the patient, unless authorized by the consent of the patient, except as ' +
  'provided at 42 CFR 2.12(c)(5) or as authorized by a court in accordance with 42 CFR 2.64 or 2.65. In addition, ' +
  'the federal rules prohibit you from making any other use or disclosure of this record unless at least one of ' +
  'the following applies: further use or disclosure is expressly permitted by the written consent of the ' +
  'individual whose information is being disclosed in this record or as otherwise permitted by 42 CFR part 2. ' +
  'A general authorization for the release of medical or other information is NOT sufficient for this purpose ' +
  '(see 42 CFR 2.31).';
