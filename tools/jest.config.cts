// The runner is plain JavaScript run by node: its spec needs no transform, so
// no preset (the Nx preset would add ts-jest for every file).
module.exports = {
  displayName: 'tools',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.spec.cjs'],
  transform: {},
};
