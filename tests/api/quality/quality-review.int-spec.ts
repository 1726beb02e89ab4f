import { seedDemoCodeSets } from '@chartdesk/api-codesets';
import { selectSample } from '@chartdesk/api-quality';
import {
  type CoderScorecard,
  QualityPaths,
  type ReviewListResponse,
  type ReviewWorksheet,
  type SamplingRule,
  type SamplingRulesResponse,
  type SamplingRunView,
  type TeamDashboard,
  apiUrl,
  qualityPath,
} from '@chartdesk/contracts';
import { DataSource } from 'typeorm';
import { type TestUser, authHeader, createTeam, createUser } from '../../support/auth';
import { type TestApp, createTestApp } from '../../support/test-app';
import { call, statusOf, submittedChart } from './quality-fixtures';

const EVERY_OTHER: SamplingRule = {
  newCoderCharts: 0,
  newCoderRate: 1,
  rate: 0.5,
  minimumPerPeriod: 0,
  stratifyByEncounterType: false,
  passThreshold: 0.95,
};

const review = (id: string) => qualityPath(QualityPaths.review, { id });
const sub = (path: string, id: string, findingId = '') => qualityPath(path, { id, findingId });

describe('quality audit: sampling, worksheet, rebuttal, scoring, scorecards (real AppModule)', () => {
  let t: TestApp;
  let supervisor: TestUser;
  let coder: TestUser;
  let db: DataSource;
  let run: SamplingRunView;
  let submitted: string[];

  async function auditActions(resourceId: string): Promise<string[]> {
    const rows = (await db.query('SELECT action FROM audit_event WHERE resource_id = $1 ORDER BY id', [
      resourceId,
    ])) as { action: string }[];
    return rows.map((r) => r.action);
  }

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    await seedDemoCodeSets(db);
    const teamId = await createTeam(t.app);
    supervisor = await createUser(t.app, { role: 'SUPERVISOR', teamId });
    coder = await createUser(t.app, { role: 'CODER', teamId, specialties: ['OUTPATIENT'] });
    submitted = [];
    for (let i = 0; i < 6; i++) submitted.push(await submittedChart(t.app, supervisor, coder));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the team rule is configurable and a coder inherits it', async () => {
    const before = await call<SamplingRulesResponse>(t.app, supervisor, 'GET', QualityPaths.samplingRules);
    expect(before.status).toBe(200);
    expect(before.body.team.rate).toBe(0.05);
    const set = await call<SamplingRulesResponse>(t.app, supervisor, 'PUT', QualityPaths.samplingRules, {
      rule: EVERY_OTHER,
    });
    expect(set.status).toBe(200);
    expect(set.body.team).toMatchObject(EVERY_OTHER);
    expect(set.body.coders.find((c) => c.subjectId === coder.user.id)).toMatchObject({ rate: 0.5, inherited: true });
    const bad = await call(t.app, supervisor, 'PUT', QualityPaths.samplingRules, { rule: { ...EVERY_OTHER, rate: 2 } });
    expect(bad.status).toBe(400);
  });

  it('a sampling run draws exactly half, holds the drawn charts for review and completes the rest, audited', async () => {
    const res = await call<SamplingRunView>(t.app, supervisor, 'POST', QualityPaths.samplingRuns, {});
    expect(res.status).toBe(201);
    run = res.body;
    expect(run.sampled).toBe(3);
    expect(run.released).toBe(3);
    expect(run.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(run.coders[0]?.strata).toEqual([{ stratum: 'ALL', population: 6, selected: 3 }]);
    expect(run.reproducible).toBe(true);
    const statuses = await Promise.all(submitted.map((id) => statusOf(t.app, id)));
    expect(statuses.filter((s) => s === 'IN_REVIEW')).toHaveLength(3);
    expect(statuses.filter((s) => s === 'COMPLETED')).toHaveLength(3);
    for (const id of submitted) expect(await auditActions(id)).toContain('SAMPLED');
  });

  it('the stored seed and population reproduce the same selection', async () => {
    const members = (await db.query(
      'SELECT encounter_id, encounter_type, coder_ordinal, selected FROM quality_sample_member WHERE run_id = $1',
      [run.id],
    )) as { encounter_id: string; encounter_type: 'OUTPATIENT'; coder_ordinal: number; selected: boolean }[];
    const again = selectSample(
      run.seed,
      members.map((x) => ({
        encounterId: x.encounter_id,
        encounterType: x.encounter_type,
        coderOrdinal: x.coder_ordinal,
      })),
      EVERY_OTHER,
    );
    const stored = members
      .filter((x) => x.selected)
      .map((x) => x.encounter_id)
      .sort();
    expect(
      again.decisions
        .filter((d) => d.selected)
        .map((d) => d.encounterId)
        .sort(),
    ).toEqual(stored);
    // Tampering with the stored selection is caught by the run's own check.
    await db.query(`UPDATE quality_sample_member SET selected = NOT selected WHERE run_id = $1 AND encounter_id = $2`, [
      run.id,
      members[0]?.encounter_id,
    ]);
    const checked = await call<SamplingRunView>(t.app, supervisor, 'GET', sub(QualityPaths.samplingRun, run.id));
    expect(checked.body.reproducible).toBe(false);
    await db.query(`UPDATE quality_sample_member SET selected = NOT selected WHERE run_id = $1 AND encounter_id = $2`, [
      run.id,
      members[0]?.encounter_id,
    ]);
    const again2 = await call<SamplingRunView>(t.app, supervisor, 'GET', sub(QualityPaths.samplingRun, run.id));
    expect(again2.body.reproducible).toBe(true);
  });

  it('a second run does not redraw charts already drawn', async () => {
    const res = await call<SamplingRunView>(t.app, supervisor, 'POST', QualityPaths.samplingRuns, {});
    expect(res.status).toBe(201);
    expect(res.body.sampled + res.body.released).toBe(0);
  });

  it('review, rebuttal, overturn, recomputed score, close — and the scorecard changes', async () => {
    const list = await call<ReviewListResponse>(t.app, supervisor, 'GET', QualityPaths.reviews);
    const open = list.body.reviews.filter((r) => r.status === 'IN_REVIEW');
    expect(open).toHaveLength(3);
    const id = open[0]?.id ?? '';
    const ws = await call<ReviewWorksheet>(t.app, supervisor, 'GET', review(id));
    expect(ws.status).toBe(200);
    expect(ws.body.submittedCodes.diagnoses.map((d) => d.code)).toEqual(['J189', 'I10']);
    expect(ws.body.sample?.seed).toBe(run.seed);
    expect(await auditActions(id)).toContain('CHART_VIEWED');

    // Principal J18.9 → A41.9 (two errors) and N17.9 added (one).
    const corrected = await call<ReviewWorksheet>(t.app, supervisor, 'PUT', sub(QualityPaths.reviewCorrection, id), {
      expectedVersion: ws.body.version,
      diagnoses: [
        { sequence: 1, code: 'A419', poa: null },
        { sequence: 2, code: 'J189', poa: null },
        { sequence: 3, code: 'I10', poa: null },
        { sequence: 4, code: 'N179', poa: null },
      ],
      procedures: [],
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body.differences.map((d) => [d.kind, d.weight])).toEqual([
      ['PRINCIPAL_CHANGED', 2],
      ['ADDED', 1],
    ]);
    const stale = await call(t.app, supervisor, 'POST', sub(QualityPaths.reviewSend, id), {
      expectedVersion: ws.body.version,
      reasons: [],
    });
    expect(stale.status).toBe(409);
    const sent = await call<ReviewWorksheet>(t.app, supervisor, 'POST', sub(QualityPaths.reviewSend, id), {
      expectedVersion: corrected.body.version,
      reasons: [{ key: corrected.body.differences[1]?.key, reason: 'DOCUMENTATION', comment: 'AKI documented day 2' }],
    });
    expect(sent.status).toBe(200);
    expect(sent.body.status).toBe('AWAITING_CODER');
    expect(sent.body.score?.diagnosis).toEqual({ codes: 4, errors: 3, accuracy: 0.25 });
    expect(sent.body.score?.passed).toBe(false);
    const [principal, added] = sent.body.findingsDetail;
    expect(principal?.reason).toBe('SEQUENCING');
    expect(added?.reason).toBe('DOCUMENTATION');

    // The coder sees it, rebuts the principal finding and acknowledges the other.
    const mine = await call<ReviewListResponse>(t.app, coder, 'GET', QualityPaths.myReviews);
    expect(mine.body.reviews.map((r) => r.id)).toEqual([id]);
    const seen = await call<ReviewWorksheet>(t.app, coder, 'GET', sub(QualityPaths.myReview, id));
    expect(seen.status).toBe(200);
    expect(seen.body.sample).toBeNull();
    const noReason = await call(t.app, coder, 'POST', sub(QualityPaths.findingResponse, id, principal?.id), {
      response: 'REBUTTED',
      comment: ' ',
    });
    expect(noReason.status).toBe(400);
    const rebut = await call<ReviewWorksheet>(
      t.app,
      coder,
      'POST',
      sub(QualityPaths.findingResponse, id, principal?.id),
      {
        response: 'REBUTTED',
        comment: 'The discharge summary names pneumonia as the reason for admission.',
      },
    );
    expect(rebut.status).toBe(200);
    expect(rebut.body.status).toBe('AWAITING_CODER');
    const twice = await call(t.app, coder, 'POST', sub(QualityPaths.findingResponse, id, principal?.id), {
      response: 'ACKNOWLEDGED',
      comment: '',
    });
    expect(twice.status).toBe(409);
    const decideAck = await call(t.app, supervisor, 'POST', sub(QualityPaths.findingDecision, id, added?.id), {
      decision: 'OVERTURNED',
      comment: 'not rebutted',
    });
    expect(decideAck.status).toBe(409);
    const ack = await call<ReviewWorksheet>(t.app, coder, 'POST', sub(QualityPaths.findingResponse, id, added?.id), {
      response: 'ACKNOWLEDGED',
      comment: '',
    });
    expect(ack.body.status).toBe('AWAITING_SUPERVISOR');
    expect(ack.body.openRebuttals).toBe(1);

    // Closing with a rebuttal open is refused; escalating keeps it open.
    const early = await call(t.app, supervisor, 'POST', sub(QualityPaths.reviewClose, id), {
      expectedVersion: ack.body.version,
      outcome: 'COMPLETED',
    });
    expect(early.status).toBe(409);
    const escalated = await call<ReviewWorksheet>(
      t.app,
      supervisor,
      'POST',
      sub(QualityPaths.findingDecision, id, principal?.id),
      {
        decision: 'ESCALATED',
        comment: 'Needs the coding manager',
      },
    );
    expect(escalated.body.openRebuttals).toBe(1);
    expect(escalated.body.score?.diagnosis.errors).toBe(3);
    const overturned = await call<ReviewWorksheet>(
      t.app,
      supervisor,
      'POST',
      sub(QualityPaths.findingDecision, id, principal?.id),
      {
        decision: 'OVERTURNED',
        comment: 'Agreed: the summary supports it',
      },
    );
    expect(overturned.status).toBe(200);
    expect(overturned.body.score?.diagnosis).toEqual({ codes: 4, errors: 1, accuracy: 0.75 });
    expect(overturned.body.findingsDetail[0]?.counts).toBe(false);
    expect(overturned.body.openRebuttals).toBe(0);

    const before = await call<CoderScorecard>(t.app, coder, 'GET', QualityPaths.myScorecard);
    expect(before.body.reviewsClosed).toBe(0);
    const closed = await call<ReviewWorksheet>(t.app, supervisor, 'POST', sub(QualityPaths.reviewClose, id), {
      expectedVersion: overturned.body.version,
      outcome: 'COMPLETED',
    });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('CLOSED');
    expect(await statusOf(t.app, closed.body.encounterId)).toBe('COMPLETED');
    const after = await call<CoderScorecard>(t.app, coder, 'GET', QualityPaths.myScorecard);
    expect(after.body.reviewsClosed).toBe(1);
    expect(after.body.diagnosisAccuracy).toBe(0.75);
    expect(after.body.passRate).toBe(0);
    expect(after.body.accuracyOverTime).toHaveLength(1);
    const events = (await db.query(
      `SELECT details->>'event' AS event FROM audit_event WHERE resource_id = $1 AND action = 'QUALITY_REVIEW_CHANGED' ORDER BY id`,
      [id],
    )) as { event: string }[];
    expect(events.map((e) => e.event)).toEqual([
      'CORRECTION_SAVED',
      'FINDINGS_SENT',
      'FINDING_ANSWERED',
      'FINDING_ANSWERED',
      'REBUTTAL_DECIDED',
      'REBUTTAL_DECIDED',
      'REVIEW_CLOSED',
    ]);
  });

  it('a review with no differences can be returned to the coder for correction', async () => {
    const list = await call<ReviewListResponse>(t.app, supervisor, 'GET', QualityPaths.reviews);
    const target = list.body.reviews.find((r) => r.status === 'IN_REVIEW');
    const ws = await call<ReviewWorksheet>(t.app, supervisor, 'GET', review(target?.id ?? ''));
    const sent = await call<ReviewWorksheet>(t.app, supervisor, 'POST', sub(QualityPaths.reviewSend, ws.body.id), {
      expectedVersion: ws.body.version,
      reasons: [],
    });
    expect(sent.body.status).toBe('AWAITING_SUPERVISOR');
    expect(sent.body.score?.passed).toBe(true);
    const noReason = await call(t.app, supervisor, 'POST', sub(QualityPaths.reviewClose, ws.body.id), {
      expectedVersion: sent.body.version,
      outcome: 'RETURNED',
    });
    expect(noReason.status).toBe(400);
    const returned = await call<ReviewWorksheet>(t.app, supervisor, 'POST', sub(QualityPaths.reviewClose, ws.body.id), {
      expectedVersion: sent.body.version,
      outcome: 'RETURNED',
      reason: 'Please add the laterality from the op note.',
    });
    expect(returned.status).toBe(200);
    expect(returned.body.outcome).toBe('RETURNED');
    expect(await statusOf(t.app, ws.body.encounterId)).toBe('RETURNED');
  });

  it('a completed chart can be pulled for retrospective review, once', async () => {
    const completed = [];
    for (const id of submitted) if ((await statusOf(t.app, id)) === 'COMPLETED') completed.push(id);
    const target = completed[0] ?? '';
    const pulled = await call<ReviewWorksheet>(t.app, supervisor, 'POST', QualityPaths.retrospective, {
      encounterId: target,
    });
    expect([pulled.status, pulled.body.kind]).toEqual([201, 'RETROSPECTIVE']);
    const again = await call(t.app, supervisor, 'POST', QualityPaths.retrospective, { encounterId: target });
    expect(again.status).toBe(409);
    const held = (await call<ReviewListResponse>(t.app, supervisor, 'GET', QualityPaths.reviews)).body.reviews.find(
      (r) => r.status === 'IN_REVIEW' && r.kind === 'PREBILL',
    );
    const notCompleted = await call(t.app, supervisor, 'POST', QualityPaths.retrospective, {
      encounterId: held?.encounterId,
    });
    expect(notCompleted.status).toBe(409);
    const send = await call<ReviewWorksheet>(t.app, supervisor, 'POST', sub(QualityPaths.reviewSend, pulled.body.id), {
      expectedVersion: pulled.body.version,
      reasons: [],
    });
    const returnBilled = await call(t.app, supervisor, 'POST', sub(QualityPaths.reviewClose, pulled.body.id), {
      expectedVersion: send.body.version,
      outcome: 'RETURNED',
      reason: 'cannot return a billed chart',
    });
    expect(returnBilled.status).toBe(400);
  });

  it('scorecards: active coding time from the event log, team dashboard and CSV export', async () => {
    const card = await call<CoderScorecard>(
      t.app,
      supervisor,
      'GET',
      qualityPath(QualityPaths.coderScorecard, { id: coder.user.id }),
    );
    expect(card.status).toBe(200);
    expect(card.body.chartsSubmitted).toBe(6);
    expect(card.body.activeCodingHours).toBeGreaterThanOrEqual(0);
    expect(card.body.medianTurnaroundHours).not.toBeNull();
    const dash = await call<TeamDashboard>(t.app, supervisor, 'GET', QualityPaths.teamDashboard);
    expect(dash.status).toBe(200);
    expect(dash.body.backlogAging.reduce((a, b) => a + b.charts, 0)).toBeGreaterThan(0);
    expect(dash.body.throughput.length).toBeGreaterThanOrEqual(30);
    expect(dash.body.throughput.reduce((a, p) => a + p.submitted, 0)).toBe(6);
    expect(dash.body.coders.map((c) => c.coderId)).toEqual([coder.user.id]);
    const csv = await t.app.inject({
      method: 'GET',
      url: apiUrl(QualityPaths.teamScorecardCsv),
      headers: authHeader(supervisor.accessToken),
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toContain('diagnosis_accuracy');
    expect(lines).toHaveLength(2);
    // Two closed reviews pooled: (1 + 3 errors-free positions of 4) and (2 of 2) → 5 / 6.
    expect(lines[1]).toMatch(/^"Test coder [0-9a-f]+",2,0\.8333,,0\.5,6,0,,0,1,0$/);
    const exported = (await db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'EXPORTED' AND actor_user_id = $1`,
      [supervisor.user.id],
    )) as { n: number }[];
    expect(exported[0]?.n).toBe(1);
  });
});
