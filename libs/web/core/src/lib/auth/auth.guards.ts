import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import type { Permission } from '@chartdesk/contracts';
import { AuthService } from './auth.service';

/** Signed-in users only; others go to the sign-in page. */
export const authGuard: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return (await auth.ensureRestored()) ? true : router.createUrlTree(['/sign-in']);
};

/** The same permission the API requires; the server still decides, this only avoids dead ends. */
export function permissionGuard(permission: Permission): CanActivateFn {
  return async () => {
    const auth = inject(AuthService);
    const router = inject(Router);
    if (!(await auth.ensureRestored())) return router.createUrlTree(['/sign-in']);
    return auth.can(permission) ? true : router.createUrlTree(['/home']);
  };
}

/** The sign-in page sends an already signed-in user home. */
export const signedOutGuard: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return (await auth.ensureRestored()) ? router.createUrlTree(['/home']) : true;
};
