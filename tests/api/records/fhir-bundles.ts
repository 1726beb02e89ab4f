import { randomBytes } from 'node:crypto';
import type { Bundle } from '@medplum/fhirtypes';

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

/** A synthetic inpatient stay as a FHIR transaction bundle. */
export function sampleBundle(tag = randomBytes(4).toString('hex')): {
  bundle: Bundle;
  mrn: string;
  encounterNumber: string;
} {
  const mrn = `FHIR${tag}`;
  const encounterNumber = `V${tag}`;
  const bundle: Bundle = {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        fullUrl: `urn:uuid:patient-${tag}`,
        resource: {
          resourceType: 'Patient',
          identifier: [
            { type: { coding: [{ code: 'MR' }] }, value: mrn, assigner: { display: 'FHIRTEST' } },
            { system: 'http://hl7.org/fhir/sid/us-ssn', value: '999-12-3456' },
          ],
          name: [{ family: `Importfamily${tag}`, given: ['Ima'] }],
          gender: 'male',
          birthDate: '1971-02-03',
          telecom: [{ system: 'phone', value: '555-0199' }],
          address: [{ line: ['9 Import Way'], city: 'Salem', state: 'OR', postalCode: '97301' }],
        },
      },
      {
        fullUrl: `urn:uuid:encounter-${tag}`,
        resource: {
          resourceType: 'Encounter',
          status: 'finished',
          identifier: [{ value: encounterNumber }],
          class: { code: 'IMP' },
          subject: { reference: `urn:uuid:patient-${tag}` },
          period: { start: '2026-02-01T10:00:00Z', end: '2026-02-03T15:00:00Z' },
          participant: [
            {
              type: [{ coding: [{ code: 'ATND' }] }],
              individual: {
                display: 'Dr Fhir Attending',
                identifier: { system: 'http://hl7.org/fhir/sid/us-npi', value: '1234567893' },
              },
            },
          ],
          hospitalization: { dischargeDisposition: { text: 'Home' } },
        },
      },
      {
        resource: {
          resourceType: 'DocumentReference',
          status: 'current',
          id: 'hp-1',
          type: { coding: [{ system: 'http://loinc.org', code: '34117-2' }] },
          author: [{ display: 'Dr Fhir Attending' }],
          date: '2026-02-01T11:00:00Z',
          context: { encounter: [{ reference: `urn:uuid:encounter-${tag}` }] },
          content: [
            {
              attachment: {
                contentType: 'text/plain',
                title: 'History and physical',
                data: b64('Community-acquired pneumonia. <script>alert("x")</script> stays as text.'),
              },
            },
          ],
        },
      },
      {
        resource: {
          resourceType: 'DocumentReference',
          status: 'current',
          id: 'psy-1',
          meta: { security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'PSY' }] },
          type: { coding: [{ system: 'http://loinc.org', code: '11488-4' }] },
          author: [{ display: 'Dr Fhir Consultant' }],
          date: '2026-02-02T11:00:00Z',
          context: { encounter: [{ reference: `urn:uuid:encounter-${tag}` }] },
          content: [
            {
              attachment: {
                contentType: 'text/html',
                title: 'Psychiatry consult',
                data: b64('<p>Depressed mood.</p><script>steal()</script><img src=x onerror=alert(1)>'),
              },
            },
          ],
        },
      },
      {
        resource: {
          resourceType: 'Condition',
          id: 'c1',
          subject: { reference: `urn:uuid:patient-${tag}` },
          encounter: { reference: `urn:uuid:encounter-${tag}` },
          code: { text: 'Pneumonia' },
        },
      },
      {
        resource: {
          resourceType: 'MedicationRequest',
          id: 'm1',
          status: 'active',
          intent: 'order',
          subject: { reference: `urn:uuid:patient-${tag}` },
          encounter: { reference: `urn:uuid:encounter-${tag}` },
          medicationCodeableConcept: { text: 'Ceftriaxone 1 g IV daily' },
        },
      },
      {
        resource: {
          resourceType: 'AllergyIntolerance',
          id: 'a1',
          patient: { reference: `urn:uuid:patient-${tag}` },
          encounter: { reference: `urn:uuid:encounter-${tag}` },
          code: { text: 'Penicillin' },
        },
      },
      { resource: { resourceType: 'Observation', id: 'o1', status: 'final', code: { text: 'ignored' } } },
    ],
  };
  return { bundle, mrn, encounterNumber };
}
