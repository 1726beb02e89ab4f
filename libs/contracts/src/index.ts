export * from './lib/api-error';
export * from './lib/api-paths';
export * from './lib/audit/audit-action';
export * from './lib/auth/permissions';
export * from './lib/auth/roles';
export * from './lib/health';
