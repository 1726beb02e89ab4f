import { IdentityTables1764200000000 } from './1764200000000-identity-tables';

export const IDENTITY_MIGRATIONS = [IdentityTables1764200000000];
