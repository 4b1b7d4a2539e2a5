/**
 * Mutation testing, one lib file at a time: `npm run mutation -- lib/core/aws/network-acl.ts`.
 * Stryker changes the file's code one mutant at a time and runs only the tests that cover the
 * mutant (per-test coverage); a mutant no test kills marks behaviour no test pins. Not part of
 * `npm test` or CI: it takes minutes per file.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const jestConfig = require('./jest.mutation.config.js');

/** The file given after `--mutate`, e.g. `lib/core/aws/network-acl.ts`. */
const flag = process.argv.findIndex((arg) => arg === '--mutate' || arg === '-m');
const mutated = flag >= 0 ? (process.argv[flag + 1] ?? '') : '';

/**
 * The tests of the mutated file's own room, as test/ mirrors lib/ (test/core/aws for
 * lib/core/aws/network-acl.ts, test/cdk for lib/cdk/peers.ts): a room's tests must pin its
 * behaviour, and tests that reach it through other rooms (a CDK synth, the flow analysis) would make
 * every mutant cost seconds without saying which of the room's tests is missing.
 */
const room = /^lib\/(core\/[^/]+|[^/]+)\//.exec(mutated)?.[1];

export default {
  testRunner: 'jest',
  plugins: ['@stryker-mutator/jest-runner'],
  jest: {
    projectType: 'custom',
    config: { ...jestConfig, ...(room ? { testMatch: [`<rootDir>/test/${room}/**/*.test.ts`] } : {}) },
    enableFindRelatedTests: true,
  },
  coverageAnalysis: 'perTest',
  // The machine is shared: two test processes at most.
  concurrency: 2,
  ignorePatterns: ['dist', 'cdk.out', 'coverage', 'reports'],
  tempDirName: '.stryker-tmp',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false },
  thresholds: { high: 90, low: 80, break: null },
  // A mutant that loops forever (a collision walk that never ends) fails after this much more than the tests' own time.
  timeoutMS: 10000,
};
