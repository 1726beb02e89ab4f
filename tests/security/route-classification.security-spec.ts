import { PERMISSIONS, ROLES, roleHasPermission } from '@chartdesk/contracts';
import { DataSource } from 'typeorm';
import { type TestApp, createTestApp } from '../support/test-app';
import { type TestUser, authHeader, createUserPerRole } from '../support/auth';
import { type AppRoute, concreteUrl, enumerateRoutes } from '../support/routes';

type InjectMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Deny by default, proven against the running app: every route is either
 * @Public or names permissions; every protected route answers 401 without a
 * token and 403 to every role whose permissions do not cover it.
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

  it('keeps the public surface small and known', () => {
    const publicRoutes = routes
      .filter((r) => r.classification.kind === 'public')
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    const allowed = [
      'GET /api/health/live',
      'GET /api/health/ready',
      'POST /api/auth/login',
      'POST /api/auth/mfa/verify',
      'POST /api/auth/mfa/enrol/start',
      'POST /api/auth/mfa/enrol/confirm',
      'POST /api/auth/password/initial',
      'POST /api/auth/refresh',
      'POST /api/auth/logout',
    ];
    expect(publicRoutes.filter((r) => !allowed.includes(r))).toEqual([]);
  });

  it('answers 401 to every protected route without a token', async () => {
    const wrong: string[] = [];
    for (const r of routes.filter((x) => x.classification.kind === 'permission')) {
      const res = await t.app.inject({ method: r.method as InjectMethod, url: concreteUrl(r.path), payload: {} });
      if (res.statusCode !== 401) wrong.push(`${r.method} ${r.path} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers 403 to every role the route does not allow, and lets allowed roles past the guards', async () => {
    const wrong: string[] = [];
    for (const r of routes) {
      if (r.classification.kind !== 'permission') continue;
      const required = r.classification.permissions;
      for (const role of ROLES) {
        const allowed = required.every((p) => roleHasPermission(role, p));
        const res = await t.app.inject({
          method: r.method as InjectMethod,
          url: concreteUrl(r.path),
          headers: authHeader(users[role].accessToken),
          payload: {},
        });
        const guardRefused = res.statusCode === 403 && /role does not allow/.test(res.body);
        if (!allowed && res.statusCode !== 403)
          wrong.push(`${role} ${r.method} ${r.path} → ${res.statusCode}, want 403`);
        if (allowed && (res.statusCode === 401 || guardRefused)) {
          wrong.push(`${role} ${r.method} ${r.path} → ${res.statusCode}, want past the guards`);
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
