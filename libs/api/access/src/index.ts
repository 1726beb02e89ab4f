export * from './lib/api-access.module';
export * from './lib/policies/chart-access-facts';
export * from './lib/policies/chart-access-policy';
