import type { Routes } from '@angular/router';
import { authGuard } from '../auth/auth.guards';

/** Pages every signed-in role has: its home and its account. */
export const homeRoutes: Routes = [
  {
    path: '',
    title: 'Home · ChartDesk',
    canActivate: [authGuard],
    loadComponent: () => import('../home/home.page').then((m) => m.HomePage),
  },
];

export const accountRoutes: Routes = [
  {
    path: '',
    title: 'Account · ChartDesk',
    canActivate: [authGuard],
    loadComponent: () => import('../account/account.page').then((m) => m.AccountPage),
  },
];
