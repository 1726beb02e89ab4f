import { seedDemoCodeSets } from '@chartdesk/api-codesets';
import {
  QualityPaths,
  type ReviewListResponse,
  type ReviewWorksheet,
  type Role,
  type SamplingRule,
  type SamplingRunView,
  apiUrl,
  qualityPath,
} from '@chartdesk/contracts';
import { DataSource } from 'typeorm';
import { type TestUser, authHeader, createTeam, createUser } from '../../support/auth';
import { type TestApp, createTestApp } from '../../support/test-app';
import { type Method, ROLES_EXCEPT } from '../worklist/worklist-fixtures';
import { call, statusOf, submittedChart } from './quality-fixtures';

const EVERYTHING: SamplingRule = {
  newCoderCharts: 0,
  newCoderRate: 1,
  rate: 1,
  minimumPerPeriod: 0,
  stratifyByEncounterType: true,
  passThreshold: 0.95,
};
const ANY_ID = '00000000-0000-4000-8000-000000000001';

/** Every quality route and the roles whose permission reaches it; every other role must get 403. */
const ROUTES: readonly [Method, string, Role[]][] = [
  ['GET', QualityPaths.samplingRules, ['SUPERVISOR']],
  ['PUT', QualityPaths.samplingRules, ['SUPERVISOR']],
  ['POST', QualityPaths.samplingRuns, ['SUPERVISOR']],
  ['GET', QualityPaths.samplingRun, ['SUPERVISOR']],
  ['GET', QualityPaths.reviews, ['SUPERVISOR']],
  ['POST', QualityPaths.retrospective, ['SUPERVISOR']],
  ['GET', QualityPaths.review, ['SUPERVISOR']],
  ['PUT', QualityPaths.reviewCorrection, ['SUPERVISOR']],
  ['POST', QualityPaths.reviewSend, ['SUPERVISOR']],
  ['POST', QualityPaths.reviewClose, ['SUPERVISOR']],
  ['POST', QualityPaths.findingDecision, ['SUPERVISOR']],
  ['POST', QualityPaths.findingResponse, ['CODER']],
  ['GET', QualityPaths.myReviews, ['CODER']],
  ['GET', QualityPaths.myReview, ['CODER']],
  ['GET', QualityPaths.myScorecard, ['CODER']],
  ['GET', QualityPaths.coderScorecard, ['SUPERVISOR']],
  ['GET', QualityPaths.teamDashboard, ['SUPERVISOR']],
  ['GET', QualityPaths.teamScorecardCsv, ['SUPERVISOR']],
];

