/**
 * Jest for mutation testing (`npm run mutation -- <file>`): the suite less the tests that run the
 * built package (`dist/`, through test/cli/cli-process.ts). Stryker mutates the sources in its
 * sandbox and does not rebuild, so those tests would run unmutated code; the in-process CLI tests
 * (test/cli/run.test.ts and friends) stay.
 */
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const base = require('./jest.config');

const builtPackageTests = ['test/cli', 'test']
  .flatMap((dir) => readdirSync(join(__dirname, dir)).filter((f) => f.endsWith('.test.ts')).map((f) => `${dir}/${f}`))
  .filter((path) => /from '\.\/(cli\/)?cli-process'/.test(readFileSync(join(__dirname, path), 'utf8')));

module.exports = {
  ...base,
  // Jest finds the tests related to a file through the module graph, which holds only its roots.
  roots: [...base.roots, '<rootDir>/lib'],
  testPathIgnorePatterns: ['/node_modules/', ...builtPackageTests.map((path) => `<rootDir>/${path}$`)],
  reporters: ['default'],
};
