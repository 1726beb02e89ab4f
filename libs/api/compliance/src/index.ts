export * from './lib/compliance.module';
export * from './lib/migrations';
export * from './lib/anomaly/anomaly-detector.service';
export * from './lib/exports/export-manifest';
export * from './lib/exports/export-digest';
export * from './lib/exports/verify-export-file';
export * from './lib/exports/compliance-commands';
export * from './lib/demo/compliance-demo-seed';
