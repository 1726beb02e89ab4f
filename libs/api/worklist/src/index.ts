export * from './lib/api-worklist.module';
export * from './lib/migrations';
export * from './lib/status/coding-status-machine';
export * from './lib/status/chart-transition';
export * from './lib/demo/worklist-demo-seed';
export { SaveCodesDto } from './lib/coding/dto/codes.dto';
export { appendCodingVersion, latestCodingVersion } from './lib/coding/coding-versions';
export { recordChartReturn } from './lib/supervision/chart-returns';
