module.exports = {
  displayName: 'api-identity',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // otplib's base32 dependency ships ESM only; jest's CommonJS runtime needs it compiled.
  transformIgnorePatterns: [
    '/node_modules/(?!.*/node_modules/content-disposition/|content-disposition/|@scure/base/|.*/node_modules/@noble/hashes/|@noble/hashes/)',
  ],
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../../coverage/libs/api/identity',
};
