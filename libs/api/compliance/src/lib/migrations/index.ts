import { ComplianceWorkbench1764600000000 } from './1764600000000-compliance-workbench';
import { ReviewQueueOwnership1765100000003 } from './1765100000003-review-queue-ownership';
import { SecurityRules1765200000001 } from './1765200000001-security-rules';

export const COMPLIANCE_MIGRATIONS = [
  ComplianceWorkbench1764600000000,
  ReviewQueueOwnership1765100000003,
  SecurityRules1765200000001,
];
