import type { ChartAccessBasis, Role, SensitivityLabel } from '@chartdesk/contracts';

/** Who asks, with the identity facts the policy needs beyond the session's Actor. */
export interface ChartAccessSubject {
  readonly userId: string;
  readonly role: Role;
  readonly teamId: string | null;
  readonly clearances: readonly SensitivityLabel[];
  /** Completed 42 CFR Part 2 training; null when never trained. */
  readonly part2TrainedOn: Date | null;
  /** Patients who are this user or a relative they declared: never theirs to open. */
  readonly linkedPatientIds: readonly string[];
}

/** What the policy needs to know about one chart. No clinical content. */
export interface ChartAccessFacts {
  readonly encounterId: string;
  readonly patientId: string;
  /** Labels set on the encounter itself. */
  readonly encounterLabels: readonly SensitivityLabel[];
  /** Union of the labels of the encounter's documents. */
  readonly documentLabels: readonly SensitivityLabel[];
  readonly patientIsVip: boolean;
  readonly patientIsEmployee: boolean;
  /** The one active assignment, if any. */
  readonly assignment: { readonly id: string; readonly coderId: string; readonly coderTeamId: string | null } | null;
  /** An unexpired break-the-glass grant of this subject for this encounter. */
  readonly breakGlassGrant: { readonly id: string; readonly expiresAt: Date } | null;
  /** An open, unexpired investigation of this subject covering the patient. */
  readonly investigation: { readonly id: string; readonly expiresAt: Date } | null;
}

export type ChartDenyReason =
  | 'ROLE_HAS_NO_PATIENT_ACCESS'
  | 'OWN_OR_RELATIVE_RECORD'
  | 'NOT_ASSIGNED'
  | 'NOT_IN_SCOPE'
  | 'ABOVE_CLEARANCE'
  | 'PART2_NOT_AUTHORIZED'
  | 'PART2_NEVER_BREAK_GLASS'
  | 'NO_INVESTIGATION';

export type ChartAccessDecision =
  | {
      readonly allowed: true;
      readonly basis: ChartAccessBasis;
      /** Audit purpose: the assignment, grant or investigation id that justifies the read. */
      readonly purpose: string;
      readonly expiresAt: Date | null;
    }
  | { readonly allowed: false; readonly reason: ChartDenyReason };

export type DocumentVisibility = 'VISIBLE' | 'WITHHELD';
