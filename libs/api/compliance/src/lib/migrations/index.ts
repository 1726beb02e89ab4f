import { ComplianceWorkbench1764600000000 } from './1764600000000-compliance-workbench';
import { ReviewQueueOwnership1765100000003 } from './1765100000003-review-queue-ownership';

export const COMPLIANCE_MIGRATIONS = [ComplianceWorkbench1764600000000, ReviewQueueOwnership1765100000003];
