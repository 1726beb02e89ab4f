import { AUDIT_MIGRATIONS } from '@chartdesk/api-audit';
import { COMPLIANCE_MIGRATIONS } from '@chartdesk/api-compliance';
import { CODESETS_MIGRATIONS } from '@chartdesk/api-codesets';
import { DATABASE_MIGRATIONS } from '@chartdesk/api-database';
import { IDENTITY_MIGRATIONS } from '@chartdesk/api-identity';
import { RECORDS_MIGRATIONS } from '@chartdesk/api-records';
import { WORKLIST_MIGRATIONS } from '@chartdesk/api-worklist';
import { QUALITY_MIGRATIONS } from '@chartdesk/api-quality';

/** Every lib's migrations; TypeORM orders them by the timestamp in their names. */
export const ALL_MIGRATIONS = [
  ...DATABASE_MIGRATIONS,
  ...AUDIT_MIGRATIONS,
  ...CODESETS_MIGRATIONS,
  ...IDENTITY_MIGRATIONS,
  ...RECORDS_MIGRATIONS,
  ...COMPLIANCE_MIGRATIONS,
  ...WORKLIST_MIGRATIONS,
  ...QUALITY_MIGRATIONS,
];
