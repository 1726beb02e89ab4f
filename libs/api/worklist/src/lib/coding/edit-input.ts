import type { ChartCodes, EditInput, EncounterType } from '@chartdesk/contracts';
import type { EntityManager } from 'typeorm';
import { oneRow } from '../status/returning-rows';

export interface EditPatientContext {
  readonly type: EncounterType;
  readonly dateOfService: string;
  readonly ageYears: number;
  readonly sex: 'female' | 'male' | 'other' | 'unknown';
  readonly payer: string;
}

/** Age in whole years on the date of service, the age the edits use. */
const CONTEXT_SQL = `
SELECT e.encounter_type AS type,
       COALESCE(to_char(e.service_date, 'YYYY-MM-DD'),
                to_char(COALESCE(e.discharged_at, e.admitted_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD')) AS dos,
       date_part('year', age(COALESCE(e.service_date, (e.admitted_at AT TIME ZONE 'UTC')::date), p.birth_date))::int AS age,
       p.sex, COALESCE(e.payer_name, p.payer_name, '') AS payer
  FROM records_charts e JOIN records_patients p ON p.id = e.patient_id WHERE e.id = $1`;

/** The few patient facts the edit engine needs; read only after the policy allowed the caller in. */
export async function loadEditContext(m: EntityManager, encounterId: string): Promise<EditPatientContext> {
  const row = oneRow(
    (await m.query(CONTEXT_SQL, [encounterId])) as {
      type: EncounterType;
      dos: string;
      age: number;
      sex: EditPatientContext['sex'];
      payer: string;
    }[],
  );
  return { type: row.type, dateOfService: row.dos, ageYears: row.age, sex: row.sex, payer: row.payer };
}

export function editInputOf(context: EditPatientContext, codes: ChartCodes): EditInput {
  return {
    encounter: {
      type: context.type,
      dateOfService: context.dateOfService,
      patientAgeYears: context.ageYears,
      patientSex: context.sex,
      payer: context.payer,
    },
    diagnoses: codes.diagnoses.map((d) => ({ sequence: d.sequence, code: d.code, poa: d.poa })),
    procedures: codes.procedures.map((p) => ({
      sequence: p.sequence,
      system: p.system,
      code: p.code,
      modifiers: p.modifiers,
      units: p.units,
      diagnosisPointers: p.diagnosisPointers,
    })),
  };
}
