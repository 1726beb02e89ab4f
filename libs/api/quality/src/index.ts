export * from './lib/api-quality.module';
export * from './lib/sampling/sample-selection';
export * from './lib/review/code-diff';
export * from './lib/review/review-score';
export * from './lib/scorecard/active-time';
export * from './lib/migrations';
export * from './lib/sampling/sampling-run.service';
export * from './lib/demo/quality-demo-seed';
