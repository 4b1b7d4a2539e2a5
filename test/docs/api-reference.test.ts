/**
 * The API reference cannot rot: `npm run docs` builds it with TypeDoc from the JSDoc of every
 * public entry point and fails on an export without documentation or a broken link, and CI runs it
 * after the tests. TypeDoc itself takes about half a minute, so this test checks the wiring only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';

const root = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

interface TypeDocOptions {
  readonly entryPoints: readonly string[];
  readonly out: string;
  readonly treatWarningsAsErrors: boolean;
  readonly validation: Readonly<Record<string, boolean>>;
  readonly requiredToBeDocumented: readonly string[];
}

/** typedoc.json, which TypeDoc reads as JSON with comments, as tsconfig files are. */
function typedocOptions(): TypeDocOptions {
  const parsed = ts.parseConfigFileTextToJson('typedoc.json', read('typedoc.json'));
  if (parsed.error) {
    throw new Error(ts.flattenDiagnosticMessageText(parsed.error.messageText, '\n'));
  }
  return parsed.config as TypeDocOptions;
}

const packageJson = JSON.parse(read('package.json')) as {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
  exports: Record<string, string | { types: string; default: string }>;
};

test('one entry point per code subpath of the package, each its source index', () => {
  const fromExports = Object.values(packageJson.exports)
    .filter((target): target is { types: string; default: string } => typeof target === 'object')
    .map((target) => target.types.replace(/^\.\/dist\//, '').replace(/\.d\.ts$/, '.ts'))
    .sort();
  expect(fromExports).toEqual(['lib/cdk/index.ts', 'lib/index.ts', 'lib/pulumi/index.ts']);
  expect([...typedocOptions().entryPoints].sort()).toEqual(fromExports);
});

test('an export without documentation, or a broken link, fails the build', () => {
  const options = typedocOptions();
  expect(options.treatWarningsAsErrors).toBe(true);
  expect(options.validation).toMatchObject({ notDocumented: true, invalidLink: true, notExported: true });
  expect(options.requiredToBeDocumented).toEqual(expect.arrayContaining(['Class', 'Constructor', 'Function', 'Interface', 'Property', 'TypeAlias', 'Variable']));
});

test('npm run docs runs that configuration with a pinned TypeDoc, into a git-ignored folder', () => {
  expect(packageJson.scripts.docs).toBe('typedoc --options typedoc.json');
  expect(packageJson.devDependencies.typedoc).toMatch(/^\d+\.\d+\.\d+$/);
  const out = typedocOptions().out.replace(/\/?$/, '/');
  expect(read('.gitignore').split('\n')).toContain(out);
});

test('CI builds the reference after the tests', () => {
  const steps = read('.ci/run')
    .split('\n')
    .filter((line) => !line.startsWith('#'));
  // `npm test`, with or without variables set for it.
  const tests = steps.findIndex((line) => /^([A-Z_]+=\S+ )*npm test$/.test(line));
  const docs = steps.findIndex((line) => /^npm run (--silent )?docs$/.test(line));
  expect(tests).toBeGreaterThanOrEqual(0);
  expect(docs).toBeGreaterThan(tests);
});
