// Feature routes and pages land here (see the issues for the coder workspace).
export {};
export * from './lib/quality/quality.routes';
