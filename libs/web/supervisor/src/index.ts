// Feature routes and pages land here (see the issues for the supervisor workspace).
export {};
export * from './lib/quality/quality.routes';
