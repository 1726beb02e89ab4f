import { PermissionGuard } from '@chartdesk/api-access';
import type { AuditEventInput, AuditService } from '@chartdesk/api-audit';
import { Public, RequirePermission } from '@chartdesk/api-platform';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

class SampleController {
  @Public() open(): string {
    return 'open';
  }
  @RequirePermission('user:manage') admin(): string {
    return 'admin';
  }
  forgotten(): string {
    return 'forgotten';
  }
}

function contextFor(handler: keyof SampleController, role: string | null): ExecutionContext {
  const user = role ? { userId: '11111111-1111-4111-8111-111111111111', role, sessionId: null } : undefined;
  const request = {
    user,
    method: 'GET',
    routeOptions: { url: `/api/sample/${handler}` },
    headers: {},
    id: 'r1',
    ip: '127.0.0.1',
  };
  return {
    getType: () => 'http',
    getHandler: () => SampleController.prototype[handler],
    getClass: () => SampleController,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

/** The permission guard on its own: a handler with no marker is refused, whoever calls it. */
describe('PermissionGuard', () => {
  // Records what the guard would write; the real writer is exercised by the matrix test against PostgreSQL.
  const events: AuditEventInput[] = [];
  const audit = { recordStandalone: async (e: AuditEventInput) => void events.push(e) } as unknown as AuditService;
  const guard = new PermissionGuard(new Reflector(), audit);

  beforeEach(() => events.splice(0));

  it('refuses a route with neither @Public nor @RequirePermission, even for an admin, and audits it', async () => {
    await expect(guard.canActivate(contextFor('forgotten', 'ADMIN'))).rejects.toThrow(/not available/);
    expect(events).toMatchObject([{ action: 'ACCESS_DENIED', outcomeReason: 'route not classified' }]);
  });

  it('lets @Public through and checks the role on @RequirePermission', async () => {
    await expect(guard.canActivate(contextFor('open', null))).resolves.toBe(true);
    await expect(guard.canActivate(contextFor('admin', 'ADMIN'))).resolves.toBe(true);
    await expect(guard.canActivate(contextFor('admin', 'CODER'))).rejects.toThrow(/does not allow/);
    await expect(guard.canActivate(contextFor('admin', null))).rejects.toThrow(/Sign in/);
    expect(events).toMatchObject([
      {
        action: 'ACCESS_DENIED',
        resourceType: 'route',
        resourceId: 'GET /api/sample/admin',
        details: { missingPermissions: ['user:manage'] },
      },
    ]);
  });
});
