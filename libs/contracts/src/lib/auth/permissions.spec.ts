import { PERMISSIONS, ROLE_PERMISSIONS, roleHasPermission } from './permissions';
import { ROLES } from './roles';

describe('ROLE_PERMISSIONS', () => {
  it('grants every permission to at least one role', () => {
    const granted = new Set(ROLES.flatMap((r) => ROLE_PERMISSIONS[r]));
    expect(PERMISSIONS.filter((p) => !granted.has(p))).toEqual([]);
  });

  it('keeps the admin away from patient data', () => {
    for (const p of ['chart:read', 'compliance:report', 'patient:identify', 'compliance:investigate'] as const) {
      expect(roleHasPermission('ADMIN', p)).toBe(false);
    }
  });

  it('keeps compliance away from coding and coders away from compliance', () => {
    expect(roleHasPermission('COMPLIANCE', 'chart:read')).toBe(false);
    expect(roleHasPermission('CODER', 'compliance:report')).toBe(false);
    expect(roleHasPermission('CODER', 'worklist:assign')).toBe(false);
  });

  it('leaves break-the-glass to supervisors: compliance opens investigations instead', () => {
    expect(ROLES.filter((r) => roleHasPermission(r, 'break-glass:request'))).toEqual(['SUPERVISOR']);
  });
});
