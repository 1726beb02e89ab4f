const { tierConfig } = require('../jest.shared.cjs');

module.exports = tierConfig('security', {
  testMatch: ['<rootDir>/**/*.security-spec.ts'],
  // Same fresh PostgreSQL database per run as the integration tier.
  globalSetup: '<rootDir>/../api/global-setup.ts',
  globalTeardown: '<rootDir>/../api/global-teardown.ts',
  testTimeout: 120_000,
  maxWorkers: 1,
});
