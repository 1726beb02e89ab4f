import type {
  AdministrativeSex,
  ChartListKind,
  DocumentType,
  EncounterType,
  SensitivityLabel,
} from '@chartdesk/contracts';

/** A patient as importers and the demo seed hand it to the store. */
export interface PatientInput {
  readonly facility: string;
  readonly mrn: string;
  readonly familyName: string;
  readonly givenName: string;
  readonly birthDate: string;
  readonly sex: AdministrativeSex;
  readonly ssn?: string | null;
  readonly addressLine?: string | null;
  readonly city?: string | null;
  readonly state?: string | null;
  readonly postalCode?: string | null;
  readonly phone?: string | null;
  readonly email?: string | null;
  readonly payerName?: string | null;
  readonly memberId?: string | null;
  readonly isEmployee?: boolean;
  readonly isVip?: boolean;
}

export interface ProviderInput {
  readonly role: string;
  readonly name: string;
  readonly npi: string;
}

export interface EncounterInput {
  readonly facility: string;
  readonly encounterNumber: string;
  readonly type: EncounterType;
  readonly admittedAt?: Date | null;
  readonly dischargedAt?: Date | null;
  readonly serviceDate?: string | null;
  readonly providers: readonly ProviderInput[];
  readonly dischargeDisposition?: string | null;
  readonly payerName?: string | null;
  readonly labels: readonly SensitivityLabel[];
}

export interface DocumentInput {
  readonly sourceId: string;
  readonly type: DocumentType;
  readonly title: string;
  readonly authorName: string;
  readonly authoredAt: Date;
  readonly text: string;
  readonly labels: readonly SensitivityLabel[];
}

export interface ListItemInput {
  readonly sourceId: string;
  readonly kind: ChartListKind;
  readonly text: string;
  readonly detail?: string | null;
  readonly labels?: readonly SensitivityLabel[];
}
