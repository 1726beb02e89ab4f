import { QualityTables1764700000000 } from './1764700000000-quality-tables';
import { InReviewStatus1764700000001 } from './1764700000001-in-review-status';

export const QUALITY_MIGRATIONS = [QualityTables1764700000000, InReviewStatus1764700000001];
