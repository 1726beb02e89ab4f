import {
  QualityPaths,
  type ReviewListResponse,
  type Role,
  ROLE_PERMISSIONS,
  type SamplingRule,
  qualityPath,
} from '@chartdesk/contracts';
import { seedDemoCodeSets } from '@chartdesk/api-codesets';
import { DataSource } from 'typeorm';
import { type TestApp, createTestApp } from '../../support/test-app';
import { type TestUser, authHeader, createTeam, createUser } from '../../support/auth';
import { enumerateRoutes } from '../../support/routes';
import { call, submittedChart } from '../quality/quality-fixtures';
import { assign, createChart } from '../records/records-fixtures';

type InjectMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const EVERY_CHART: SamplingRule = {
  newCoderCharts: 0,
  newCoderRate: 1,
  rate: 1,
  minimumPerPeriod: 0,
  stratifyByEncounterType: false,
  passThreshold: 0.95,
};
const RANDOM_ID = '00000000-0000-4000-8000-000000000000';

/**
 * Not found and not yours answer alike: for every route taking an id, a
 * record of another team answers exactly what an id that exists nowhere does.
 */
describe('identical refusals for missing and foreign records', () => {
  let t: TestApp;
  const mine: Partial<Record<Role, TestUser>> = {};
  const foreignIds: string[] = [];
  let foreignReviewId: string;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
    await seedDemoCodeSets(t.app.get(DataSource));
    const teamA = await createTeam(t.app);
    const teamB = await createTeam(t.app);
    mine.CODER = await createUser(t.app, { role: 'CODER', teamId: teamA, specialties: ['OUTPATIENT'] });
    mine.SUPERVISOR = await createUser(t.app, { role: 'SUPERVISOR', teamId: teamA });
    const otherSupervisor = await createUser(t.app, { role: 'SUPERVISOR', teamId: teamB });
    const otherCoder = await createUser(t.app, { role: 'CODER', teamId: teamB, specialties: ['OUTPATIENT'] });
    // Team B's review of team B's coder.
    expect((await call(t.app, otherSupervisor, 'PUT', QualityPaths.samplingRules, { rule: EVERY_CHART })).status).toBe(
      200,
    );
    const reviewed = await submittedChart(t.app, otherSupervisor, otherCoder);
    expect((await call(t.app, otherSupervisor, 'POST', QualityPaths.samplingRuns, {})).status).toBe(201);
    const reviews = await call<ReviewListResponse>(t.app, otherSupervisor, 'GET', QualityPaths.reviews);
    foreignReviewId = reviews.body.reviews[0]?.id ?? '';
    expect(foreignReviewId).not.toBe('');
    const chart = await createChart(t.app);
    await assign(t.app, chart.encounterId, otherCoder.user.id);
    foreignIds.push(foreignReviewId, reviewed, chart.encounterId, ...chart.documentIds, otherCoder.user.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  const answer = async (who: TestUser, method: string, url: string) => {
    const res = await t.app.inject({
      method: method as InjectMethod,
      url,
      headers: authHeader(who.accessToken),
      ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
    });
    const body = res.json<Record<string, unknown>>();
    delete body['requestId'];
    return { status: res.statusCode, body };
  };

  it('the quality review-id probe answers identically for a foreign and a random id', async () => {
    const probes: [TestUser | undefined, string][] = [
      [mine.SUPERVISOR, QualityPaths.review],
      [mine.CODER, QualityPaths.myReview],
    ];
    for (const [who, path] of probes) {
      if (!who) throw new Error('missing user');
      const foreign = await answer(who, 'GET', `/api/${qualityPath(path, { id: foreignReviewId })}`);
      const random = await answer(who, 'GET', `/api/${qualityPath(path, { id: RANDOM_ID })}`);
      expect(foreign).toEqual(random);
      expect(foreign.status).toBe(404);
    }
  });

  it('every id-taking route answers a record of another team exactly like a missing one', async () => {
    const routes = enumerateRoutes(t.app).filter(
      (r) => r.path.includes('/:') && r.classification.kind === 'permission',
    );
    expect(routes.length).toBeGreaterThan(20);
    const differences: string[] = [];
    let compared = 0;
    for (const route of routes) {
      if (route.classification.kind !== 'permission') continue;
      const required = route.classification.permissions;
      for (const role of ['CODER', 'SUPERVISOR'] as const) {
        const who = mine[role];
        if (!who || !required.every((p) => ROLE_PERMISSIONS[role].includes(p))) continue;
        const urlFor = (id: string) => route.path.replace(/:[A-Za-z0-9_]+/g, id);
        const random = await answer(who, route.method, urlFor(RANDOM_ID));
        for (const id of foreignIds) {
          const foreign = await answer(who, route.method, urlFor(id));
          compared++;
          if (JSON.stringify(foreign) !== JSON.stringify(random)) {
            differences.push(
              `${role} ${route.method} ${route.path} [${id}]: ${JSON.stringify(foreign)} vs ${JSON.stringify(random)}`,
            );
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(50);
    expect(differences).toEqual([]);
  });
});
