import { AuthPaths, apiUrl } from '@chartdesk/contracts';
import { type TestApp, createTestApp } from '../../support/test-app';
import { type TestUser, authHeader, createTeam, createUser } from '../../support/auth';

/** Nested arrays `depth` deep, as text (JSON.stringify itself would recurse). */
function deepJson(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

describe('one input-hardening layer for every route', () => {
  let t: TestApp;
  let admin: TestUser;
  let supervisor: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
    admin = await createUser(t.app, { role: 'ADMIN' });
    const teamId = await createTeam(t.app);
    supervisor = await createUser(t.app, { role: 'SUPERVISOR', teamId });
  });
  afterAll(async () => {
    await t?.close();
  });

  const expectClear400 = (res: { statusCode: number; json: () => unknown; headers: Record<string, unknown> }) => {
    expect(res.statusCode).toBe(400);
    expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
    const body = res.json() as { statusCode: number; message: string; requestId: string };
    expect(body).toMatchObject({ statusCode: 400, requestId: expect.any(String) });
    expect(body.message.length).toBeGreaterThan(10);
    return body;
  };

  it('refuses a NUL byte in a JSON string before sign-in', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: apiUrl(AuthPaths.login),
      payload: { username: 'a\u0000b', password: 'whatever at all here' },
    });
    expect(expectClear400(res).message).toMatch(/NUL|control|character/i);
  });

  it('refuses a lone surrogate in a JSON string (escaped in the text)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/teams',
      headers: { ...authHeader(admin.accessToken), 'content-type': 'application/json' },
      payload: '{"name":"Team \\ud800 x"}',
    });
    expectClear400(res);
  });

  it('refuses NUL bytes and lone surrogates in query strings and path parameters', async () => {
    for (const url of [
      '/api/admin/users?q=a%00b',
      '/api/admin/users/%00',
      '/api/admin/users?q=%E0%A4%A',
      '/api/admin/users/%E0%A4%A',
      '/api/admin/users?q=%ff',
    ]) {
      const res = await t.app.inject({ method: 'GET', url, headers: authHeader(admin.accessToken) });
      expect([url, res.statusCode]).toEqual([url, 400]);
      expect([url, res.json()]).toEqual([url, expect.objectContaining({ requestId: expect.any(String) })]);
      expectClear400(res);
    }
  });

  it('refuses a body nested 20,000 deep before validation, on every kind of route', async () => {
    for (const url of ['/api/admin/teams', apiUrl(AuthPaths.login), '/api/admin/fhir-import']) {
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: { ...authHeader(admin.accessToken), 'content-type': 'application/json' },
        payload: `{"name":${deepJson(20_000)}}`,
      });
      expect([url, res.statusCode]).toEqual([url, 400]);
      expect(expectClear400(res).message).toMatch(/nested/i);
    }
  });

  it('answers 413 with a JSON body when the body is too large', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/teams',
      headers: { ...authHeader(admin.accessToken), 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(t.config.bodyLimitBytes + 10) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ statusCode: 413, message: expect.stringMatching(/too large/) });
  });

  it('answers a CSV route’s bad input with 400 and a JSON body, not a CSV failure', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/quality/dashboard/team/scorecards.csv?from=bad',
      headers: authHeader(supervisor.accessToken),
    });
    expectClear400(res);
    expect(res.headers['content-disposition']).toBeUndefined();
  });

  it('validates DTO nulls, impossible dates, huge offsets and blank names', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: authHeader(admin.accessToken),
      payload: { username: `u${Date.now()}`, displayName: 'Pat Example', email: 'p@example.test', role: 'CODER' },
    });
    expect(created.statusCode).toBe(201);
    const userId = created.json<{ user: { id: string } }>().user.id;
    const patch = (payload: object) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/admin/users/${userId}`,
        headers: authHeader(admin.accessToken),
        payload,
      });
    for (const payload of [
      { displayName: null },
      { email: null },
      { role: null },
      { clearances: null },
      { specialties: null },
      { linkedPatientIds: null },
      { part2TrainingDate: '2026-02-30' },
      { displayName: '   ' },
    ]) {
      const res = await patch(payload);
      expect([payload, res.statusCode]).toEqual([payload, 400]);
    }
    for (const url of ['/api/admin/users?offset=99999999999999999999', '/api/admin/users?offset=1e400']) {
      const res = await t.app.inject({ method: 'GET', url, headers: authHeader(admin.accessToken) });
      expect([url, res.statusCode]).toEqual([url, 400]);
    }
    for (const name of ['   ', '\t\n']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/admin/teams',
        headers: authHeader(admin.accessToken),
        payload: { name },
      });
      expectClear400(res);
    }
  });
});
