import type { SensitivityLabel } from '../auth/roles';
import type { EncounterType } from './record-enums';

/**
 * What compliance sees without an investigation: who the patient is and who
 * was given access to which encounter — never clinical content.
 */
export interface PatientIdentityView {
  readonly patientId: string;
  readonly facility: string;
  readonly mrn: string;
  readonly name: { readonly family: string; readonly given: string };
  readonly birthDate: string;
  /** The last four digits only, to confirm identity against a complaint. */
  readonly ssnLast4: string | null;
  readonly isEmployee: boolean;
  readonly isVip: boolean;
  readonly encounters: readonly EncounterAccessMetadata[];
}

export interface EncounterAccessMetadata {
  readonly encounterId: string;
  readonly encounterNumber: string;
  readonly type: EncounterType;
  readonly startDate: string;
  readonly sensitivityLabels: readonly SensitivityLabel[];
  readonly assignments: readonly {
    readonly coderId: string;
    readonly active: boolean;
    readonly assignedAt: string;
  }[];
  readonly breakGlassGrants: readonly {
    readonly userId: string;
    readonly grantedAt: string;
    readonly expiresAt: string;
  }[];
}

/** GET /api/compliance/patients?facility=&mrn= */
export interface PatientLookupQuery {
  readonly facility: string;
  readonly mrn: string;
}

/** POST /api/investigations */
export interface OpenInvestigationRequest {
  readonly patientId: string;
  /** Why clinical content is needed; stored and audited. */
  readonly reason: string;
  /** 15–480 minutes; the investigation's access ends then. */
  readonly durationMinutes: number;
}

export interface InvestigationView {
  readonly id: string;
  readonly patientId: string;
  readonly openedBy: string;
  readonly reason: string;
  readonly openedAt: string;
  readonly expiresAt: string;
}
