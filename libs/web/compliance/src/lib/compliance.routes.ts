import type { Routes } from '@angular/router';
import { permissionGuard } from '@chartdesk/web-core';

/** The compliance workbench (COMPLIANCE only); the API enforces the same permissions. */
export const complianceRoutes: Routes = [
  {
    path: '',
    canActivate: [permissionGuard('compliance:report')],
    loadComponent: () => import('./compliance-shell.component').then((m) => m.ComplianceShellComponent),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'dashboard' },
      {
        path: 'dashboard',
        title: 'Compliance dashboard · ChartDesk',
        loadComponent: () => import('./dashboard/dashboard.page').then((m) => m.DashboardPage),
      },
      {
        path: 'reports',
        title: 'Access reports · ChartDesk',
        loadComponent: () => import('./reports/reports.page').then((m) => m.ReportsPage),
      },
      {
        path: 'review',
        title: 'Review queue · ChartDesk',
        canActivate: [permissionGuard('compliance:review')],
        loadComponent: () => import('./review/review-queue.page').then((m) => m.ReviewQueuePage),
      },
      {
        path: 'review/:id',
        title: 'Review item · ChartDesk',
        canActivate: [permissionGuard('compliance:review')],
        loadComponent: () => import('./review/review-item.page').then((m) => m.ReviewItemPage),
      },
      {
        path: 'integrity',
        title: 'Audit integrity · ChartDesk',
        canActivate: [permissionGuard('audit:verify')],
        loadComponent: () => import('./integrity/integrity.page').then((m) => m.IntegrityPage),
      },
    ],
  },
];
