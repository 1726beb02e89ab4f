import { WorklistTables1764500000000 } from './1764500000000-worklist-tables';

export const WORKLIST_MIGRATIONS = [WorklistTables1764500000000];
