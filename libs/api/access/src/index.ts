export * from './lib/policies/chart-access-facts';
export * from './lib/policies/chart-access-policy';
export * from './lib/guards/access-guards.module';
export * from './lib/guards/jwt-auth.guard';
export * from './lib/guards/permission.guard';
export * from './lib/guards/route-classification';
