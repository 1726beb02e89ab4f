import { ROLE_PERMISSIONS } from '@chartdesk/contracts';
import { navItemsFor } from './nav-items';

describe('navItemsFor', () => {
  it('shows administration only to the admin role', () => {
    expect(navItemsFor(ROLE_PERMISSIONS.ADMIN).map((i) => i.label)).toEqual(['Home', 'Users', 'Teams', 'Account']);
    for (const role of ['CODER', 'SUPERVISOR', 'COMPLIANCE'] as const) {
      expect(navItemsFor(ROLE_PERMISSIONS[role]).map((i) => i.label)).not.toContain('Users');
    }
  });

  it('gives each role its own work areas and none of the others', () => {
    expect(navItemsFor(ROLE_PERMISSIONS.CODER).map((i) => i.label)).toEqual([
      'Home',
      'My queue',
      'My quality',
      'Account',
    ]);
    expect(navItemsFor(ROLE_PERMISSIONS.SUPERVISOR).map((i) => i.label)).toEqual([
      'Home',
      'Assignment',
      'Quality audit',
      'Account',
    ]);
    expect(navItemsFor(ROLE_PERMISSIONS.COMPLIANCE).map((i) => i.label)).toEqual(['Home', 'Compliance', 'Account']);
  });
});
