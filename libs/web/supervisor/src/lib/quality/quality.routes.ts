import type { Routes } from '@angular/router';
import { permissionGuard } from '@chartdesk/web-core';

/** The supervisor's quality audit: reviews, the worksheet, the team dashboard. The API enforces the same permissions. */
export const supervisorQualityRoutes: Routes = [
  {
    path: '',
    title: 'Quality audit · ChartDesk',
    canActivate: [permissionGuard('quality:review')],
    loadComponent: () => import('./reviews.page').then((m) => m.QualityReviewsPage),
  },
  {
    path: 'reviews/:id',
    title: 'Review worksheet · ChartDesk',
    canActivate: [permissionGuard('quality:review')],
    loadComponent: () => import('./worksheet.page').then((m) => m.ReviewWorksheetPage),
  },
  {
    path: 'dashboard',
    title: 'Team dashboard · ChartDesk',
    canActivate: [permissionGuard('scorecard:read-team')],
    loadComponent: () => import('./dashboard.page').then((m) => m.QualityDashboardPage),
  },
];
