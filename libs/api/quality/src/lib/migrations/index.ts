import { QualityTables1764700000000 } from './1764700000000-quality-tables';

export const QUALITY_MIGRATIONS = [QualityTables1764700000000];
