export * from './lib/api-records.module';
