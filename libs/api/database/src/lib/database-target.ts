import { type AppConfig, databaseMode } from '@chartdesk/api-platform';
import type { ConnectionTarget } from './data-source-options';
import { startEmbeddedPostgres } from './embedded/embedded-postgres';

export interface OpenDatabase {
  readonly mode: 'embedded' | 'server';
  /** Where the app's pool connects. */
  readonly target: ConnectionTarget;
  /** Where migrations run: the owner role in server mode, the same socket when embedded. */
  readonly migrationTarget: ConnectionTarget;
  close(): Promise<void>;
}

/** Starts the embedded server when there is no DATABASE_URL; otherwise just points at the server. */
export async function openDatabase(config: AppConfig): Promise<OpenDatabase> {
  if (databaseMode(config) === 'server') {
    const target = { url: config.databaseUrl };
    return {
      mode: 'server',
      target,
      migrationTarget: { url: config.migrationDatabaseUrl ?? config.databaseUrl },
      close: async () => undefined,
    };
  }
  // Room for the pool, a migration or CLI connection and the audit checkpointer.
  const embedded = await startEmbeddedPostgres(config.dataDir, config.dbPoolSize + 4);
  const target = { socketDir: embedded.socketDir, port: embedded.port };
  return { mode: 'embedded', target, migrationTarget: target, close: () => embedded.close() };
}
