export * from './lib/api-quality.module';
