import type { Role } from '@chartdesk/contracts';

/** Every patient field any response may carry. A response builder names its fields by these keys. */
export type PatientField =
  | 'name'
  | 'mrn'
  | 'birthDate'
  | 'ageAtService'
  | 'sex'
  | 'payer'
  | 'facility'
  | 'ssnLast4'
  | 'vipOrEmployee';

/**
 * Projection as data: the one role → visible patient fields table (HIPAA minimum
 * necessary). Coders and supervisors get what coding needs — never SSN, address,
 * phone, email or member id; compliance gets identifiers to confirm who a patient
 * is (no clinical content without an investigation); admins see no patient data.
 * Every response that carries patient fields (records' charts, the worklist's
 * queue, board and workspace, compliance's reports and lookups) is cut by it in
 * projectPatient; the snapshot test of this table is the review point for a change.
 */
export const VISIBLE_PATIENT_FIELDS: Readonly<Record<Role, readonly PatientField[]>> = {
  // Age at service, not the date of birth: coding needs the age edits, not an identifier.
  CODER: ['name', 'mrn', 'ageAtService', 'sex', 'payer'],
  SUPERVISOR: ['name', 'mrn', 'ageAtService', 'sex', 'payer'],
  COMPLIANCE: ['name', 'mrn', 'birthDate', 'ageAtService', 'sex', 'payer', 'facility', 'ssnLast4', 'vipOrEmployee'],
  ADMIN: [],
};

export interface FieldProjection {
  readonly role: Role;
  readonly fields: ReadonlySet<PatientField>;
}

export function projectionFor(role: Role): FieldProjection {
  return { role, fields: new Set(VISIBLE_PATIENT_FIELDS[role]) };
}

/**
 * The patient part of a response, cut to the role's fields: a field the table does
 * not give the role is absent from the answer, whatever the query selected.
 */
export function projectPatient<T extends Partial<Record<PatientField, unknown>>>(role: Role, values: T): Partial<T> {
  const fields = VISIBLE_PATIENT_FIELDS[role];
  const out: Partial<T> = {};
  for (const key of Object.keys(values) as (keyof T & PatientField)[]) {
    if (fields.includes(key)) out[key] = values[key];
  }
  return out;
}
