import type { EntityManager } from 'typeorm';
import { firstRow } from './first-row';
import type { FieldCipher } from '../crypto/field-cipher';
import type { DocumentInput, EncounterInput, ListItemInput, PatientInput } from './record-inputs';

export type Upserted = { readonly id: string; readonly created: boolean };

/**
 * Writes records by their business identifiers (MRN per facility, encounter
 * number per facility, source id per encounter), so importing the same data
 * twice updates rather than duplicates. Always inside the caller's transaction.
 */
export class RecordStore {
  constructor(
    private readonly m: EntityManager,
    private readonly cipher: FieldCipher,
  ) {}

  /**
   * Which identifying fields an incoming patient would change on the row its
   * facility and MRN already name (field names only), or null when no row exists.
   */
  async demographicChanges(p: PatientInput): Promise<{ id: string; fields: string[] } | null> {
    const rows = (await this.m.query(
      `SELECT id, family_name, given_name, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, sex
         FROM patient WHERE facility = $1 AND mrn = $2`,
      [p.facility, p.mrn],
    )) as { id: string; family_name: string; given_name: string; birth_date: string; sex: string }[];
    const row = rows[0];
    if (!row) return null;
    const fields: string[] = [];
    if (row.family_name !== p.familyName) fields.push('familyName');
    if (row.given_name !== p.givenName) fields.push('givenName');
    if (row.birth_date !== p.birthDate) fields.push('birthDate');
    if (row.sex !== p.sex) fields.push('sex');
    return { id: row.id, fields };
  }

  async upsertPatient(p: PatientInput): Promise<Upserted> {
    const rows = (await this.m.query(
      `INSERT INTO patient (facility, mrn, family_name, given_name, birth_date, sex, address_line, city, state,
                            postal_code, phone, email, payer_name, member_id, is_employee, is_vip)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (facility, mrn) DO UPDATE SET family_name = EXCLUDED.family_name, given_name = EXCLUDED.given_name,
         birth_date = EXCLUDED.birth_date, sex = EXCLUDED.sex, address_line = EXCLUDED.address_line,
         city = EXCLUDED.city, state = EXCLUDED.state, postal_code = EXCLUDED.postal_code, phone = EXCLUDED.phone,
         email = EXCLUDED.email, payer_name = EXCLUDED.payer_name, member_id = EXCLUDED.member_id,
         is_employee = EXCLUDED.is_employee, is_vip = EXCLUDED.is_vip, updated_at = now()
       RETURNING id, (xmax = 0) AS created`,
      [
        p.facility,
        p.mrn,
        p.familyName,
        p.givenName,
        p.birthDate,
        p.sex,
        p.addressLine ?? null,
        p.city ?? null,
        p.state ?? null,
        p.postalCode ?? null,
        p.phone ?? null,
        p.email ?? null,
        p.payerName ?? null,
        p.memberId ?? null,
        p.isEmployee ?? false,
        p.isVip ?? false,
      ],
    )) as { id: string; created: boolean }[];
    const row = firstRow(rows, 'patient');
    if (p.ssn) {
      // Bound to the row id, which exists only after the insert.
      await this.m.query('UPDATE patient SET ssn_enc = $2 WHERE id = $1', [row.id, this.cipher.encrypt(p.ssn, row.id)]);
    }
    return row;
  }

  async upsertEncounter(patientId: string, e: EncounterInput): Promise<Upserted> {
    const rows = (await this.m.query(
      `INSERT INTO encounter (patient_id, facility, encounter_number, encounter_type, admitted_at, discharged_at,
                              service_date, providers, discharge_disposition, payer_name, labels)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (facility, encounter_number) DO UPDATE SET encounter_type = EXCLUDED.encounter_type,
         admitted_at = EXCLUDED.admitted_at, discharged_at = EXCLUDED.discharged_at,
         service_date = EXCLUDED.service_date, providers = EXCLUDED.providers,
         discharge_disposition = EXCLUDED.discharge_disposition, payer_name = EXCLUDED.payer_name,
         labels = EXCLUDED.labels, updated_at = now()
       WHERE encounter.patient_id = EXCLUDED.patient_id
       RETURNING id, (xmax = 0) AS created`,
      [
        patientId,
        e.facility,
        e.encounterNumber,
        e.type,
        e.admittedAt ?? null,
        e.dischargedAt ?? null,
        e.serviceDate ?? null,
        JSON.stringify(e.providers),
        e.dischargeDisposition ?? null,
        e.payerName ?? null,
        [...new Set(e.labels)],
      ],
    )) as { id: string; created: boolean }[];
    // No row: the encounter number already belongs to another patient. Never re-home a chart silently.
    if (!rows[0]) throw new Error(`encounter ${e.encounterNumber} already belongs to another patient`);
    return rows[0];
  }

  async upsertDocument(encounterId: string, d: DocumentInput): Promise<Upserted> {
    const rows = (await this.m.query(
      `INSERT INTO clinical_document (encounter_id, source_id, doc_type, title, author_name, authored_at, body, labels)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (encounter_id, source_id) DO UPDATE SET doc_type = EXCLUDED.doc_type, title = EXCLUDED.title,
         author_name = EXCLUDED.author_name, authored_at = EXCLUDED.authored_at, body = EXCLUDED.body,
         labels = EXCLUDED.labels
       RETURNING id, (xmax = 0) AS created`,
      [encounterId, d.sourceId, d.type, d.title, d.authorName, d.authoredAt, d.text, [...new Set(d.labels)]],
    )) as { id: string; created: boolean }[];
    return firstRow(rows, 'clinical_document');
  }

  async upsertListItem(encounterId: string, item: ListItemInput, position: number): Promise<Upserted> {
    const rows = (await this.m.query(
      `INSERT INTO chart_list_item (encounter_id, source_id, kind, text, detail, position, labels)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (encounter_id, kind, source_id) DO UPDATE SET text = EXCLUDED.text, detail = EXCLUDED.detail,
         position = EXCLUDED.position, labels = EXCLUDED.labels
       RETURNING id, (xmax = 0) AS created`,
      [
        encounterId,
        item.sourceId,
        item.kind,
        item.text,
        item.detail ?? null,
        position,
        [...new Set(item.labels ?? [])],
      ],
    )) as { id: string; created: boolean }[];
    return firstRow(rows, 'chart_list_item');
  }

  /** The minimal assignment the worklist issue extends: one active per chart. */
  async assign(encounterId: string, coderId: string, assignedBy: string | null): Promise<string> {
    await this.m.query('UPDATE assignment SET active = false WHERE encounter_id = $1 AND active', [encounterId]);
    const rows = (await this.m.query(
      'INSERT INTO assignment (encounter_id, coder_id, assigned_by) VALUES ($1, $2, $3) RETURNING id',
      [encounterId, coderId, assignedBy],
    )) as { id: string }[];
    return firstRow(rows, 'assignment').id;
  }
}
