import type { DatabaseTimeouts } from '@chartdesk/api-platform';
import type { DataSourceOptions, MixedList } from 'typeorm';
import { FailFastClient } from './fail-fast-client';

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
 * Maintenance connections (migrations, imports, verify from the CLI) and the
 * embedded database: long statements are normal there, and PGlite runs every
 * connection's statements one after another, so waiting is not an outage.
 */
const MAINTENANCE_TIMEOUTS: DatabaseTimeouts = {
  statementMs: 30_000,
  lockMs: 0,
  idleInTransactionMs: 60_000,
  connectMs: 30_000,
  queryMs: 0,
};

/**
 * The options shared by the app, the CLI and the tests. Never `synchronize`:
 * the schema changes only through migrations. `timeouts` are the API pool's
 * (server mode); without them the maintenance limits apply.
 */
export function dataSourceOptions(
  target: ConnectionTarget,
  poolSize: number,
  entities: ClassList,
  migrations: ClassList,
  timeouts: DatabaseTimeouts = MAINTENANCE_TIMEOUTS,
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
      Client: FailFastClient,
      // Sent in the startup packet, so every pooled connection has them from its first statement.
      statement_timeout: timeouts.statementMs,
      lock_timeout: timeouts.lockMs,
      idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
      connectionTimeoutMillis: timeouts.connectMs,
      ...(timeouts.queryMs > 0 ? { query_timeout: timeouts.queryMs } : {}),
      // Notice a dead peer on idle pooled sockets instead of on the next request.
      keepAlive: true,
      application_name: 'chartdesk',
    },
  };
}
