/** One Jest run covers the three tiers: unit (*.spec.ts next to the code), integration (*.int-spec.ts,
 * real PostgreSQL and RabbitMQ) and e2e (test/e2e, the built services as separate processes). */
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.int-spec.ts', '<rootDir>/libs/**/*.int-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/test/**/*.spec.ts', '<rootDir>/apps/dashboard/**/*.spec.tsx'],
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/apps/dashboard/src/$1', ...pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }) },
  // The dashboard (React, JSX) compiles with its own transformer; the first matching pattern wins.
  transform: {
    '^.+/apps/dashboard/.+\\.tsx?$': '<rootDir>/test/support/dashboard-transformer.cjs',
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  testTimeout: 60000,
  verbose: false,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
