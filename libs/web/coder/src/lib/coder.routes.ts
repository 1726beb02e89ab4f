import type { Routes } from '@angular/router';
import { permissionGuard } from '@chartdesk/web-core';
import { unsavedChangesGuard } from './workspace/unsaved-changes.guard';

/** The coder workspace: the queue, and one chart at a time. The API enforces the same permissions. */
export const coderRoutes: Routes = [
  {
    path: '',
    title: 'My work · ChartDesk',
    canActivate: [permissionGuard('worklist:read-own')],
    loadComponent: () => import('./queue/queue.page').then((m) => m.QueuePage),
  },
  {
    path: 'charts/:id',
    title: 'Chart · ChartDesk',
    canActivate: [permissionGuard('chart:code')],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./workspace/workspace.page').then((m) => m.WorkspacePage),
  },
];
