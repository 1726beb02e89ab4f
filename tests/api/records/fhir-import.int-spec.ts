import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFhirCommand } from '@chartdesk/api-records';
import { type FhirImportSummary, RecordsPaths } from '@chartdesk/contracts';
import { DataSource } from 'typeorm';
import { type TestUser, createUser } from '../../support/auth';
import { type TestApp, createTestApp } from '../../support/test-app';
import { sampleBundle } from './fhir-bundles';

const url = `/api/${RecordsPaths.fhirImport}`;

describe('FHIR R4 import (admin API)', () => {
  let t: TestApp;
  let admin: TestUser;
  let coder: TestUser;
  let supervisor: TestUser;
  let compliance: TestUser;

  const post = (user: TestUser, payload: unknown) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${user.accessToken}`, 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    });
  const count = async (sql: string, params: unknown[]): Promise<number> =>
    Number(((await t.app.get(DataSource).query(sql, params)) as { n: string }[])[0]?.n);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createUser(t.app, { role: 'ADMIN' });
    coder = await createUser(t.app, { role: 'CODER' });
    supervisor = await createUser(t.app, { role: 'SUPERVISOR' });
    compliance = await createUser(t.app, { role: 'COMPLIANCE' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('imports a bundle, maps labels, encrypts the SSN, keeps script text inert, and answers without patient data', async () => {
    const { bundle, mrn } = sampleBundle();
    const res = await post(admin, bundle);
    expect(res.statusCode).toBe(200);
    const summary = res.json<FhirImportSummary>();
    expect(summary).toMatchObject({ bundles: 1, imported: 1, failed: 0 });
    expect(summary.results[0]).toMatchObject({ ok: true, written: 7, skipped: 1, errors: [] });
    // Created vs updated would tell an admin whether the MRN existed.
    expect(summary.results[0]).not.toHaveProperty('created');
    expect(summary.results[0]).not.toHaveProperty('updated');
    expect(res.body).not.toMatch(/Importfamily|999-12|pneumonia|Penicillin/i);
    const db = t.app.get(DataSource);
    const [patient] = (await db.query(
      "SELECT id, ssn_enc, encode(ssn_enc, 'escape') AS raw FROM patient WHERE facility = 'FHIRTEST' AND mrn = $1",
      [mrn],
    )) as { id: string; ssn_enc: Buffer; raw: string }[];
    expect(patient?.ssn_enc).toBeInstanceOf(Buffer);
    expect(patient?.raw).not.toContain('999-12-3456');
    const docs = (await db.query(
      `SELECT d.source_id, d.doc_type, d.labels, d.body FROM clinical_document d
         JOIN encounter e ON e.id = d.encounter_id WHERE e.patient_id = $1 ORDER BY d.source_id`,
      [patient?.id],
    )) as { source_id: string; doc_type: string; labels: string[]; body: string }[];
    expect(docs).toEqual([
      {
        source_id: 'hp-1',
        doc_type: 'HISTORY_AND_PHYSICAL',
        labels: [],
        body: 'Community-acquired pneumonia. <script>alert("x")</script> stays as text.',
      },
      { source_id: 'psy-1', doc_type: 'CONSULT', labels: ['BEHAVIORAL_HEALTH'], body: 'Depressed mood.' },
    ]);
  });

  it('is idempotent by business identifiers', async () => {
    const { bundle, mrn } = sampleBundle();
    await post(admin, bundle);
    const again = await post(admin, bundle);
    // The same answer whether or not the records existed.
    expect(again.json<FhirImportSummary>().results[0]).toEqual(
      (await post(admin, sampleBundle().bundle)).json<FhirImportSummary>().results[0],
    );
    expect(await count("SELECT count(*) AS n FROM patient WHERE facility = 'FHIRTEST' AND mrn = $1", [mrn])).toBe(1);
    expect(
      await count(
        `SELECT count(*) AS n FROM clinical_document d JOIN encounter e ON e.id = d.encounter_id
           JOIN patient p ON p.id = e.patient_id WHERE p.mrn = $1`,
        [mrn],
      ),
    ).toBe(2);
  });

  it('does not apply a changed name or birth date for an existing MRN: a conflict, audited per patient', async () => {
    const first = sampleBundle();
    const firstAnswer = (await post(admin, first.bundle)).json<FhirImportSummary>();
    const changed = sampleBundle(first.mrn.replace(/^FHIR/, ''));
    expect(changed.mrn).toBe(first.mrn);
    const patient = changed.bundle.entry?.[0]?.resource as unknown as Record<string, unknown>;
    patient['name'] = [{ family: 'Renamedfamily', given: ['Other'] }];
    patient['birthDate'] = '1990-09-09';
    const res = await post(admin, changed.bundle);
    expect(res.statusCode).toBe(200);
    // The admin's answer is the same as for a first import: nothing says the MRN existed.
    expect(res.json<FhirImportSummary>()).toEqual(firstAnswer);
    const db = t.app.get(DataSource);
    const [row] = (await db.query(
      "SELECT id, family_name, to_char(birth_date, 'YYYY-MM-DD') AS birth_date FROM patient WHERE facility = 'FHIRTEST' AND mrn = $1",
      [first.mrn],
    )) as { id: string; family_name: string; birth_date: string }[];
    expect(row).toMatchObject({ family_name: expect.stringMatching(/^Importfamily/), birth_date: '1971-02-03' });
    const events = (await db.query(
      `SELECT outcome, outcome_reason, details FROM audit_event
        WHERE action = 'FHIR_IMPORTED' AND patient_id = $1 ORDER BY id`,
      [row?.id],
    )) as { outcome: string; outcome_reason: string; details: { fields: string[] } }[];
    expect(events).toEqual([
      {
        outcome: 'denied',
        outcome_reason: 'demographic-conflict',
        details: expect.objectContaining({ fields: ['familyName', 'givenName', 'birthDate'] }),
      },
    ]);
    expect(JSON.stringify(events)).not.toContain('Renamedfamily');
  });

  it('writes nothing from a bad bundle, names the resource, and carries on with the next', async () => {
    const good = sampleBundle();
    const bad = sampleBundle();
    const encounter = bad.bundle.entry?.[1]?.resource as unknown as Record<string, unknown>;
    encounter['period'] = { start: 42 };
    const res = await post(admin, { bundles: [bad.bundle, good.bundle] });
    const summary = res.json<FhirImportSummary>();
    expect(summary).toMatchObject({ bundles: 2, imported: 1, failed: 1 });
    expect(summary.results[0]?.errors).toEqual(['Encounter (entry 1): period.start must be a string']);
    expect(await count('SELECT count(*) AS n FROM patient WHERE mrn = $1', [bad.mrn])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM patient WHERE mrn = $1', [good.mrn])).toBe(1);
  });

  it.each([
    [
      'a huge string',
      (b: ReturnType<typeof sampleBundle>) => {
        (b.bundle.entry?.[0]?.resource as unknown as { name: unknown[] }).name = [
          { family: 'x'.repeat(5000), given: ['A'] },
        ];
      },
      /Patient \(entry 0\): name\[0\]\.family is longer than 200 characters/,
    ],
    [
      'a wrong type',
      (b: ReturnType<typeof sampleBundle>) => {
        (b.bundle.entry?.[0]?.resource as unknown as { birthDate: unknown }).birthDate = { $gt: '' };
      },
      /Patient \(entry 0\): birthDate must be a string/,
    ],
    [
      'a non-text attachment',
      (b: ReturnType<typeof sampleBundle>) => {
        const doc = b.bundle.entry?.[2]?.resource as unknown as { content: [{ attachment: Record<string, unknown> }] };
        doc.content[0].attachment['contentType'] = 'application/pdf';
      },
      /DocumentReference\/hp-1 \(entry 2\): content\[0\]\.attachment\.contentType must be text\/plain or text\/html/,
    ],
    [
      'a dangling encounter reference',
      (b: ReturnType<typeof sampleBundle>) => {
        (b.bundle.entry?.[4]?.resource as unknown as { encounter: unknown }).encounter = {
          reference: 'Encounter/nope',
        };
      },
      /encounter reference is not an Encounter in this bundle/,
    ],
    [
      'an unknown security code only',
      (b: ReturnType<typeof sampleBundle>) => {
        (b.bundle.entry?.[1]?.resource as unknown as { meta: unknown }).meta = { security: [{ code: 12 }] };
      },
      /Encounter \(entry 1\): meta\.security\[0\]\.code must be a string/,
    ],
  ])('refuses a bundle with %s, naming the resource and storing nothing', async (_n, spoil, message) => {
    const b = sampleBundle();
    spoil(b);
    const res = await post(admin, b.bundle);
    expect(res.statusCode).toBe(200);
    const result = res.json<FhirImportSummary>().results[0];
    expect(result?.ok).toBe(false);
    expect(result?.errors.join('\n')).toMatch(message);
    expect(res.body).not.toContain('xxxxxxxxxx');
    expect(await count('SELECT count(*) AS n FROM patient WHERE mrn = $1', [b.mrn])).toBe(0);
  });

  it('answers 400 for a body that is not a bundle', async () => {
    const res = await post(admin, { resourceType: 'Patient' });
    expect(res.statusCode).toBe(400);
    const notBundle = await post(admin, { bundles: [{ resourceType: 'Patient' }] });
    expect(notBundle.json<FhirImportSummary>().results[0]?.errors).toEqual(['not a FHIR Bundle']);
  });

  it('is for admins only', async () => {
    for (const who of [coder, supervisor, compliance]) {
      const { bundle, mrn } = sampleBundle();
      const res = await post(who, bundle);
      expect(res.statusCode).toBe(403);
      expect(await count('SELECT count(*) AS n FROM patient WHERE mrn = $1', [mrn])).toBe(0);
    }
  });

  it('imports a folder of .json and .ndjson files from the CLI, reporting the bad bundle and going on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chartdesk-fhir-'));
    try {
      const one = sampleBundle();
      const two = sampleBundle();
      const three = sampleBundle();
      writeFileSync(join(dir, 'a.json'), JSON.stringify(one.bundle));
      writeFileSync(
        join(dir, 'b.ndjson'),
        `${JSON.stringify(two.bundle)}\n{"resourceType":"Bundle","type":"searchset"}\n`,
      );
      writeFileSync(join(dir, 'c.json'), JSON.stringify({ bundles: [three.bundle] }));
      const lines: string[] = [];
      const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
      let code: number;
      try {
        code = await importFhirCommand(t.config, [dir, '--facility', 'CLI']);
      } finally {
        log.mockRestore();
      }
      expect(code).toBe(1);
      expect(lines.join('\n')).toMatch(/Imported 3 of 4 bundle\(s\).*1 bundle\(s\) failed/);
      expect(lines.join('\n')).toMatch(/b\.ndjson:2:\s+Bundle\.type must be transaction or collection/);
      for (const b of [one, two, three]) {
        expect(await count('SELECT count(*) AS n FROM patient WHERE mrn = $1', [b.mrn])).toBe(1);
      }
      expect(lines.join('\n')).not.toContain('Importfamily');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
