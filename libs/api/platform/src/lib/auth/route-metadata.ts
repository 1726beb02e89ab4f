import type { Permission } from '@chartdesk/contracts';
import { SetMetadata } from '@nestjs/common';

/**
 * Route classification. The global guards (libs/api/access) refuse any route
 * that carries neither marker, so a forgotten decorator is a 403, not a hole.
 */
export const IS_PUBLIC = 'chartdesk:isPublic';
export const REQUIRED_PERMISSIONS = 'chartdesk:requiredPermissions';

/** Reachable without signing in. Use sparingly: health, sign-in, token refresh. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** The caller's role must grant every listed permission. */
export const RequirePermission = (...permissions: readonly Permission[]): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_PERMISSIONS, permissions);
