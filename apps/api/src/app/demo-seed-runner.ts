import { type OpenDatabase, dataSourceOptions } from '@chartdesk/api-database';
import type { AppConfig } from '@chartdesk/api-platform';
import { DataSource } from 'typeorm';
import { seedDemoData } from './demo-seed';

/**
 * Seeds the demo data on the connection that may write it. Embedded: the one
 * superuser. Server mode: the schema owner (DATABASE_MIGRATION_URL), because
 * the demo's 30-day access history is back-dated and the audit trigger takes
 * past times only from the owner; the app role could not, by design.
 */
export async function seedDemoDataAsOwner(
  config: AppConfig,
  database: OpenDatabase,
  appDataSource: DataSource,
  log: (line: string) => void,
): Promise<void> {
  if (database.mode === 'embedded') return seedDemoData(appDataSource, config, log);
  if (config.env === 'production') {
    throw new Error(
      'SEED_DEMO_DATA=true is refused in production with DATABASE_URL: the demo accounts have a published password.',
    );
  }
  const owner = new DataSource(dataSourceOptions(database.migrationTarget, 2, [], []));
  await owner.initialize();
  try {
    const [row] = (await owner.query('SELECT audit_caller_is_owner() AS owner').catch(() => [{ owner: false }])) as {
      owner: boolean;
    }[];
    if (!row?.owner) {
      throw new Error(
        'SEED_DEMO_DATA=true in server mode runs as the schema owner: set DATABASE_MIGRATION_URL to the owner role.',
      );
    }
    await seedDemoData(owner, config, log);
  } finally {
    await owner.destroy();
  }
}
