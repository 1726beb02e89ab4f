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
  { path: '/admin/users', label: 'Users', permission: 'user:manage', description: 'Create and manage user accounts.' },
  { path: '/admin/teams', label: 'Teams', permission: 'team:manage', description: 'Group coders under supervisors.' },
  { path: '/account', label: 'Account', permission: 'session:self', description: 'Change your password.' },
];

export function navItemsFor(permissions: readonly Permission[]): NavItem[] {
  return NAV_ITEMS.filter((item) => permissions.includes(item.permission));
}
