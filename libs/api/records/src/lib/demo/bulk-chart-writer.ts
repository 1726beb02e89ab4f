import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { FieldCipher } from '../crypto/field-cipher';
import type { GeneratedChart } from './demo-chart-generator';

export interface WrittenChart {
  readonly index: number;
  readonly patientId: string;
  readonly encounterId: string;
}

/**
 * Writes many generated charts with one statement per table (JSON rows
 * expanded by the database), for the demo seed and for benchmark scale
 * (tens of thousands of encounters in seconds). Not idempotent: for empty
 * tables or fresh identifiers only; the importer is the idempotent path.
 */
export async function bulkInsertCharts(
  m: EntityManager,
  cipher: FieldCipher,
  charts: readonly GeneratedChart[],
): Promise<WrittenChart[]> {
  const written = charts.map((_, index) => ({ index, patientId: randomUUID(), encounterId: randomUUID() }));
  const patients = charts.map((c, i) => {
    const id = (written[i] as WrittenChart).patientId;
    const p = c.patient;
    return {
      id,
      facility: p.facility,
      mrn: p.mrn,
      family_name: p.familyName,
      given_name: p.givenName,
      birth_date: p.birthDate,
      sex: p.sex,
      ssn_enc: p.ssn ? cipher.encrypt(p.ssn, id).toString('base64') : null,
      address_line: p.addressLine ?? null,
      city: p.city ?? null,
      state: p.state ?? null,
      postal_code: p.postalCode ?? null,
      phone: p.phone ?? null,
      email: p.email ?? null,
      payer_name: p.payerName ?? null,
      member_id: p.memberId ?? null,
      is_employee: p.isEmployee ?? false,
      is_vip: p.isVip ?? false,
    };
  });
  await m.query(
    `INSERT INTO patient (id, facility, mrn, family_name, given_name, birth_date, sex, ssn_enc, address_line, city, state,
                          postal_code, phone, email, payer_name, member_id, is_employee, is_vip)
     SELECT id, facility, mrn, family_name, given_name, birth_date, sex, decode(ssn_enc, 'base64'), address_line, city,
            state, postal_code, phone, email, payer_name, member_id, is_employee, is_vip
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, facility text, mrn text, family_name text, given_name text,
            birth_date date, sex text, ssn_enc text, address_line text, city text, state text, postal_code text,
            phone text, email text, payer_name text, member_id text, is_employee boolean, is_vip boolean)`,
    [JSON.stringify(patients)],
  );
  const encounters = charts.map((c, i) => {
    const w = written[i] as WrittenChart;
    const e = c.encounter;
    return {
      id: w.encounterId,
      patient_id: w.patientId,
      facility: e.facility,
      encounter_number: e.encounterNumber,
      encounter_type: e.type,
      admitted_at: e.admittedAt ?? null,
      discharged_at: e.dischargedAt ?? null,
      service_date: e.serviceDate ?? null,
      providers: e.providers,
      discharge_disposition: e.dischargeDisposition ?? null,
      payer_name: e.payerName ?? null,
      labels: e.labels,
    };
  });
  await m.query(
    `INSERT INTO encounter (id, patient_id, facility, encounter_number, encounter_type, admitted_at, discharged_at,
                            service_date, providers, discharge_disposition, payer_name, labels)
     SELECT id, patient_id, facility, encounter_number, encounter_type, admitted_at, discharged_at, service_date,
            providers, discharge_disposition, payer_name, ARRAY(SELECT jsonb_array_elements_text(labels))
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, patient_id uuid, facility text, encounter_number text,
            encounter_type text, admitted_at timestamptz, discharged_at timestamptz, service_date date,
            providers jsonb, discharge_disposition text, payer_name text, labels jsonb)`,
    [JSON.stringify(encounters)],
  );
  const documents = charts.flatMap((c, i) =>
    c.documents.map((d) => ({
      encounter_id: (written[i] as WrittenChart).encounterId,
      source_id: d.sourceId,
      doc_type: d.type,
      title: d.title,
      author_name: d.authorName,
      authored_at: d.authoredAt,
      body: d.text,
      labels: d.labels,
    })),
  );
  await m.query(
    `INSERT INTO clinical_document (encounter_id, source_id, doc_type, title, author_name, authored_at, body, labels)
     SELECT encounter_id, source_id, doc_type, title, author_name, authored_at, body,
            ARRAY(SELECT jsonb_array_elements_text(labels))
       FROM jsonb_to_recordset($1::jsonb) AS x(encounter_id uuid, source_id text, doc_type text, title text,
            author_name text, authored_at timestamptz, body text, labels jsonb)`,
    [JSON.stringify(documents)],
  );
  const lists = charts.flatMap((c, i) =>
    c.lists.map((li, position) => ({
      encounter_id: (written[i] as WrittenChart).encounterId,
      source_id: li.sourceId,
      kind: li.kind,
      text: li.text,
      detail: li.detail ?? null,
      position,
    })),
  );
  await m.query(
    `INSERT INTO chart_list_item (encounter_id, source_id, kind, text, detail, position)
     SELECT encounter_id, source_id, kind, text, detail, position
       FROM jsonb_to_recordset($1::jsonb) AS x(encounter_id uuid, source_id text, kind text, text text, detail text,
            position int)`,
    [JSON.stringify(lists)],
  );
  return written;
}
