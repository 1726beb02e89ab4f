export * from './lib/api-compliance.module';
