module.exports = {
  displayName: 'api-compliance',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // A dependency of the platform lib ships ESM only; jest's CommonJS runtime needs it compiled.
  transformIgnorePatterns: ['/node_modules/(?!.*/node_modules/content-disposition/|content-disposition/)'],
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../../coverage/libs/api/compliance',
};
