import type { DataSourceOptions, MixedList } from 'typeorm';

// TypeORM's own types for these lists; an entity or migration is a class.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type ClassList = MixedList<Function | string>;

export interface ConnectionTarget {
  /** A postgres:// URL, or the embedded server's socket. */
  readonly url?: string;
  readonly socketDir?: string;
  readonly port?: number;
}

/**
 * The options shared by the app, the CLI and the tests. Never `synchronize`:
 * the schema changes only through migrations.
 */
export function dataSourceOptions(
  target: ConnectionTarget,
  poolSize: number,
  entities: ClassList,
  migrations: ClassList,
): DataSourceOptions {
  const connection = target.socketDir
    ? { host: target.socketDir, port: target.port, username: 'postgres', database: 'postgres' }
    : { url: target.url };
  return {
    type: 'postgres',
    ...connection,
    entities,
    migrations,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: {
      max: poolSize,
      // A stuck query must not hold a pooled connection for ever.
      statement_timeout: 30_000,
      idle_in_transaction_session_timeout: 60_000,
      application_name: 'chartdesk',
    },
  };
}
