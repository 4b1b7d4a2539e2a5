/**
 * The package as users install it: `apple-ports`, `apple-ports/cdk` and `apple-ports/pulumi`
 * resolve through package.json's exports to the built files, and the core entry loads no
 * framework. `npm test` builds first.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { assertBuilt } from './cli/cli-process';

const root = join(__dirname, '..');

/** Runs a script in a fresh node process at the package root, where `apple-ports` resolves to itself. */
function inFreshNode(script: string): unknown {
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }));
}

const FRAMEWORKS = "Object.keys(require.cache).filter((f) => /node_modules[\\\\/](aws-cdk-lib|constructs|@pulumi)[\\\\/]/.test(f)).length";

describe('the built package', () => {
  beforeAll(() => assertBuilt());

  test('subpath exports resolve to dist and expose the constructs and components', () => {
    const exported = inFreshNode(`
      const paths = ['apple-ports', 'apple-ports/cdk', 'apple-ports/pulumi'].map((p) => require.resolve(p).replace(process.cwd(), '.'));
      const core = require('apple-ports');
      const cdk = require('apple-ports/cdk');
      const pulumi = require('apple-ports/pulumi');
      process.stdout.write(JSON.stringify({
        paths,
        core: ['resolve', 'renderReview', 'planNetworkAcl'].filter((n) => typeof core[n] === 'function'),
        cdk: Object.keys(cdk).sort(),
        pulumi: Object.keys(pulumi).sort(),
        rules: core.resolve({ products: ['FaceTime'] }).rules.length,
      }));`);
    expect(exported).toEqual({
      paths: ['./dist/lib/index.js', './dist/lib/cdk/index.js', './dist/lib/pulumi/index.js'],
      core: ['resolve', 'renderReview', 'planNetworkAcl'],
      cdk: expect.arrayContaining(['AppleNetworkPrefixList', 'AppleServicesEgress', 'AppleServicesFirewallRules', 'AppleServicesIngress']),
      pulumi: expect.arrayContaining(['AppleNetworkPrefixList', 'AppleServicesEgress', 'AppleServicesFirewallRules', 'AppleServicesIngress']),
      rules: 6,
    });
  });

  test('the data files other tools read are exported and shipped', () => {
    const pkg = JSON.parse(require('node:fs').readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown>; files: string[] };
    const data = ['./data/catalogue.json', './data/changes.json', './data/catalogue.csv'];
    expect(data.map((path) => pkg.exports[path])).toEqual(data);
    expect(data.every((path) => pkg.files.includes(path.slice(2)))).toBe(true);
    const resolved = inFreshNode(`process.stdout.write(JSON.stringify(${JSON.stringify(data)}.map((p) => require.resolve('apple-ports' + p.slice(1)).replace(process.cwd(), '.'))))`);
    expect(resolved).toEqual(data);
  });

  test('the built core entry loads no framework, and the adapters do', () => {
    expect(inFreshNode(`require('apple-ports'); process.stdout.write(String(${FRAMEWORKS}))`)).toBe(0);
    expect(inFreshNode(`require('apple-ports/cdk'); process.stdout.write(String(${FRAMEWORKS}))`)).toBeGreaterThan(0);
  });

  test('apple-ports/pulumi loads the @pulumi/aws modules of the resources it creates, never the whole package', () => {
    // The modules boundaries.test.ts allows lib/pulumi to import; the package's index.js would load every AWS service.
    const loaded = inFreshNode(`
      require('apple-ports/pulumi');
      const parts = Object.keys(require.cache).flatMap((f) => { const m = /node_modules[\\\\/]@pulumi[\\\\/]aws[\\\\/]([^\\\\/]+)/.exec(f); return m ? [m[1]] : []; });
      process.stdout.write(JSON.stringify([...new Set(parts)].sort()));`) as string[];
    expect(loaded).not.toContain('index.js');
    // types/ and utilities.js are what every module shares.
    expect(loaded.filter((part) => !part.includes('.') && part !== 'types')).toEqual(['cloudwatch', 'ec2', 'iam', 'networkfirewall', 'route53', 'vpc']);
    expect(loaded).toContain('getCallerIdentity.js');
  });
});
