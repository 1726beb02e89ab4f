import type { Routes } from '@angular/router';
import { permissionGuard } from '@chartdesk/web-core';

/** The coder's reviews and scorecard. The API enforces the same permissions. */
export const coderQualityRoutes: Routes = [
  {
    path: '',
    title: 'My quality · ChartDesk',
    canActivate: [permissionGuard('scorecard:read-own')],
    loadComponent: () => import('./my-quality.page').then((m) => m.MyQualityPage),
  },
  {
    path: 'reviews/:id',
    title: 'Review · ChartDesk',
    canActivate: [permissionGuard('quality:respond')],
    loadComponent: () => import('./my-review.page').then((m) => m.MyReviewPage),
  },
];
