module.exports = {
  displayName: 'api-records',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // faker ships ESM only; jest's CommonJS runtime needs it compiled.
  transformIgnorePatterns: ['/node_modules/(?!@faker-js/faker/)'],
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../../coverage/libs/api/records',
};
