import { randomBytes } from 'node:crypto';
import { FieldCipherProvider, RecordStore } from '@chartdesk/api-records';
import type { DocumentType, EncounterType, SensitivityLabel } from '@chartdesk/contracts';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';

export interface ChartFixture {
  readonly patientId: string;
  readonly encounterId: string;
  readonly mrn: string;
  readonly familyName: string;
  readonly documentIds: string[];
}

export interface ChartSpec {
  readonly encounterLabels?: SensitivityLabel[];
  readonly documents?: { labels?: SensitivityLabel[]; type?: DocumentType; text?: string }[];
  readonly type?: EncounterType;
  readonly isVip?: boolean;
  readonly patientId?: string;
}

/** A synthetic chart written through the same store the importer uses. */
export async function createChart(app: NestFastifyApplication, spec: ChartSpec = {}): Promise<ChartFixture> {
  const tag = randomBytes(4).toString('hex');
  const familyName = `Testfamily${tag}`;
  const mrn = `MRN${tag}`;
  return app.get(DataSource).transaction(async (m) => {
    const store = new RecordStore(m, app.get(FieldCipherProvider).cipher);
    const patientId =
      spec.patientId ??
      (
        await store.upsertPatient({
          facility: 'TEST',
          mrn,
          familyName,
          givenName: 'Pat',
          birthDate: '1960-05-20',
          sex: 'female',
          ssn: '123-45-6789',
          addressLine: `1 Secret Lane ${tag}`,
          city: 'Springfield',
          state: 'IL',
          postalCode: '62701',
          phone: '555-0100',
          email: `pat.${tag}@example.test`,
          payerName: 'Acme Health',
          memberId: `MEMBER${tag}`,
          isVip: spec.isVip ?? false,
        })
      ).id;
    const type = spec.type ?? 'OUTPATIENT';
    const encounter = await store.upsertEncounter(patientId, {
      facility: 'TEST',
      encounterNumber: `ENC${tag}`,
      type,
      admittedAt: type === 'INPATIENT' ? new Date('2026-03-01T08:00:00Z') : null,
      dischargedAt: type === 'INPATIENT' ? new Date('2026-03-04T12:00:00Z') : null,
      serviceDate: type === 'INPATIENT' ? null : '2026-03-01',
      providers: [{ role: 'ATND', name: 'Dr Demo Attending', npi: '1234567893' }],
      payerName: 'Acme Health',
      labels: spec.encounterLabels ?? [],
    });
    const documentIds: string[] = [];
    for (const [i, d] of (spec.documents ?? [{}]).entries()) {
      const doc = await store.upsertDocument(encounter.id, {
        sourceId: `doc-${i}`,
        type: d.type ?? 'PROGRESS_NOTE',
        title: `Note ${i}`,
        authorName: 'Dr Demo Author',
        authoredAt: new Date('2026-03-01T09:00:00Z'),
        text: d.text ?? `Clinical text ${i} for ${familyName}`,
        labels: d.labels ?? [],
      });
      documentIds.push(doc.id);
    }
    await store.upsertListItem(encounter.id, { sourceId: 'p1', kind: 'PROBLEM', text: 'Essential hypertension' }, 0);
    return { patientId, encounterId: encounter.id, mrn, familyName, documentIds };
  });
}

export async function assign(app: NestFastifyApplication, encounterId: string, coderId: string): Promise<string> {
  return app
    .get(DataSource)
    .transaction((m) => new RecordStore(m, app.get(FieldCipherProvider).cipher).assign(encounterId, coderId, null));
}

export async function createTeam(app: NestFastifyApplication): Promise<string> {
  const rows = (await app
    .get(DataSource)
    .query('INSERT INTO team (name) VALUES ($1) RETURNING id', [`Team ${randomBytes(4).toString('hex')}`])) as {
    id: string;
  }[];
  const id = rows[0]?.id;
  if (!id) throw new Error('team insert returned no row');
  return id;
}

export interface AuditRow {
  action: string;
  outcome: string;
  outcome_reason: string | null;
  purpose: string | null;
  patient_id: string | null;
}

export async function auditFor(app: NestFastifyApplication, userId: string, resourceId: string): Promise<AuditRow[]> {
  return (await app.get(DataSource).query(
    `SELECT action, outcome, outcome_reason, purpose, patient_id FROM audit_event
      WHERE actor_user_id = $1 AND resource_id = $2 ORDER BY id`,
    [userId, resourceId],
  )) as AuditRow[];
}
