/**
 * What lib/pulumi may load and contain: the @pulumi/aws modules of the resources it creates only
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

/**
 * The @pulumi/aws modules lib/pulumi loads, each for the resources it creates: ec2 (groups, ACLs,
 * prefix lists, flow logs), vpc (security-group rules), networkfirewall (rule groups), and for
 * AppleTrafficObserver the cloudwatch log group and query definition files (the cloudwatch module's
 * index would load lambda, iam and config for its event helpers), iam (the flow logs role), route53
 * (Resolver query logging and DNS Firewall) and getCallerIdentity (the account the role's trust is pinned to).
 */
const AWS_MODULES = [
  '@pulumi/aws/ec2',
  '@pulumi/aws/vpc',
  '@pulumi/aws/networkfirewall',
  '@pulumi/aws/cloudwatch/logGroup',
  '@pulumi/aws/cloudwatch/queryDefinition',
  '@pulumi/aws/iam',
  '@pulumi/aws/route53',
  '@pulumi/aws/getCallerIdentity',
];

test('lib/pulumi imports only @pulumi/pulumi, the modules of @pulumi/aws it creates resources with, and the core', () => {
  expect(sources.length).toBeGreaterThan(5);
  const outside = sources.flatMap(({ file, text }) =>
    imports(text)
      .filter((m) => !['@pulumi/pulumi', ...AWS_MODULES, '../core', '../core/internal'].includes(m) && !m.startsWith('./'))
      .map((m) => `${file}: ${m}`),
  );
  expect(outside).toEqual([]);
});

test('importing apple-ports/pulumi loads those modules, never the whole @pulumi/aws (fresh node process)', () => {
  const root = join(__dirname, '..', '..');
  const script = [
    "require('./lib/pulumi/index.ts');",
    'const parts = Object.keys(require.cache).flatMap((f) => { const m = /node_modules[\\\\/]@pulumi[\\\\/]aws[\\\\/]([^\\\\/]+)/.exec(f); return m ? [m[1]] : []; });',
    'process.stdout.write(JSON.stringify([...new Set(parts)].sort()));',
  ].join('\n');
  const loaded: string[] = JSON.parse(execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: root, encoding: 'utf8' }));
  // index.js is the whole package; types/ and utilities.js are what every module shares.
  expect(loaded).not.toContain('index.js');
  expect(loaded.filter((part) => !part.includes('.') && part !== 'types')).toEqual(['cloudwatch', 'ec2', 'iam', 'networkfirewall', 'route53', 'vpc']);
  expect(loaded).toContain('getCallerIdentity.js');
});

test('lib/pulumi holds no port numbers', () => {
  // Numbers in code, not in comments: a port would appear as a literal of two or more digits.
  const literals = sources.flatMap(({ file, text }) => {
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '').replace(/'[^'\n]*'|`[^`]*`/g, "''");
    return [...code.matchAll(/\b\d{2,}\b/g)].map((m) => `${file}: ${m[0]}`);
  });
  expect(literals).toEqual([]);
});
