import type { Routes } from '@angular/router';
import { signedOutGuard } from '../auth/auth.guards';

export const signInRoutes: Routes = [
  {
    path: '',
    title: 'Sign in · ChartDesk',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./sign-in-with-status.page').then((m) => m.SignInWithStatusPage),
  },
];
