const { tierConfig } = require('../jest.shared.cjs');

module.exports = tierConfig('e2e', {
  testMatch: ['<rootDir>/**/*.e2e-spec.ts'],
  testTimeout: 120_000,
  // One browser and one app at a time on this 2-core machine.
  maxWorkers: 1,
});
