import { randomBytes } from 'node:crypto';
import type { Bundle, BundleEntry } from '@medplum/fhirtypes';
import { type BoardResponse, RecordsPaths, WorklistPaths, apiUrl } from '@chartdesk/contracts';

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

const PARAGRAPH =
  'Patient seen on rounds. Afebrile overnight, oxygen saturation 95 percent on room air. Lungs with scattered ' +
  'crackles at the right base, improving. Continue antibiotics, encourage ambulation and incentive spirometry. ' +
  'Blood glucose controlled on home regimen; blood pressure at goal. Discussed plan with the patient and family.';

/** A synthetic inpatient stay with `documents` progress notes, as one FHIR transaction bundle. */
export function stayWithDocuments(documents: number): { bundle: Bundle; encounterNumber: string } {
  const tag = randomBytes(4).toString('hex');
  const encounterNumber = `BENCH${tag}`;
  const notes: BundleEntry[] = Array.from({ length: documents }, (_, i) => ({
    resource: {
      resourceType: 'DocumentReference',
      status: 'current',
      id: `note-${i}`,
      type: { coding: [{ system: 'http://loinc.org', code: '11506-3' }] },
      author: [{ display: 'Dr Bench Attending' }],
      date: new Date(Date.UTC(2026, 1, 1, 8) + i * 3_600_000).toISOString(),
      context: { encounter: [{ reference: `urn:uuid:encounter-${tag}` }] },
      content: [
        {
          attachment: {
            contentType: 'text/plain',
            title: `Progress note ${i + 1}`,
            data: b64(`${PARAGRAPH}\n`.repeat(6) + `Day ${i + 1}: community-acquired pneumonia, improving.`),
          },
        },
      ],
    },
  }));
  const bundle: Bundle = {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        fullUrl: `urn:uuid:patient-${tag}`,
        resource: {
          resourceType: 'Patient',
          identifier: [{ type: { coding: [{ code: 'MR' }] }, value: `BM${tag}`, assigner: { display: 'BENCH' } }],
          name: [{ family: `Benchfamily${tag}`, given: ['Ben'] }],
          gender: 'male',
          birthDate: '1955-04-03',
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
          period: { start: '2026-02-01T08:00:00Z', end: '2026-02-06T12:00:00Z' },
          participant: [
            {
              type: [{ coding: [{ code: 'ATND' }] }],
              individual: {
                display: 'Dr Bench Attending',
                identifier: { system: 'http://hl7.org/fhir/sid/us-npi', value: '1234567893' },
              },
            },
          ],
        },
      },
      ...notes,
    ],
  };
  return { bundle, encounterNumber };
}

async function ok<T>(res: Response, what: string): Promise<T> {
  if (!res.ok) throw new Error(`${what}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Imports the stay as the admin and assigns it to the coder as their supervisor; returns the encounter id. */
export async function importAndAssign(
  baseUrl: string,
  tokens: { admin: string; supervisor: string },
  coderId: string,
  documents: number,
): Promise<string> {
  const { bundle, encounterNumber } = stayWithDocuments(documents);
  await ok(
    await fetch(`${baseUrl}${apiUrl(RecordsPaths.fhirImport)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/json' },
      body: JSON.stringify(bundle),
    }),
    'FHIR import',
  );
  const board = await ok<BoardResponse>(
    await fetch(`${baseUrl}${apiUrl(WorklistPaths.board)}`, {
      headers: { authorization: `Bearer ${tokens.supervisor}` },
    }),
    'board',
  );
  const chart = board.pool.find((p) => p.encounterNumber === encounterNumber);
  if (!chart) throw new Error(`imported chart ${encounterNumber} is not in the pool`);
  await ok(
    await fetch(`${baseUrl}${apiUrl(WorklistPaths.assignments)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.supervisor}`, 'content-type': 'application/json' },
      body: JSON.stringify({ encounterIds: [chart.encounterId], coderId, priority: 1 }),
    }),
    'assign',
  );
  return chart.encounterId;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;
