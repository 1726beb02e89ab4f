export * from './lib/supervisor.routes';
export * from './lib/quality/quality.routes';
