export * from './lib/api-worklist.module';
