/** Shared by the integration, security and browser tiers. */
function tierConfig(name, overrides = {}) {
  return {
    displayName: name,
    preset: '../../jest.preset.js',
    testEnvironment: 'node',
    transform: {
      '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/../tsconfig.json' }],
    },
    moduleFileExtensions: ['ts', 'js', 'json'],
    // A few dependencies ship ESM only; jest's CommonJS runtime needs them compiled.
    transformIgnorePatterns: ['/node_modules/(?!.*/node_modules/content-disposition/|content-disposition/|@scure/base/|.*/node_modules/@noble/hashes/|@noble/hashes/|@faker-js/faker/)'],
    ...overrides,
  };
}
module.exports = { tierConfig };
