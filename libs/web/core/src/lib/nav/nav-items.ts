import type { Permission } from '@chartdesk/contracts';

export interface NavItem {
  readonly path: string;
  readonly label: string;
  /** Shown only to roles whose ROLE_PERMISSIONS include it (the same map the API guard reads). */
  readonly permission: Permission;
  readonly description: string;
}

/** The app's areas. Feature libraries add theirs here as they land. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/home', label: 'Home', permission: 'session:self', description: 'Your start page.' },
  {
    path: '/work',
    label: 'My queue',
    permission: 'worklist:read-own',
    description: 'Your assigned charts and Next chart.',
  },
  {
    path: '/my-quality',
    label: 'My quality',
    permission: 'scorecard:read-own',
    description: 'Review findings and your scorecard.',
  },
  { path: '/board', label: 'Assignment', permission: 'worklist:board', description: 'Assign and distribute the pool.' },
  {
    path: '/quality',
    label: 'Quality audit',
    permission: 'quality:review',
    description: 'Sampled charts, reviews, scorecards.',
  },
  {
    path: '/compliance',
    label: 'Compliance',
    permission: 'compliance:report',
    description: 'Access reports, review queue, exports and audit integrity.',
  },
  { path: '/admin/users', label: 'Users', permission: 'user:manage', description: 'Create and manage user accounts.' },
  { path: '/admin/teams', label: 'Teams', permission: 'team:manage', description: 'Group coders under supervisors.' },
  { path: '/account', label: 'Account', permission: 'session:self', description: 'Change your password.' },
];

export function navItemsFor(permissions: readonly Permission[]): NavItem[] {
  return NAV_ITEMS.filter((item) => permissions.includes(item.permission));
}
