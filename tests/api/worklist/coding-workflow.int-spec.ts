import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemoCodeSets } from '@chartdesk/api-codesets';
import {
  type ChartView,
  type EditFinding,
  type NextChartResponse,
  type ProviderQueryView,
  type OpenQueryEntry,
  type QueueResponse,
  type SaveCodesResponse,
  type SubmitResponse,
  type TransitionResponse,
  RecordsPaths,
  WorklistPaths,
  findingKey,
  worklistPath,
} from '@chartdesk/contracts';
import { DataSource } from 'typeorm';
import { type TestUser, createTeam, createUser, signIn } from '../../support/auth';
import { type TestApp, createTestApp } from '../../support/test-app';
import { createChart } from '../records/records-fixtures';
import {
  CLEAN_CODES,
  ERROR_CODES,
  WARNING_CODES,
  auditActions,
  call,
  chartPath,
  openWorkspace,
  statusOf,
  workerName,
} from './worklist-fixtures';

describe('coding a chart: workspace, lease, versions, submit, query, return (real AppModule)', () => {
  let t: TestApp;
  let supervisor: TestUser;
  let coder: TestUser;
  let otherCoder: TestUser;

  async function assigned(to: TestUser = coder, spec: Parameters<typeof createChart>[1] = {}): Promise<string> {
    const chart = await createChart(t.app, spec);
    const res = await call(t.app, supervisor, 'POST', WorklistPaths.assignments, {
      encounterIds: [chart.encounterId],
      coderId: to.user.id,
    });
    expect(res.status).toBe(200);
    return chart.encounterId;
  }

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoCodeSets(t.app.get(DataSource));
    const teamId = await createTeam(t.app);
    supervisor = await createUser(t.app, { role: 'SUPERVISOR', teamId });
    coder = await createUser(t.app, { role: 'CODER', username: workerName(), teamId, specialties: ['OUTPATIENT'] });
    otherCoder = await createUser(t.app, {
      role: 'CODER',
      username: workerName(),
      teamId,
      specialties: ['OUTPATIENT'],
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('Next chart takes the highest priority, then the oldest due date', async () => {
    const low = await assigned();
    const urgentLate = await assigned();
    const urgentEarly = await assigned();
    const set = (ids: string[], priority: number, dueDate: string) =>
      call(t.app, supervisor, 'POST', WorklistPaths.assignments, {
        encounterIds: ids,
        coderId: coder.user.id,
        priority,
        dueDate,
      });
    expect((await set([low], 4, '2026-01-01')).status).toBe(200);
    expect((await set([urgentLate], 1, '2026-12-31')).status).toBe(200);
    expect((await set([urgentEarly], 1, '2026-06-01')).status).toBe(200);
    const next = await call<NextChartResponse>(t.app, coder, 'POST', WorklistPaths.next);
    expect(next.body).toEqual({ encounterId: urgentEarly, source: 'QUEUE' });
    const queue = await call<QueueResponse>(t.app, coder, 'GET', WorklistPaths.queue);
    const order = queue.body.entries.map((e) => e.encounterId);
    expect(order.indexOf(urgentEarly)).toBeLessThan(order.indexOf(urgentLate));
    expect(order.indexOf(urgentLate)).toBeLessThan(order.indexOf(low));
    // tidy: these three leave the queue so later tests start clean
    await call(t.app, supervisor, 'POST', WorklistPaths.unassignments, {
      encounterIds: [low, urgentLate, urgentEarly],
    });
  });

  it('runs the whole journey: open, save with an error, fix, acknowledge a warning, submit; it leaves the queue', async () => {
    const id = await assigned();
    const open = await openWorkspace(t.app, coder, id);
    expect(open.status).toBe(200);
    expect(open.body.status).toBe('IN_PROGRESS');
    expect(open.body.lease.heldByMe).toBe(true);

    const bad = await call<SaveCodesResponse>(t.app, coder, 'PUT', chartPath(WorklistPaths.codes, id), {
      expectedVersion: open.body.version,
      ...ERROR_CODES,
    });
    expect(bad.status).toBe(200);
    expect(bad.body.codingVersion.findings.map((f: EditFinding) => [f.ruleId, f.severity])).toContainEqual([
      'NON_BILLABLE_CODE',
      'ERROR',
    ]);

    const blocked = await call(t.app, coder, 'POST', chartPath(WorklistPaths.submit, id), {
      expectedVersion: bad.body.version,
      ...ERROR_CODES,
      acknowledgedWarnings: [],
    });
    expect(blocked.status).toBe(400);
    expect(await statusOf(t.app, id)).toBe('IN_PROGRESS');

    const codes = { diagnoses: [...WARNING_CODES.diagnoses, { sequence: 3, code: 'J189', poa: null }], procedures: [] };
    const unacked = await call<{ details: { unacknowledged: string[] } }>(
      t.app,
      coder,
      'POST',
      chartPath(WorklistPaths.submit, id),
      { expectedVersion: bad.body.version, ...codes, acknowledgedWarnings: [] },
    );
    expect(unacked.status).toBe(400);
    const warningKeys = unacked.body.details.unacknowledged;
    expect(warningKeys.some((k) => k.startsWith('EXCLUDES1_PAIR:'))).toBe(true);

    const submitted = await call<SubmitResponse>(t.app, coder, 'POST', chartPath(WorklistPaths.submit, id), {
      expectedVersion: bad.body.version,
      ...codes,
      acknowledgedWarnings: warningKeys,
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('SUBMITTED');
    expect(submitted.body.codingVersion).toMatchObject({
      kind: 'SUBMISSION',
      number: 2,
      acknowledgedWarnings: warningKeys,
    });
    expect(submitted.body.codingVersion.findings.every((f) => f.severity === 'WARNING')).toBe(true);
    expect(submitted.body.codingVersion.findings.map(findingKey)).toEqual(warningKeys);

    const queue = await call<QueueResponse>(t.app, coder, 'GET', WorklistPaths.queue);
    expect(queue.body.entries.map((e) => e.encounterId)).not.toContain(id);
    expect(await auditActions(t.app, id)).toEqual([
      'STATUS_CHANGED',
      'ASSIGNED',
      'STATUS_CHANGED',
      'CHART_VIEWED',
      'CODES_SAVED',
      'STATUS_CHANGED',
      'CODES_SUBMITTED',
    ]);
    const versions = (await t.app
      .get(DataSource)
      .query('SELECT number, kind FROM coding_version WHERE encounter_id = $1 ORDER BY number', [id])) as unknown[];
    expect(versions).toEqual([
      { number: 1, kind: 'DRAFT' },
      { number: 2, kind: 'SUBMISSION' },
    ]);

    // an illegal transition answers 409 with the current state, and changes nothing
    const late = await call(t.app, coder, 'PUT', chartPath(WorklistPaths.codes, id), {
      expectedVersion: submitted.body.version,
      ...CLEAN_CODES,
    });
    expect(late.status).toBe(409);
    expect(late.error.details).toMatchObject({ currentStatus: 'SUBMITTED' });
  });

  it('refuses a diagnosis code entered twice (with or without the dot) at entry', async () => {
    const id = await assigned();
    const open = await openWorkspace(t.app, coder, id);
    const twice = await call(t.app, coder, 'PUT', chartPath(WorklistPaths.codes, id), {
      expectedVersion: open.body.version,
      diagnoses: [
        { sequence: 1, code: 'J18.9', poa: null },
        { sequence: 2, code: 'j189', poa: null },
      ],
      procedures: [],
    });
    expect(twice.status).toBe(400);
    expect(JSON.stringify(twice.error)).toMatch(/only once/);
    expect((await openWorkspace(t.app, coder, id)).body.latest).toBeNull();
  });

  it('keeps coding versions immutable in the database', async () => {
    const id = await assigned();
    const open = await openWorkspace(t.app, coder, id);
    await call(t.app, coder, 'PUT', chartPath(WorklistPaths.codes, id), {
      expectedVersion: open.body.version,
      ...CLEAN_CODES,
    });
    await expect(
      t.app.get(DataSource).query(`UPDATE coding_version SET codes = '{}' WHERE encounter_id = $1`, [id]),
    ).rejects.toThrow(/immutable/);
    await expect(
      t.app.get(DataSource).query('DELETE FROM coding_version WHERE encounter_id = $1', [id]),
    ).rejects.toThrow(/immutable/);
  });

  it('refuses a stale version with 409 and loses no update', async () => {
    const id = await assigned();
    const open = await openWorkspace(t.app, coder, id);
    const first = await call<SaveCodesResponse>(t.app, coder, 'PUT', chartPath(WorklistPaths.codes, id), {
      expectedVersion: open.body.version,
      ...CLEAN_CODES,
    });
    expect(first.status).toBe(200);
    const stale = await call(t.app, coder, 'PUT', chartPath(WorklistPaths.codes, id), {
      expectedVersion: open.body.version,
      ...WARNING_CODES,
    });
    expect(stale.status).toBe(409);
    expect(stale.error.details).toMatchObject({ currentVersion: first.body.version });
    const reopened = await openWorkspace(t.app, coder, id);
    expect(reopened.body.latest?.codes).toEqual(CLEAN_CODES);
  });

  it('holds one session per chart: a second session waits until the lease lapses', async () => {
    const id = await assigned();
    expect((await openWorkspace(t.app, coder, id)).status).toBe(200);
    const secondSession = await signIn(t.app, coder.user.username, coder.password, coder.totpSecret);
    const blocked = await call(t.app, secondSession, 'POST', chartPath(WorklistPaths.workspace, id));
    expect(blocked.status).toBe(409);
    expect(blocked.error.details).toMatchObject({ reason: 'LEASE_HELD' });
    expect((await call(t.app, coder, 'PUT', chartPath(WorklistPaths.lease, id))).status).toBe(200);
    // 30 minutes without a heartbeat
    await t.app
      .get(DataSource)
      .query(`UPDATE chart_lease SET expires_at = now() - interval '1 second' WHERE encounter_id = $1`, [id]);
    const taken = await call(t.app, secondSession, 'POST', chartPath(WorklistPaths.workspace, id));
    expect(taken.status).toBe(200);
    const lost = await call(t.app, coder, 'PUT', chartPath(WorklistPaths.lease, id));
    expect(lost.status).toBe(409);
    expect(lost.error.details).toMatchObject({ reason: 'LEASE_LOST' });
    // leaving releases it
    expect((await call(t.app, secondSession, 'DELETE', chartPath(WorklistPaths.lease, id))).status).toBe(204);
    expect((await openWorkspace(t.app, coder, id)).status).toBe(200);
  });

  it('lets the supervisor break a lease; the coder then cannot save, and the break is audited', async () => {
    const id = await assigned();
    const open = await openWorkspace(t.app, coder, id);
    expect((await call(t.app, otherCoder, 'POST', chartPath(WorklistPaths.breakLease, id))).status).toBe(403);
    expect((await call(t.app, supervisor, 'POST', chartPath(WorklistPaths.breakLease, id))).status).toBe(204);
    const save = await call(t.app, coder, 'PUT', chartPath(WorklistPaths.codes, id), {
      expectedVersion: open.body.version,
      ...CLEAN_CODES,
    });
    expect(save.status).toBe(409);
    expect(await auditActions(t.app, id)).toContain('LEASE_BROKEN');
  });

  it('hides the chart from another coder: 404, audited, nothing changes', async () => {
    const id = await assigned();
    for (const [method, path, body] of [
      ['POST', WorklistPaths.workspace, undefined],
      ['PUT', WorklistPaths.codes, { expectedVersion: 1, ...CLEAN_CODES }],
      ['POST', WorklistPaths.submit, { expectedVersion: 1, ...CLEAN_CODES, acknowledgedWarnings: [] }],
    ] as const) {
      const res = await call(t.app, otherCoder, method, chartPath(path, id), body);
      expect(res.status).toBe(404);
    }
    expect(await statusOf(t.app, id)).toBe('ASSIGNED');
    const denials = (await t.app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS n FROM audit_event WHERE actor_user_id = $1 AND resource_id = $2 AND action = 'ACCESS_DENIED'`,
        [otherCoder.user.id, id],
      )) as { n: number }[];
    expect(denials[0]?.n).toBe(3);
  });

  it('puts the chart on hold with a non-leading query and back in progress when answered', async () => {
    const chart = await createChart(t.app, {
      documents: [{ text: 'BNP 1450 pg/mL. Bilateral lower extremity edema. Ejection fraction 30 percent.' }],
    });
    await call(t.app, supervisor, 'POST', WorklistPaths.assignments, {
      encounterIds: [chart.encounterId],
      coderId: coder.user.id,
    });
    const id = chart.encounterId;
    const open = await openWorkspace(t.app, coder, id);
    const draft = {
      expectedVersion: open.body.version,
      indicators: [{ documentId: chart.documentIds[0] ?? '', quote: 'Ejection fraction 30 percent' }],
      question: 'Based on the indicators above, can the type and acuity of the heart failure be clarified?',
      options: ['Acute systolic heart failure', 'Chronic systolic heart failure', 'Other'],
    };
    const invented = await call(t.app, coder, 'POST', chartPath(WorklistPaths.queries, id), {
      ...draft,
      indicators: [{ documentId: chart.documentIds[0] ?? '', quote: 'ejection fraction 10 percent' }],
    });
    expect(invented.status).toBe(400);
    const leading = await call(t.app, coder, 'POST', chartPath(WorklistPaths.queries, id), {
      ...draft,
      question: 'Please document acute systolic heart failure so the DRG is right.',
    });
    expect(leading.status).toBe(400);
    expect(await statusOf(t.app, id)).toBe('IN_PROGRESS');

    const created = await call<ProviderQueryView>(t.app, coder, 'POST', chartPath(WorklistPaths.queries, id), draft);
    expect(created.status).toBe(201);
    expect(created.body.options).toEqual([
      'Acute systolic heart failure',
      'Chronic systolic heart failure',
      'Other (please specify)',
      'Unable to determine',
    ]);
    expect(created.body.attending).toBe('Dr Demo Attending');
    expect(await statusOf(t.app, id)).toBe('ON_HOLD');

    // The team's open queries quote clinical text: shown through the chart policy, audited per query,
    // and a quote from a document beyond the supervisor's clearance is withheld.
    const listed = await call<OpenQueryEntry[]>(t.app, supervisor, 'GET', WorklistPaths.openQueries);
    expect(listed.body.find((q) => q.queryId === created.body.id)?.indicators).toEqual([
      { documentId: chart.documentIds[0], quote: 'Ejection fraction 30 percent' },
    ]);
    const db = t.app.get(DataSource);
    await db.query(`UPDATE clinical_document SET labels = '{HIV_STI}' WHERE id = $1`, [chart.documentIds[0]]);
    const restricted = await call<OpenQueryEntry[]>(t.app, supervisor, 'GET', WorklistPaths.openQueries);
    expect(restricted.body.find((q) => q.queryId === created.body.id)?.indicators).toEqual([
      { documentId: chart.documentIds[0], quote: 'withheld: restricted' },
    ]);
    await db.query(`UPDATE clinical_document SET labels = '{}' WHERE id = $1`, [chart.documentIds[0]]);
    const views = (await db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'CHART_VIEWED' AND resource_type = 'ProviderQuery'
          AND resource_id = $1 AND actor_user_id = $2 AND patient_id = $3`,
      [created.body.id, supervisor.user.id, chart.patientId],
    )) as { n: number }[];
    expect(views[0]?.n).toBe(2);

    const answerPath = worklistPath(WorklistPaths.answerQuery, { queryId: created.body.id });
    expect((await call(t.app, coder, 'POST', answerPath, { option: 'Unable to determine' })).status).toBe(403);
    const notAnOption = await call(t.app, supervisor, 'POST', answerPath, { option: 'Sepsis' });
    expect(notAnOption.status).toBe(400);
    const answered = await call<TransitionResponse>(t.app, supervisor, 'POST', answerPath, {
      option: 'Acute systolic heart failure',
    });
    expect(answered.body.status).toBe('IN_PROGRESS');
    expect((await call(t.app, supervisor, 'POST', answerPath, { option: 'Other (please specify)' })).status).toBe(409);
    const after = await openWorkspace(t.app, coder, id);
    expect(after.body.queries[0]).toMatchObject({ status: 'ANSWERED', answerOption: 'Acute systolic heart failure' });
    expect(await auditActions(t.app, created.body.id)).toEqual([
      'QUERY_CREATED',
      'CHART_VIEWED',
      'CHART_VIEWED',
      'QUERY_ANSWERED',
    ]);
  });

  it('returns a submitted chart with a reason; the coder reopens it in progress and sees why', async () => {
    const id = await assigned();
    const open = await openWorkspace(t.app, coder, id);
    const done = await call<SubmitResponse>(t.app, coder, 'POST', chartPath(WorklistPaths.submit, id), {
      expectedVersion: open.body.version,
      ...CLEAN_CODES,
      acknowledgedWarnings: [],
    });
    expect(done.status).toBe(200);
    expect(
      (await call(t.app, coder, 'POST', chartPath(WorklistPaths.returnChart, id), { reason: 'Recheck' })).status,
    ).toBe(403);
    expect(
      (await call(t.app, supervisor, 'POST', chartPath(WorklistPaths.returnChart, id), { reason: 'x' })).status,
    ).toBe(400);
    const returned = await call<TransitionResponse>(
      t.app,
      supervisor,
      'POST',
      chartPath(WorklistPaths.returnChart, id),
      {
        reason: 'Pneumonia organism is documented in the discharge summary.',
      },
    );
    expect(returned.body.status).toBe('RETURNED');
    const reopened = await openWorkspace(t.app, coder, id);
    expect(reopened.body.status).toBe('IN_PROGRESS');
    expect(reopened.body.returnReason).toBe('Pneumonia organism is documented in the discharge summary.');
    expect(await auditActions(t.app, id)).toContain('CHART_RETURNED');
  });

  it('still lets the coder read the chart through records while it is theirs', async () => {
    const id = await assigned();
    const res = await call<ChartView>(t.app, coder, 'GET', worklistPath(RecordsPaths.chart, { id }));
    expect(res.status).toBe(200);
    expect(res.body.encounter.codingStatus).toBe('ASSIGNED');
  });

  it('behaves as one across two API instances on the same database', async () => {
    // Same signing keys, as every instance behind a load balancer has.
    const second = await createTestApp({
      JWT_PRIVATE_KEY_FILE: join(t.config.dataDir, 'jwt-es256-private.pem'),
      MFA_ENCRYPTION_KEY: readFileSync(join(t.config.dataDir, 'mfa-encryption.key'), 'utf8').trim(),
    });
    try {
      const id = await assigned();
      const open = await openWorkspace(t.app, coder, id);
      // the same coder's other session, served by the other instance, finds the lease taken
      const elsewhere = await signIn(second.app, coder.user.username, coder.password, coder.totpSecret);
      const blocked = await call(second.app, elsewhere, 'POST', chartPath(WorklistPaths.workspace, id));
      expect(blocked.status).toBe(409);
      // two saves from the same version, one per instance, at once: exactly one wins
      const [a, b] = await Promise.all([
        call(t.app, coder, 'PUT', chartPath(WorklistPaths.codes, id), {
          expectedVersion: open.body.version,
          ...CLEAN_CODES,
        }),
        call(second.app, coder, 'PUT', chartPath(WorklistPaths.codes, id), {
          expectedVersion: open.body.version,
          ...WARNING_CODES,
        }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
    } finally {
      await second.close();
    }
  });
});
