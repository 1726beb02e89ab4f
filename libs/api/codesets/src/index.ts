export * from './lib/api-codesets.module';
