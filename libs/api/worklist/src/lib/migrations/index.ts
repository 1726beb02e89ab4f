import { WorklistTables1764500000000 } from './1764500000000-worklist-tables';
import { WorklistReadModel1765100000002 } from './1765100000002-worklist-read-model';

export const WORKLIST_MIGRATIONS = [WorklistTables1764500000000, WorklistReadModel1765100000002];
