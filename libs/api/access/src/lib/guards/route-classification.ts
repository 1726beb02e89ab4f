import type { Permission } from '@chartdesk/contracts';
import { IS_PUBLIC, REQUIRED_PERMISSIONS } from '@chartdesk/api-platform';
import type { ExecutionContext, Type } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';

export type RouteClass =
  | { readonly kind: 'public' }
  | { readonly kind: 'permission'; readonly permissions: readonly Permission[] }
  | { readonly kind: 'unclassified' };

/**
 * How a handler is classified, method marker first, then its controller.
 * Shared by the guards and by the test that enumerates every route.
 */
export function classifyRoute(
  reflector: Reflector,
  handler: ReturnType<ExecutionContext['getHandler']>,
  controller: Type<unknown>,
): RouteClass {
  const targets = [handler, controller];
  if (reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets) === true) return { kind: 'public' };
  const permissions = reflector.getAllAndOverride<readonly Permission[] | undefined>(REQUIRED_PERMISSIONS, targets);
  if (permissions && permissions.length > 0) return { kind: 'permission', permissions };
  return { kind: 'unclassified' };
}
