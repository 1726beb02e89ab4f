import { ComplianceWorkbench1764600000000 } from './1764600000000-compliance-workbench';
import { SecurityRules1765200000001 } from './1765200000001-security-rules';

export const COMPLIANCE_MIGRATIONS = [ComplianceWorkbench1764600000000, SecurityRules1765200000001];
