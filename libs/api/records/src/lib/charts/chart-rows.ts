import type { ChartAccessFacts, ChartAccessSubject } from '@chartdesk/api-access';
import type { Actor } from '@chartdesk/api-platform';
import type {
  AdministrativeSex,
  ChartListKind,
  DocumentType,
  EncounterType,
  SensitivityLabel,
} from '@chartdesk/contracts';

export interface AccessFactsRow {
  encounter_id: string;
  patient_id: string;
  encounter_labels: SensitivityLabel[];
  is_vip: boolean;
  is_employee: boolean;
  document_labels: SensitivityLabel[];
  assignment_id: string | null;
  coder_id: string | null;
  coder_team_id: string | null;
  part2_training_date: string | null;
  linked_patient_ids: string[];
  grant_id: string | null;
  grant_expires_at: Date | null;
  investigation_id: string | null;
  investigation_expires_at: Date | null;
}

export interface ChartContentRow {
  family_name: string;
  given_name: string;
  mrn: string;
  birth_date: string;
  sex: AdministrativeSex;
  patient_payer: string | null;
  facility: string;
  encounter_number: string;
  encounter_type: EncounterType;
  admitted_at: Date | null;
  discharged_at: Date | null;
  service_date: string | null;
  providers: { role: string; name: string; npi: string }[];
  discharge_disposition: string | null;
  encounter_payer: string | null;
  labels: SensitivityLabel[];
  coding_status: string;
  version: number;
  documents: {
    id: string;
    type: DocumentType;
    title: string;
    author: string;
    authoredAt: string;
    labels: SensitivityLabel[];
  }[];
  lists: { kind: ChartListKind; text: string; detail: string | null; labels: SensitivityLabel[] }[];
}

export interface DocumentRow {
  id: string;
  encounter_id: string;
  doc_type: DocumentType;
  title: string;
  author_name: string;
  authored_at: Date;
  labels: SensitivityLabel[];
  body: string;
}

/** The query yields the calendar day as text, so no time zone shifts it. */
function trainingDate(value: string | null): Date | null {
  return value === null ? null : new Date(`${value}T00:00:00Z`);
}

export function subjectFrom(
  actor: Actor,
  row: Pick<AccessFactsRow, 'part2_training_date' | 'linked_patient_ids'>,
): ChartAccessSubject {
  return {
    userId: actor.userId,
    role: actor.role,
    teamId: actor.teamId,
    clearances: actor.clearances,
    part2TrainedOn: trainingDate(row.part2_training_date),
    linkedPatientIds: row.linked_patient_ids,
  };
}

type OptionalFactKeys =
  | 'part2_training_date'
  | 'linked_patient_ids'
  | 'grant_id'
  | 'grant_expires_at'
  | 'investigation_id'
  | 'investigation_expires_at';

/** The chart facts as records' own fact query returns them, or as the worklist's batch queries do (no grants). */
export type AccessFactsInput = Omit<AccessFactsRow, OptionalFactKeys> & Partial<Pick<AccessFactsRow, OptionalFactKeys>>;

/** The one mapping from fact rows to what ChartAccessPolicy decides on; every caller of the policy uses it. */
export function factsFrom(row: AccessFactsInput): ChartAccessFacts {
  return {
    encounterId: row.encounter_id,
    patientId: row.patient_id,
    encounterLabels: row.encounter_labels,
    documentLabels: row.document_labels,
    patientIsVip: row.is_vip,
    patientIsEmployee: row.is_employee,
    assignment:
      row.assignment_id && row.coder_id
        ? { id: row.assignment_id, coderId: row.coder_id, coderTeamId: row.coder_team_id }
        : null,
    breakGlassGrant:
      row.grant_id && row.grant_expires_at ? { id: row.grant_id, expiresAt: row.grant_expires_at } : null,
    investigation:
      row.investigation_id && row.investigation_expires_at
        ? { id: row.investigation_id, expiresAt: row.investigation_expires_at }
        : null,
  };
}
