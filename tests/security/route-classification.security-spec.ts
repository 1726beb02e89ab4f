import { PERMISSIONS, ROLES, type Role } from '@chartdesk/contracts';
import { DataSource } from 'typeorm';
import { type TestApp, createTestApp } from '../support/test-app';
import { type TestUser, authHeader, createUserPerRole } from '../support/auth';
import { type AppRoute, concreteUrl, enumerateRoutes } from '../support/routes';
import { ROUTE_ACCESS } from './route-access-table';

type InjectMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const key = (r: AppRoute): string => `${r.method} ${r.path}`;

/**
 * Deny by default, proven against the running app: every route is either
 * @Public or names permissions; every protected route answers 401 without a
 * token, and each role is let past the guards or refused exactly as the
 * hand-written ROUTE_ACCESS table says — never as the guard's own
 * role→permission map says, so a wrong map entry cannot agree with itself.
 */
describe('authorization matrix over every route of the running app', () => {
  let t: TestApp;
  let routes: AppRoute[];
  let users: Record<(typeof ROLES)[number], TestUser>;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
    routes = enumerateRoutes(t.app);
    users = await createUserPerRole(t.app);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds the routes (the enumeration itself works)', () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['POST /api/auth/login', 'GET /api/auth/me', 'GET /api/admin/users']),
    );
  });

  it('classifies every route as public or permission-protected', () => {
    const unclassified = routes.filter((r) => r.classification.kind === 'unclassified');
    expect(unclassified.map((r) => `${r.method} ${r.path} (${r.handler})`)).toEqual([]);
  });

  it('names only known permissions', () => {
    for (const r of routes) {
      if (r.classification.kind !== 'permission') continue;
      for (const p of r.classification.permissions) expect(PERMISSIONS).toContain(p);
    }
  });

  it('lists every route of the running app in the hand-written table, and nothing else', () => {
    const inApp = routes.map(key);
    expect(inApp.filter((r) => !(r in ROUTE_ACCESS))).toEqual([]);
    expect(Object.keys(ROUTE_ACCESS).filter((r) => !inApp.includes(r))).toEqual([]);
  });

  it('makes public exactly the routes the table calls public', () => {
    const wrong = routes
      .filter((r) => (ROUTE_ACCESS[key(r)] === 'public') !== (r.classification.kind === 'public'))
      .map((r) => `${key(r)} is ${r.classification.kind}`);
    expect(wrong).toEqual([]);
  });

  it('answers 401 to every protected route without a token', async () => {
    const wrong: string[] = [];
    for (const r of routes.filter((x) => x.classification.kind === 'permission')) {
      const res = await t.app.inject({ method: r.method as InjectMethod, url: concreteUrl(r.path), payload: {} });
      if (res.statusCode !== 401) wrong.push(`${r.method} ${r.path} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers 403 to every role the table does not allow, and lets the allowed roles past the guards', async () => {
    const wrong: string[] = [];
    for (const r of routes) {
      const access = ROUTE_ACCESS[key(r)];
      if (r.classification.kind !== 'permission' || access === undefined || access === 'public') continue;
      for (const role of ROLES) {
        const allowed = (access as readonly Role[]).includes(role);
        const res = await t.app.inject({
          method: r.method as InjectMethod,
          url: concreteUrl(r.path),
          headers: authHeader(users[role].accessToken),
          payload: {},
        });
        const guardRefused = res.statusCode === 403 && /role does not allow/.test(res.body);
        if (!allowed && !guardRefused) wrong.push(`${role} ${key(r)} → ${res.statusCode}, want the guard's 403`);
        if (allowed && (res.statusCode === 401 || guardRefused)) {
          wrong.push(`${role} ${key(r)} → ${res.statusCode}, want past the guards`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('audits each role refusal as ACCESS_DENIED with the route pattern', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/admin/users',
      headers: authHeader(users.CODER.accessToken),
    });
    expect(res.statusCode).toBe(403);
    const rows = (await t.app.get(DataSource).query(
      `SELECT outcome, resource_type, resource_id, details FROM audit_event
        WHERE action = 'ACCESS_DENIED' AND actor_user_id = $1 AND resource_id = 'GET /api/admin/users'`,
      [users.CODER.user.id],
    )) as { outcome: string; resource_type: string; details: { missingPermissions: string[] } }[];
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows[0]).toMatchObject({
      outcome: 'denied',
      resource_type: 'route',
      details: { missingPermissions: ['user:manage'] },
    });
  });
});
