/**
 * What lib/pulumi may load and contain: the @pulumi/aws ec2, vpc and networkfirewall modules only
 * (the whole package costs seconds of type-checking for users), and no port numbers (it renders
 * the resolver's rules and nothing else).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, '..', '..', 'lib', 'pulumi');
const sources = readdirSync(DIR)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => ({ file, text: readFileSync(join(DIR, file), 'utf8') }));

function imports(text: string): string[] {
  return [...text.matchAll(/(?:from|import)\s+'([^']+)'/g)].map((m) => m[1]);
}

/** The @pulumi/aws modules lib/pulumi loads, each for the resources it creates. */
const AWS_MODULES = ['@pulumi/aws/ec2', '@pulumi/aws/vpc', '@pulumi/aws/networkfirewall'];

test('lib/pulumi imports only @pulumi/pulumi, the ec2, vpc and networkfirewall modules of @pulumi/aws, and the core', () => {
  expect(sources.length).toBeGreaterThan(5);
  const outside = sources.flatMap(({ file, text }) =>
    imports(text)
      .filter((m) => !['@pulumi/pulumi', ...AWS_MODULES, '../core', '../core/internal'].includes(m) && !m.startsWith('./'))
      .map((m) => `${file}: ${m}`),
  );
  expect(outside).toEqual([]);
});

test('importing apple-ports/pulumi loads the ec2, vpc and networkfirewall modules, never the whole @pulumi/aws (fresh node process)', () => {
  const root = join(__dirname, '..', '..');
  const script = [
    "require('./lib/pulumi/index.ts');",
    'const parts = Object.keys(require.cache).flatMap((f) => { const m = /node_modules[\\\\/]@pulumi[\\\\/]aws[\\\\/]([^\\\\/]+)/.exec(f); return m ? [m[1]] : []; });',
    'process.stdout.write(JSON.stringify([...new Set(parts)].sort()));',
  ].join('\n');
  const loaded: string[] = JSON.parse(execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: root, encoding: 'utf8' }));
  // index.js is the whole package; types/ and utilities.js are what every module shares.
  expect(loaded).not.toContain('index.js');
  expect(loaded.filter((part) => !part.includes('.') && part !== 'types')).toEqual(['ec2', 'networkfirewall', 'vpc']);
});

test('lib/pulumi holds no port numbers', () => {
  // Numbers in code, not in comments: a port would appear as a literal of two or more digits.
  const literals = sources.flatMap(({ file, text }) => {
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '').replace(/'[^'\n]*'|`[^`]*`/g, "''");
    return [...code.matchAll(/\b\d{2,}\b/g)].map((m) => `${file}: ${m[0]}`);
  });
  expect(literals).toEqual([]);
});
