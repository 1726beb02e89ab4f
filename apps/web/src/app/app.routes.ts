import type { Route } from '@angular/router';
import { accountRoutes, homeRoutes, permissionGuard, signInRoutes, statusRoutes } from '@chartdesk/web-core';

/**
 * Top-level routes. web-core is part of the initial bundle (auth, nav), so its
 * route files are used directly; their pages are still lazy (loadComponent).
 * Feature libraries are lazy and bring their own route file.
 */
export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', redirectTo: 'home' },
  { path: 'sign-in', children: signInRoutes },
  { path: 'status', children: statusRoutes },
  { path: 'home', children: homeRoutes },
  { path: 'account', children: accountRoutes },
  {
    path: 'admin',
    canActivate: [permissionGuard('user:manage')],
    loadChildren: () => import('@chartdesk/web-admin').then((m) => m.adminRoutes),
  },
  { path: 'work', loadChildren: () => import('@chartdesk/web-coder').then((m) => m.coderRoutes) },
  { path: 'board', loadChildren: () => import('@chartdesk/web-supervisor').then((m) => m.supervisorRoutes) },
  { path: 'quality', loadChildren: () => import('@chartdesk/web-supervisor').then((m) => m.supervisorQualityRoutes) },
  { path: 'my-quality', loadChildren: () => import('@chartdesk/web-coder').then((m) => m.coderQualityRoutes) },
  { path: 'compliance', loadChildren: () => import('@chartdesk/web-compliance').then((m) => m.complianceRoutes) },
  { path: '**', redirectTo: 'home' },
];
