import type { Routes } from '@angular/router';
import { permissionGuard } from '@chartdesk/web-core';

/** The supervisor's assignment board. The API enforces the same permissions. */
export const supervisorRoutes: Routes = [
  {
    path: '',
    title: 'Assignment board · ChartDesk',
    canActivate: [permissionGuard('worklist:board')],
    loadComponent: () => import('./board/board.page').then((m) => m.BoardPage),
  },
];
