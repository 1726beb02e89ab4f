export * from './lib/api-access.module';
