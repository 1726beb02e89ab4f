import { RecordsTables1764300000000 } from './1764300000000-records-tables';
import { BreakGlassAndInvestigations1764300000001 } from './1764300000001-break-glass-and-investigations';

export const RECORDS_MIGRATIONS = [RecordsTables1764300000000, BreakGlassAndInvestigations1764300000001];
