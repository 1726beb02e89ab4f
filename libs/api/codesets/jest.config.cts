module.exports = {
  displayName: 'api-codesets',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // A few dependencies of the platform lib ship ESM only; jest's CommonJS runtime needs them compiled.
  transformIgnorePatterns: ['/node_modules/(?!.*/node_modules/content-disposition/|content-disposition/)'],
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../../coverage/libs/api/codesets',
};
