import { IdentityTables1764200000000 } from './1764200000000-identity-tables';
import { IdentityReadModel1765100000000 } from './1765100000000-identity-read-model';
import { StepUpThrottle1765200000000 } from './1765200000000-step-up-throttle';
import { AccountApproval1765200000002 } from './1765200000002-account-approval';

export const IDENTITY_MIGRATIONS = [
  IdentityTables1764200000000,
  IdentityReadModel1765100000000,
  StepUpThrottle1765200000000,
  AccountApproval1765200000002,
];
