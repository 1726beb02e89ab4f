import { ROLE_PERMISSIONS } from '@chartdesk/contracts';
import { navItemsFor } from './nav-items';

describe('navItemsFor', () => {
  it('shows administration only to the admin role', () => {
    expect(navItemsFor(ROLE_PERMISSIONS.ADMIN).map((i) => i.label)).toEqual(['Home', 'Users', 'Teams', 'Account']);
    for (const role of ['CODER', 'SUPERVISOR', 'COMPLIANCE'] as const) {
      expect(navItemsFor(ROLE_PERMISSIONS[role]).map((i) => i.label)).toEqual(['Home', 'Account']);
    }
  });
});
