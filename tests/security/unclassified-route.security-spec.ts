import { PermissionGuard } from '@chartdesk/api-access';
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
  const request = { user: role ? { role } : undefined };
  return {
    getType: () => 'http',
    getHandler: () => SampleController.prototype[handler],
    getClass: () => SampleController,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

/** The permission guard on its own: a handler with no marker is refused, whoever calls it. */
describe('PermissionGuard', () => {
  const guard = new PermissionGuard(new Reflector());

  it('refuses a route with neither @Public nor @RequirePermission, even for an admin', () => {
    expect(() => guard.canActivate(contextFor('forgotten', 'ADMIN'))).toThrow(/not available/);
  });

  it('lets @Public through and checks the role on @RequirePermission', () => {
    expect(guard.canActivate(contextFor('open', null))).toBe(true);
    expect(guard.canActivate(contextFor('admin', 'ADMIN'))).toBe(true);
    expect(() => guard.canActivate(contextFor('admin', 'CODER'))).toThrow(/does not allow/);
    expect(() => guard.canActivate(contextFor('admin', null))).toThrow(/Sign in/);
  });
});
