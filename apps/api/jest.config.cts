module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // api-platform pulls in @fastify/static, whose content-disposition ships ESM only.
  transformIgnorePatterns: [
    '/node_modules/(?!.*/node_modules/content-disposition/|content-disposition/|@scure/base/|.*/node_modules/@noble/hashes/|@noble/hashes/|@faker-js/faker/)',
  ],
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/apps/api',
};
