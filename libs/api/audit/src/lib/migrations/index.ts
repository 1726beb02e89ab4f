import { AuditTrail1764100000000 } from './1764100000000-audit-trail';
import { AuditAppRoleBounds1765300000000 } from './1765300000000-audit-app-role-bounds';
import { AuditArchive1765300000001 } from './1765300000001-audit-archive';

export const AUDIT_MIGRATIONS = [AuditTrail1764100000000, AuditAppRoleBounds1765300000000, AuditArchive1765300000001];
