import { AuditTrail1764100000000 } from './1764100000000-audit-trail';

export const AUDIT_MIGRATIONS = [AuditTrail1764100000000];
