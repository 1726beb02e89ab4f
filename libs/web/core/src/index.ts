export * from './lib/health/health.service';
export * from './lib/status/status.routes';
