import type { Route } from '@angular/router';

/** Top-level lazy routes: each feature library brings its own route file. */
export const appRoutes: Route[] = [
  { path: '', loadChildren: () => import('@chartdesk/web-core').then((m) => m.statusRoutes) },
  { path: '**', redirectTo: '' },
];
