import { randomBytes } from 'node:crypto';
import type { SensitivityLabel } from '@chartdesk/contracts';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';

export const FACILITY = 'COMPLIANCE-TEST';

export interface PatientOptions {
  readonly familyName?: string;
  readonly givenName?: string;
  readonly isVip?: boolean;
  readonly isEmployee?: boolean;
  readonly addressLine?: string;
  readonly postalCode?: string;
  readonly labels?: readonly SensitivityLabel[];
}

export interface ChartFixture {
  readonly patientId: string;
  readonly encounterId: string;
  readonly mrn: string;
}

/** A synthetic patient with one outpatient encounter (no clinical documents needed for access tests). */
export async function createChart(app: NestFastifyApplication, opts: PatientOptions = {}): Promise<ChartFixture> {
  const ds = app.get(DataSource);
  const mrn = `CT${randomBytes(5).toString('hex').toUpperCase()}`;
  const [p] = (await ds.query(
    `INSERT INTO patient (facility, mrn, family_name, given_name, birth_date, sex, is_vip, is_employee, address_line, postal_code)
     VALUES ($1, $2, $3, $4, '1970-01-01', 'female', $5, $6, $7, $8) RETURNING id`,
    [
      FACILITY,
      mrn,
      opts.familyName ?? `Testpatient${randomBytes(3).toString('hex')}`,
      opts.givenName ?? 'Alex',
      opts.isVip ?? false,
      opts.isEmployee ?? false,
      opts.addressLine ?? null,
      opts.postalCode ?? null,
    ],
  )) as { id: string }[];
  if (!p) throw new Error('patient insert returned nothing');
  const [e] = (await ds.query(
    `INSERT INTO encounter (patient_id, facility, encounter_number, encounter_type, service_date, labels)
     VALUES ($1, $2, $3, 'OUTPATIENT', '2026-10-01', $4) RETURNING id`,
    [p.id, FACILITY, `E-${mrn}`, opts.labels ?? []],
  )) as { id: string }[];
  if (!e) throw new Error('encounter insert returned nothing');
  return { patientId: p.id, encounterId: e.id, mrn };
}

export async function assign(app: NestFastifyApplication, encounterId: string, coderId: string): Promise<void> {
  await app
    .get(DataSource)
    .query('INSERT INTO assignment (encounter_id, coder_id) VALUES ($1, $2)', [encounterId, coderId]);
}
