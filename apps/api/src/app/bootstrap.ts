import { openDatabase, runMigrations } from '@chartdesk/api-database';
import { type AppConfig, createHttpApp } from '@chartdesk/api-platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { seedDemoDataAsOwner } from './demo-seed-runner';
import { ALL_MIGRATIONS } from './migrations';

export interface RunningApp {
  readonly app: NestFastifyApplication;
  readonly mode: 'embedded' | 'server';
  close(): Promise<void>;
}

/** Opens the database, migrates when configured to, and builds the HTTP app (not yet listening). */
export async function bootstrapApp(config: AppConfig): Promise<RunningApp> {
  const database = await openDatabase(config);
  try {
    if (config.migrateOnStart) await runMigrations(database.migrationTarget, ALL_MIGRATIONS);
    const app = await createHttpApp(AppModule.forRoot(config, database), config);
    if (config.seedDemoData) {
      await seedDemoDataAsOwner(config, database, app.get(DataSource), (line) => console.log(line)).catch(
        async (error: unknown) => {
          await app.close();
          throw error;
        },
      );
    }
    return {
      app,
      mode: database.mode,
      async close() {
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
