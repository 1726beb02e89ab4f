export * from './lib/api-error';
export * from './lib/api-paths';
export * from './lib/health';
