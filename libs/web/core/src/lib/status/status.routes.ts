import type { Routes } from '@angular/router';

export const statusRoutes: Routes = [
  {
    path: '',
    title: 'System status · ChartDesk',
    loadComponent: () => import('./system-status.page').then((m) => m.SystemStatusPage),
  },
];
