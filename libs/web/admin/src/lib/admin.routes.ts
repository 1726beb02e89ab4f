import type { Routes } from '@angular/router';
import { permissionGuard } from '@chartdesk/web-core';

/** Administration (ADMIN only); the API enforces the same permissions. */
export const adminRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'users' },
  {
    path: 'users',
    title: 'Users · ChartDesk',
    canActivate: [permissionGuard('user:manage')],
    loadComponent: () => import('./users/users.page').then((m) => m.UsersPage),
  },
  {
    path: 'users/new',
    title: 'New user · ChartDesk',
    canActivate: [permissionGuard('user:manage')],
    loadComponent: () => import('./users/user-edit.page').then((m) => m.UserEditPage),
  },
  {
    path: 'users/:id',
    title: 'User · ChartDesk',
    canActivate: [permissionGuard('user:manage')],
    loadComponent: () => import('./users/user-edit.page').then((m) => m.UserEditPage),
  },
  {
    path: 'teams',
    title: 'Teams · ChartDesk',
    canActivate: [permissionGuard('team:manage')],
    loadComponent: () => import('./teams/teams.page').then((m) => m.TeamsPage),
  },
];
