import { AUDIT_COMMANDS, ensureAuditSchema } from '@chartdesk/api-audit';
import { COMPLIANCE_COMMANDS } from '@chartdesk/api-compliance';
import {
  dataSourceOptions,
  openDatabase,
  resetDatabase,
  revertLastMigration,
  runMigrations,
} from '@chartdesk/api-database';
import { IDENTITY_COMMANDS, createAdminCommand } from '@chartdesk/api-identity';
import { CODESET_COMMANDS } from '@chartdesk/api-codesets';
import { type AppConfig, parseCommandArgs } from '@chartdesk/api-platform';
import { RECORDS_COMMANDS } from '@chartdesk/api-records';
import { QUALITY_COMMANDS } from '@chartdesk/api-quality';
import { DataSource } from 'typeorm';
import { ALL_MIGRATIONS } from './migrations';

type Command = (config: AppConfig, args: readonly string[]) => Promise<number>;

async function withDatabase(
  config: AppConfig,
  work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<void>,
): Promise<void> {
  const db = await openDatabase(config);
  try {
    await work(db);
  } finally {
    await db.close();
  }
}

/** Audit commands run on their own connection to the app's database. */
const auditCommand =
  (name: keyof typeof AUDIT_COMMANDS, as: 'app' | 'owner' = 'app'): Command =>
  async (config, args) => {
    let code = 1;
    await withDatabase(config, async (db) => {
      code = await AUDIT_COMMANDS[name](config, args, as === 'owner' ? db.migrationTarget : db.target);
    });
    return code;
  };

/** A command that works through the app role's connection (what the API itself could do). */
async function withAppDataSource(
  config: AppConfig,
  work: (dataSource: DataSource) => Promise<number>,
): Promise<number> {
  let code = 1;
  await withDatabase(config, async (db) => {
    const dataSource = new DataSource(dataSourceOptions(db.target, 2, [], []));
    await dataSource.initialize();
    try {
      code = await work(dataSource);
    } finally {
      await dataSource.destroy();
    }
  });
  return code;
}

/** Maintenance commands: `node dist/apps/api/main.js <command>`. */
export const COMMANDS: Readonly<Record<string, Command>> = {
  migrate: async (config, args) => {
    if (
      !parseCommandArgs(args, { options: {}, usage: 'Usage: migrate   (applies pending migrations; no arguments)' })
    ) {
      return 2;
    }
    await withDatabase(config, async (db) => {
      const { applied } = await runMigrations(db.migrationTarget, ALL_MIGRATIONS);
      // As the owner: chain streams beyond what the app role may add, and the coming partitions.
      const owner = new DataSource(dataSourceOptions(db.migrationTarget, 1, [], []));
      await owner.initialize();
      await ensureAuditSchema(owner, config.auditChainStreams).finally(() => owner.destroy());
      console.log(
        applied.length
          ? `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}`
          : 'Database is up to date.',
      );
    });
    return 0;
  },
  revert: async (config, args) => {
    if (!parseCommandArgs(args, { options: {}, usage: 'Usage: revert   (undoes the last migration; no arguments)' })) {
      return 2;
    }
    await withDatabase(config, (db) => revertLastMigration(db.migrationTarget, ALL_MIGRATIONS));
    console.log('Reverted the last migration.');
    return 0;
  },
  reset: async (config, args) => {
    const parsed = parseCommandArgs(args, {
      options: { force: { type: 'boolean' } },
      usage: 'Usage: reset [--force]   (drops all data; --force is required in production)',
    });
    if (!parsed) return 2;
    if (config.env === 'production' && !parsed.values.force) {
      console.error('Refusing to reset a production database. Pass --force if you really mean it.');
      return 2;
    }
    await withDatabase(config, async (db) => {
      const { applied } = await resetDatabase(db.migrationTarget, ALL_MIGRATIONS);
      console.log(`Dropped all data and applied ${applied.length} migration(s).`);
    });
    return 0;
  },
  verify: auditCommand('verify'),
  checkpoint: auditCommand('checkpoint'),
  'export-checkpoint': auditCommand('export-checkpoint'),
  'archive-audit': auditCommand('archive-audit', 'owner'),
  'create-admin': (config, args) => withAppDataSource(config, (ds) => createAdminCommand(config, args, ds)),
  ...IDENTITY_COMMANDS,
  ...COMPLIANCE_COMMANDS,
  ...CODESET_COMMANDS,
  ...RECORDS_COMMANDS,
  ...QUALITY_COMMANDS,
};

export function usage(): string {
  return `Usage: node dist/apps/api/main.js [serve|${Object.keys(COMMANDS).join('|')}]`;
}
