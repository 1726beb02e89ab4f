import { ComplianceWorkbench1764600000000 } from './1764600000000-compliance-workbench';

export const COMPLIANCE_MIGRATIONS = [ComplianceWorkbench1764600000000];
