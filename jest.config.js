/** Tests run through @swc/jest (transpile only); `npm test` type-checks everything once with tsc first. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] },
  // Examples and tests import the package by name, as users do.
  moduleNameMapper: {
    '^apple-ports$': '<rootDir>/lib/index.ts',
    '^apple-ports/(cdk|pulumi)$': '<rootDir>/lib/$1/index.ts',
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 60000,
  setupFiles: ['<rootDir>/test/template-dump.ts'],
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
};
