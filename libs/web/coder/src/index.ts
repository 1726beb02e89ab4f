export * from './lib/coder.routes';
export * from './lib/quality/quality.routes';
