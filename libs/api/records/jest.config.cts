module.exports = {
  displayName: 'api-records',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // A few dependencies ship ESM only (faker; via api-access, some of identity's); jest's CommonJS runtime needs them compiled.
  transformIgnorePatterns: [
    '/node_modules/(?!.*/node_modules/content-disposition/|content-disposition/|@scure/base/|.*/node_modules/@noble/hashes/|@noble/hashes/|@faker-js/faker/)',
  ],
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../../coverage/libs/api/records',
};
