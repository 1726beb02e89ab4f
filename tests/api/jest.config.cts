const { tierConfig } = require('../jest.shared.cjs');

module.exports = tierConfig('api', {
  testMatch: ['<rootDir>/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/global-setup.ts',
  globalTeardown: '<rootDir>/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
});
