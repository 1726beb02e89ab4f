import { openDatabase, runMigrations } from '@chartdesk/api-database';
import { type AppConfig, createHttpApp } from '@chartdesk/api-platform';
import type { Type } from '@nestjs/common';
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

/**
 * Opens the database, migrates when configured to, and builds the HTTP app (not yet listening).
 * `extraModules` mount beside AppModule under the same global guards and audit: the security
 * tests use it to prove a controller nobody classified is refused by the real app.
 */
export async function bootstrapApp(
  config: AppConfig,
  extraModules: readonly Type<unknown>[] = [],
): Promise<RunningApp> {
  const database = await openDatabase(config);
  try {
    if (config.migrateOnStart) await runMigrations(database.migrationTarget, ALL_MIGRATIONS);
    const root = AppModule.forRoot(config, database);
    const app = await createHttpApp(
      extraModules.length ? { module: class AppWithExtras {}, imports: [root, ...extraModules] } : root,
      config,
    );
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
