const { tierConfig } = require('../jest.shared.cjs');

// Benchmarks are not tests: `npm run bench` runs them one at a time, never `npm test`.
module.exports = tierConfig('bench', {
  testMatch: ['<rootDir>/**/*.bench.ts'],
  testTimeout: 1_800_000,
  maxWorkers: 1,
});
