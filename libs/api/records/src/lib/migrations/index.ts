import { RecordsTables1764300000000 } from './1764300000000-records-tables';
import { BreakGlassAndInvestigations1764300000001 } from './1764300000001-break-glass-and-investigations';
import { RecordsReadModel1765100000001 } from './1765100000001-records-read-model';

export const RECORDS_MIGRATIONS = [
  RecordsTables1764300000000,
  BreakGlassAndInvestigations1764300000001,
  RecordsReadModel1765100000001,
];
