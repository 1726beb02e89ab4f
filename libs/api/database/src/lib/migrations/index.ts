import { DatabaseExtensions1764000000000 } from './1764000000000-database-extensions';
import { DemoSeedMarker1764000000001 } from './1764000000001-demo-seed-marker';

export const DATABASE_MIGRATIONS = [DatabaseExtensions1764000000000, DemoSeedMarker1764000000001];
