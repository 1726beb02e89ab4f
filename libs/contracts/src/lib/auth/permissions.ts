import type { Role } from './roles';

/**
 * Every permission a route can require. The API guard and the web client's
 * navigation both read ROLE_PERMISSIONS, so the two cannot drift apart.
 */
export const PERMISSIONS = [
  // any signed-in user, about themselves
  'session:self',
  // coding work
  'worklist:read-own',
  'worklist:pull',
  'chart:read',
  'chart:code',
  'chart:submit',
  'query:create',
  'codes:search',
  'quality:respond',
  'scorecard:read-own',
  // supervision
  'worklist:board',
  'worklist:assign',
  'chart:return',
  'lease:break',
  'query:answer',
  'quality:review',
  'quality:configure',
  'scorecard:read-team',
  'break-glass:request',
  // compliance
  'compliance:report',
  'compliance:export',
  'compliance:review',
  'compliance:investigate',
  'audit:verify',
  'patient:identify',
  // administration (never patient data)
  'user:manage',
  'team:manage',
  'codeset:import',
  'fhir:import',
  'settings:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  CODER: [
    'session:self',
    'worklist:read-own',
    'worklist:pull',
    'chart:read',
    'chart:code',
    'chart:submit',
    'query:create',
    'codes:search',
    'quality:respond',
    'scorecard:read-own',
  ],
  SUPERVISOR: [
    'session:self',
    'chart:read',
    'codes:search',
    'worklist:board',
    'worklist:assign',
    'chart:return',
    'lease:break',
    'query:answer',
    'quality:review',
    'quality:configure',
    'scorecard:read-team',
    'break-glass:request',
  ],
  COMPLIANCE: [
    'session:self',
    'compliance:report',
    'compliance:export',
    'compliance:review',
    'compliance:investigate',
    'audit:verify',
    'patient:identify',
    // No break-the-glass: compliance reaches clinical content only by opening an investigation (DESIGN.md).
  ],
  ADMIN: ['session:self', 'user:manage', 'team:manage', 'codeset:import', 'fhir:import', 'settings:manage'],
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
