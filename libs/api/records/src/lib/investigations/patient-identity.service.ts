import { AuditService } from '@chartdesk/api-audit';
import type { Actor, RequestMeta } from '@chartdesk/api-platform';
import type { EncounterAccessMetadata, PatientIdentityView, SensitivityLabel } from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import { DomainError } from '@chartdesk/api-platform';
import type { EntityManager } from 'typeorm';
import { FieldCipherProvider } from '../crypto/field-cipher.provider';

interface IdentityRow {
  id: string;
  facility: string;
  mrn: string;
  family_name: string;
  given_name: string;
  birth_date: string;
  ssn_enc: Buffer | null;
  is_employee: boolean;
  is_vip: boolean;
  encounters: {
    encounterId: string;
    encounterNumber: string;
    type: EncounterAccessMetadata['type'];
    startDate: string;
    labels: SensitivityLabel[];
    assignments: { coderId: string; active: boolean; assignedAt: string }[] | null;
    grants: { userId: string; grantedAt: string; expiresAt: string }[] | null;
  }[];
}

const IDENTITY_SQL = `
SELECT p.id, p.facility, p.mrn, p.family_name, p.given_name, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date,
       p.ssn_enc, p.is_employee, p.is_vip,
       COALESCE((SELECT json_agg(json_build_object(
           'encounterId', e.id, 'encounterNumber', e.encounter_number, 'type', e.encounter_type,
           'startDate', COALESCE(to_char(e.service_date, 'YYYY-MM-DD'), to_char(e.admitted_at, 'YYYY-MM-DD')),
           'labels', e.labels || COALESCE((SELECT array_agg(DISTINCT l) FROM clinical_document d, unnest(d.labels) l
                                            WHERE d.encounter_id = e.id), '{}'),
           'assignments', (SELECT json_agg(json_build_object('coderId', a.coder_id, 'active', a.active,
                              'assignedAt', a.assigned_at) ORDER BY a.assigned_at) FROM assignment a
                            WHERE a.encounter_id = e.id),
           'grants', (SELECT json_agg(json_build_object('userId', g.user_id, 'grantedAt', g.granted_at,
                         'expiresAt', g.expires_at) ORDER BY g.granted_at) FROM break_glass_grant g
                       WHERE g.encounter_id = e.id)) ORDER BY e.encounter_number)
         FROM encounter e WHERE e.patient_id = p.id), '[]') AS encounters
  FROM patient p
 WHERE p.facility = $1 AND p.mrn = $2`;

/**
 * Compliance's view without an investigation: identifiers and who was given
 * access — no clinical content, no contact details.
 */
@Injectable()
export class PatientIdentityService {
  constructor(
    private readonly audit: AuditService,
    private readonly cipher: FieldCipherProvider,
  ) {}

  async lookup(actor: Actor, meta: RequestMeta, facility: string, mrn: string): Promise<PatientIdentityView> {
    const view = await this.audit.withAudit(
      async (m: EntityManager) => {
        const [row] = (await m.query(IDENTITY_SQL, [facility, mrn])) as IdentityRow[];
        return row ? this.project(row) : null;
      },
      (found) => ({
        action: 'PATIENT_SEARCHED',
        outcome: 'success',
        actor,
        meta,
        patientId: found?.patientId ?? null,
        resourceType: 'Patient',
        details: { found: found !== null },
      }),
    );
    if (!view) throw new DomainError('NOT_FOUND', 'No patient with that MRN at that facility.');
    return view;
  }

  private project(row: IdentityRow): PatientIdentityView {
    const ssn = row.ssn_enc ? this.cipher.cipher.decrypt(row.ssn_enc, row.id) : null;
    return {
      patientId: row.id,
      facility: row.facility,
      mrn: row.mrn,
      name: { family: row.family_name, given: row.given_name },
      birthDate: row.birth_date,
      ssnLast4: ssn ? ssn.replace(/\D/g, '').slice(-4) : null,
      isEmployee: row.is_employee,
      isVip: row.is_vip,
      encounters: row.encounters.map((e) => ({
        encounterId: e.encounterId,
        encounterNumber: e.encounterNumber,
        type: e.type,
        startDate: e.startDate,
        sensitivityLabels: [...new Set(e.labels)].sort(),
        assignments: (e.assignments ?? []).map((a) => ({
          coderId: a.coderId,
          active: a.active,
          assignedAt: new Date(a.assignedAt).toISOString(),
        })),
        breakGlassGrants: (e.grants ?? []).map((g) => ({
          userId: g.userId,
          grantedAt: new Date(g.grantedAt).toISOString(),
          expiresAt: new Date(g.expiresAt).toISOString(),
        })),
      })),
    };
  }
}
