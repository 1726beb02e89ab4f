export * from './lib/data-source-options';
export * from './lib/database-target';
export * from './lib/database.module';
export * from './lib/embedded/embedded-postgres';
export * from './lib/migration-runner';
export * from './lib/migrations';
export * from './lib/database-mode.token';
export * from './lib/demo-seed-steps';
