module.exports = {
  displayName: 'api-worklist',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // The policy's and records' barrels reach ESM-only packages (content-disposition, otplib's base32, faker); compile them for jest.
  transformIgnorePatterns: [
    '/node_modules/(?!.*/node_modules/content-disposition/|content-disposition/|@scure/base/|.*/node_modules/@noble/hashes/|@noble/hashes/|@faker-js/faker/)',
  ],
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../../coverage/libs/api/worklist',
};
