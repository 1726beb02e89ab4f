import { DatabaseExtensions1764000000000 } from './1764000000000-database-extensions';

export const DATABASE_MIGRATIONS = [DatabaseExtensions1764000000000];
