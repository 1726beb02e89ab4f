import { DataSource } from 'typeorm';
import { type ClassList, type ConnectionTarget, dataSourceOptions } from './data-source-options';

export interface MigrationReport {
  readonly applied: readonly string[];
}

async function withDataSource<T>(
  target: ConnectionTarget,
  migrations: ClassList,
  work: (ds: DataSource) => Promise<T>,
): Promise<T> {
  const ds = new DataSource(dataSourceOptions(target, 1, [], migrations));
  await ds.initialize();
  try {
    return await work(ds);
  } finally {
    await ds.destroy();
  }
}

/** Any constant shared by every ChartDesk process; only migrations take it. */
const MIGRATION_LOCK_KEY = 727_274_001;

/**
 * Applies pending migrations. Several API instances (or test workers) may
 * start at once with MIGRATE_ON_START: a session advisory lock on the single
 * pooled connection makes them run one after another instead of racing on
 * the same DDL ("tuple concurrently updated").
 */
export function runMigrations(target: ConnectionTarget, migrations: ClassList): Promise<MigrationReport> {
  return withDataSource(target, migrations, async (ds) => {
    await ds.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await ds.runMigrations({ transaction: 'each' });
      return { applied: applied.map((m) => m.name) };
    } finally {
      await ds.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
}

export function revertLastMigration(target: ConnectionTarget, migrations: ClassList): Promise<void> {
  return withDataSource(target, migrations, (ds) => ds.undoLastMigration({ transaction: 'each' }));
}

/** Drops every ChartDesk object and migrates from scratch. Callers refuse this in production. */
export function resetDatabase(target: ConnectionTarget, migrations: ClassList): Promise<MigrationReport> {
  return withDataSource(target, migrations, async (ds) => {
    await ds.query('DROP SCHEMA IF EXISTS public CASCADE');
    await ds.query('CREATE SCHEMA public');
    const applied = await ds.runMigrations({ transaction: 'each' });
    return { applied: applied.map((m) => m.name) };
  });
}
