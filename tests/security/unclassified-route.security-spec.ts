import { ROLES } from '@chartdesk/contracts';
import { Public, RequirePermission } from '@chartdesk/api-platform';
import { Controller, Get, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type TestApp, createTestApp } from '../support/test-app';
import { type TestUser, authHeader, createUserPerRole } from '../support/auth';
import { enumerateRoutes } from '../support/routes';

/** How often each probe handler body actually ran: a refused request must never reach it. */
const reached = { open: 0, admin: 0, forgotten: 0 };

/** A controller as a developer might add it, one handler missing its decorator. */
@Controller('probe-unclassified')
class ForgetfulController {
  @Public()
  @Get('open')
  open(): { ok: true } {
    reached.open += 1;
    return { ok: true };
  }

  @RequirePermission('user:manage')
  @Get('admin')
  admin(): { ok: true } {
    reached.admin += 1;
    return { ok: true };
  }

  @Get('forgotten')
  forgotten(): { ok: true } {
    reached.forgotten += 1;
    return { ok: true };
  }
}

@Module({ controllers: [ForgetfulController] })
class ForgetfulModule {}

/**
 * Deny by default, through the real AppModule, its global guards and the real
 * audit writer on PostgreSQL: a route with neither @Public nor
 * @RequirePermission is refused to every role, its handler never runs, and
 * each refusal is an ACCESS_DENIED event in the trail.
 */
describe('a route nobody classified (real AppModule, real audit)', () => {
  let t: TestApp;
  let users: Record<(typeof ROLES)[number], TestUser>;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '10000' }, [ForgetfulModule]);
    users = await createUserPerRole(t.app);
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (path: string, token?: string) =>
    t.app.inject({ method: 'GET', url: `/api/probe-unclassified/${path}`, headers: token ? authHeader(token) : {} });

  const denials = async (userId: string): Promise<{ outcome: string; outcome_reason: string; resource_id: string }[]> =>
    (await t.app.get(DataSource).query(
      `SELECT outcome, outcome_reason, resource_type, resource_id, actor_role FROM audit_event
        WHERE action = 'ACCESS_DENIED' AND actor_user_id = $1 AND resource_id = 'GET /api/probe-unclassified/forgotten'`,
      [userId],
    )) as { outcome: string; outcome_reason: string; resource_id: string }[];

  it('is mounted in the running app and seen as unclassified by the route enumeration', () => {
    const probe = enumerateRoutes(t.app).find((r) => r.path === '/api/probe-unclassified/forgotten');
    expect(probe?.classification.kind).toBe('unclassified');
  });

  it('serves its classified neighbours as declared (control)', async () => {
    expect((await get('open')).statusCode).toBe(200);
    expect((await get('admin', users.ADMIN.accessToken)).statusCode).toBe(200);
    expect((await get('admin', users.CODER.accessToken)).statusCode).toBe(403);
    expect(reached).toMatchObject({ open: 1, admin: 1 });
  });

  it('refuses every role with 403, even the admin, without running the handler, and audits each refusal', async () => {
    for (const role of ROLES) {
      const res = await get('forgotten', users[role].accessToken);
      expect({ role, status: res.statusCode, body: res.json<{ message: string }>().message }).toEqual({
        role,
        status: 403,
        body: 'This action is not available.',
      });
      expect(await denials(users[role].user.id)).toEqual([
        expect.objectContaining({
          outcome: 'denied',
          outcome_reason: 'route not classified',
          resource_type: 'route',
          resource_id: 'GET /api/probe-unclassified/forgotten',
          actor_role: role,
        }),
      ]);
    }
    expect(reached.forgotten).toBe(0);
  });

  it('answers 401 to an anonymous caller: unclassified is never public', async () => {
    expect((await get('forgotten')).statusCode).toBe(401);
    expect(reached.forgotten).toBe(0);
  });
});
