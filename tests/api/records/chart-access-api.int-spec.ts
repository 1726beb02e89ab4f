import { randomUUID } from 'node:crypto';
import { CHART_SCOPED, ChartAccess } from '@chartdesk/api-records';
import { ROLE_PERMISSIONS, ROLES, type Role } from '@chartdesk/contracts';
import type { Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { createTeam, createUser, type TestUser } from '../../support/auth';
import { type AppRoute, enumerateRoutes } from '../../support/routes';
import { createTestApp, type TestApp } from '../../support/test-app';
import { auditFor } from './records-fixtures';

/**
 * Which routes act on one chart, decided here by hand and independently of the
 * @ChartScoped markers: a chart, document, provider query or quality review in the
 * path, or one of the routes that name charts in their body.
 */
const CHART_IN_PATH = /\/(charts\/:id|queries\/:queryId|reviews\/:id)(\/|$)/;
const CHART_IN_BODY = new Set([
  'POST /api/break-glass',
  'POST /api/worklist/assignments',
  'POST /api/worklist/unassignments',
  'POST /api/quality/reviews/retrospective',
]);
const key = (r: AppRoute): string => `${r.method} ${r.path}`;

describe('one chart-access API (ChartAccess) for every chart-scoped route', () => {
  let t: TestApp;
  let routes: AppRoute[];
  let users: Record<Role, TestUser>;

  beforeAll(async () => {
    t = await createTestApp();
    routes = enumerateRoutes(t.app);
    const team = await createTeam(t.app);
    users = {
      CODER: await createUser(t.app, { role: 'CODER', teamId: team }),
      SUPERVISOR: await createUser(t.app, { role: 'SUPERVISOR', teamId: team }),
      COMPLIANCE: await createUser(t.app, { role: 'COMPLIANCE' }),
      ADMIN: await createUser(t.app, { role: 'ADMIN' }),
    };
  });
  afterAll(() => t.close());

  /** The handler function behind "Controller.method", from the running app's controllers. */
  const handlerOf = (route: AppRoute): object => {
    const [controller, method] = route.handler.split('.') as [string, string];
    for (const module of t.app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const type = wrapper.metatype as Type<unknown> | null;
        const fn = type?.name === controller ? (type.prototype as Record<string, unknown>)[method] : undefined;
        if (typeof fn === 'function') return fn;
      }
    }
    throw new Error(`no handler ${route.handler}`);
  };
  const marked = (route: AppRoute): boolean => Reflect.getMetadata(CHART_SCOPED, handlerOf(route)) === true;
  const chartScoped = (r: AppRoute): boolean => CHART_IN_PATH.test(r.path) || CHART_IN_BODY.has(key(r));

  it('marks exactly the chart-scoped routes @ChartScoped (so the interceptor holds them to ChartAccess)', () => {
    const expected = routes.filter(chartScoped).map(key).sort();
    expect(expected.length).toBeGreaterThanOrEqual(25);
    expect(routes.filter(marked).map(key).sort()).toEqual(expected);
    for (const body of CHART_IN_BODY) expect(routes.map(key)).toContain(body);
  });

  it('decides every chart-in-path route in ChartAccess.require, which audits the refusal and answers 404', async () => {
    const access = t.app.get(ChartAccess);
    const spy = jest.spyOn(access, 'require');
    let proven = 0;
    try {
      for (const route of routes.filter((r) => r.path.includes('charts/:id'))) {
        const permission = route.classification.kind === 'permission' ? route.classification.permissions[0] : undefined;
        const role = ROLES.find((r) => permission && ROLE_PERMISSIONS[r].includes(permission));
        if (!role) throw new Error(`no role may call ${key(route)}`);
        const id = randomUUID();
        const docId = randomUUID();
        spy.mockClear();
        const res = await t.app.inject({
          method: route.method as 'GET',
          url: route.path.replace(':id', id).replace(':docId', docId),
          headers: { authorization: `Bearer ${users[role].accessToken}`, origin: 'http://localhost:80' },
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
        });
        // A body the route's DTO refuses never reaches the service: 400, no chart touched.
        if (res.statusCode === 400) continue;
        expect({ route: key(route), status: res.statusCode }).toEqual({ route: key(route), status: 404 });
        expect(spy.mock.calls.map((c) => c[3])).toContain(id);
        const resource = route.path.includes(':docId') ? docId : id;
        const audit = await auditFor(t.app, users[role].user.id, resource);
        expect({ route: key(route), audit: audit.map((a) => a.action) }).toEqual({
          route: key(route),
          audit: ['ACCESS_DENIED'],
        });
        proven += 1;
      }
    } finally {
      spy.mockRestore();
    }
    expect(proven).toBeGreaterThanOrEqual(6);
  });
});