describe('quality permission matrix: coders see only their own reviews, supervisors only their team', () => {
  let t: TestApp;
  let db: DataSource;
  let users: Record<Role, TestUser>;
  let coder: TestUser;
  let teammate: TestUser;
  let otherSupervisor: TestUser;
  let otherCoder: TestUser;
  let reviewId: string;
  let sensitiveChart: string;

  async function deniedEvents(userId: string, resourceId: string): Promise<number> {
    const [row] = (await db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'ACCESS_DENIED' AND actor_user_id = $1 AND resource_id = $2`,
      [userId, resourceId],
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    await seedDemoCodeSets(db);
    const teamA = await createTeam(t.app);
    const teamB = await createTeam(t.app);
    users = {
      SUPERVISOR: await createUser(t.app, { role: 'SUPERVISOR', teamId: teamA }),
      CODER: await createUser(t.app, {
        role: 'CODER',
        teamId: teamA,
        specialties: ['OUTPATIENT'],
        clearances: ['BEHAVIORAL_HEALTH'],
      }),
      COMPLIANCE: await createUser(t.app, { role: 'COMPLIANCE' }),
      ADMIN: await createUser(t.app, { role: 'ADMIN' }),
    };
    coder = users.CODER;
    teammate = await createUser(t.app, { role: 'CODER', teamId: teamA, specialties: ['OUTPATIENT'] });
    otherSupervisor = await createUser(t.app, { role: 'SUPERVISOR', teamId: teamB });
    otherCoder = await createUser(t.app, { role: 'CODER', teamId: teamB, specialties: ['OUTPATIENT'] });
    await call(t.app, users.SUPERVISOR, 'PUT', QualityPaths.samplingRules, { rule: EVERYTHING });
    await submittedChart(t.app, users.SUPERVISOR, coder);
    sensitiveChart = await submittedChart(
      t.app,
      users.SUPERVISOR,
      coder,
      undefined,
      {
        encounterLabels: ['BEHAVIORAL_HEALTH'],
      },
      true,
    );
    const run = await call<SamplingRunView>(t.app, users.SUPERVISOR, 'POST', QualityPaths.samplingRuns, {});
    expect(run.body.sampled).toBe(1);
    const list = await call<ReviewListResponse>(t.app, users.SUPERVISOR, 'GET', QualityPaths.reviews);
    reviewId = list.body.reviews[0]?.id ?? '';
    const ws = await call<ReviewWorksheet>(
      t.app,
      users.SUPERVISOR,
      'GET',
      qualityPath(QualityPaths.review, { id: reviewId }),
    );
    await call(t.app, users.SUPERVISOR, 'PUT', qualityPath(QualityPaths.reviewCorrection, { id: reviewId }), {
      expectedVersion: ws.body.version,
      diagnoses: [{ sequence: 1, code: 'A419', poa: null }],
      procedures: [],
    });
    await call(t.app, users.SUPERVISOR, 'POST', qualityPath(QualityPaths.reviewSend, { id: reviewId }), {
      expectedVersion: ws.body.version + 1,
      reasons: [],
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(
    ROUTES.flatMap(([method, path, allowed]) => ROLES_EXCEPT(...allowed).map((role) => [role, method, path] as const)),
  )('%s is refused %s %s (403)', async (role, method, path) => {
    const res = await call(t.app, users[role], method, qualityPath(path, { id: ANY_ID, findingId: ANY_ID }), {});
    expect(res.status).toBe(403);
  });

  it('without a token every route answers 401', async () => {
    for (const [method, path] of ROUTES) {
      const res = await t.app.inject({ method, url: apiUrl(qualityPath(path, { id: ANY_ID, findingId: ANY_ID })) });
      expect(res.statusCode).toBe(401);
    }
  });

  it('a chart above the supervisor’s clearance is never drawn: it stays SUBMITTED, undrawn', async () => {
    expect(await statusOf(t.app, sensitiveChart)).toBe('SUBMITTED');
    const [member] = (await db.query('SELECT 1 FROM quality_sample_member WHERE encounter_id = $1', [
      sensitiveChart,
    ])) as unknown[];
    expect(member).toBeUndefined();
  });

  it("a coder cannot read a teammate's review: 404, audited", async () => {
    const own = await call(t.app, coder, 'GET', qualityPath(QualityPaths.myReview, { id: reviewId }));
    expect(own.status).toBe(200);
    const res = await call(t.app, teammate, 'GET', qualityPath(QualityPaths.myReview, { id: reviewId }));
    expect(res.status).toBe(404);
    const list = await call<ReviewListResponse>(t.app, teammate, 'GET', QualityPaths.myReviews);
    expect(list.body.reviews).toEqual([]);
    const respond = await call(
      t.app,
      teammate,
      'POST',
      qualityPath(QualityPaths.findingResponse, { id: reviewId, findingId: ANY_ID }),
      {
        response: 'ACKNOWLEDGED',
        comment: '',
      },
    );
    expect(respond.status).toBe(404);
    const [row] = (await db.query('SELECT encounter_id FROM quality_review WHERE id = $1', [reviewId])) as {
      encounter_id: string;
    }[];
    expect(await deniedEvents(teammate.user.id, row?.encounter_id ?? '')).toBe(2);
  });

  it("another team's supervisor sees nothing of this team: 404 on every object, empty lists", async () => {
    const paths: [Method, string, object][] = [
      ['GET', qualityPath(QualityPaths.review, { id: reviewId }), {}],
      [
        'PUT',
        qualityPath(QualityPaths.reviewCorrection, { id: reviewId }),
        { expectedVersion: 1, diagnoses: [{ sequence: 1, code: 'J189', poa: null }], procedures: [] },
      ],
      ['POST', qualityPath(QualityPaths.reviewClose, { id: reviewId }), { expectedVersion: 1, outcome: 'COMPLETED' }],
      ['GET', qualityPath(QualityPaths.coderScorecard, { id: coder.user.id }), {}],
    ];
    for (const [method, path, body] of paths) {
      const res = await call(t.app, otherSupervisor, method, path, body);
      expect([path, res.status]).toEqual([path, 404]);
    }
    const list = await call<ReviewListResponse>(t.app, otherSupervisor, 'GET', QualityPaths.reviews);
    expect(list.body.reviews).toEqual([]);
    const setRule = await call(t.app, otherSupervisor, 'PUT', QualityPaths.samplingRules, {
      coderId: coder.user.id,
      rule: EVERYTHING,
    });
    expect(setRule.status).toBe(404);
    const runs = (await db.query('SELECT id FROM quality_sample_run WHERE created_by = $1', [
      users.SUPERVISOR.user.id,
    ])) as {
      id: string;
    }[];
    const run = await call(
      t.app,
      otherSupervisor,
      'GET',
      qualityPath(QualityPaths.samplingRun, { id: runs[0]?.id ?? '' }),
    );
    expect(run.status).toBe(404);
    // Their own team's run finds nothing of ours to draw.
    const own = await call<SamplingRunView>(t.app, otherSupervisor, 'POST', QualityPaths.samplingRuns, {});
    expect(own.body.sampled + own.body.released).toBe(0);
    expect(otherCoder.user.teamId).not.toBe(coder.user.teamId);
  });

  it('bad input is a clear 400 and changes nothing', async () => {
    const cases: [Method, string, object][] = [
      ['PUT', QualityPaths.samplingRules, { rule: { rate: 'half' } }],
      ['PUT', QualityPaths.samplingRules, { coderId: coder.user.id }],
      ['POST', QualityPaths.samplingRuns, { from: 'yesterday' }],
      ['POST', QualityPaths.samplingRuns, { from: '2026-11-02T00:00:00Z', to: '2026-11-01T00:00:00Z' }],
      ['POST', QualityPaths.retrospective, { encounterId: 'not-a-uuid' }],
      [
        'PUT',
        qualityPath(QualityPaths.reviewCorrection, { id: reviewId }),
        { expectedVersion: 1, diagnoses: [{ sequence: 1, code: 'j18.9' }], procedures: [] },
      ],
      ['POST', qualityPath(QualityPaths.reviewClose, { id: reviewId }), { expectedVersion: 1, outcome: 'MAYBE' }],
      ['GET', `${QualityPaths.reviews}?status=WHATEVER`, {}],
    ];
    const before = (await db.query('SELECT version FROM quality_review WHERE id = $1', [reviewId])) as unknown[];
    for (const [method, path, body] of cases) {
      const res = await call(t.app, users.SUPERVISOR, method, path, body);
      expect([path, res.status]).toEqual([path, 400]);
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
    }
    expect(await db.query('SELECT version FROM quality_review WHERE id = $1', [reviewId])).toEqual(before);
    const card = await t.app.inject({
      method: 'GET',
      url: apiUrl(`${QualityPaths.myScorecard}?from=2026-01-01T00:00:00Z&to=2025-01-01T00:00:00Z`),
      headers: authHeader(coder.accessToken),
    });
    expect(card.statusCode).toBe(400);
  });
});
