/**
 * `npm run lint:templates`: cfn-lint over every CloudFormation template the tests synthesize and
 * over the example app's, with no error and no warning allowed but those listed below with their
 * reason. cfn-lint is a Python tool outside the npm registry; where it is missing this says so
 * plainly and checks nothing (`npm test` never depends on it).
 *
 * With `APPLE_PORTS_TEMPLATE_DIR` naming a folder a test run already filled (CI sets it for
 * `npm test`), those templates are linted and the tests are not run a second time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Warnings allowed, each with the reason it does not apply to these templates. */
const ALLOWED_WARNINGS: readonly { readonly rule: string; readonly reason: string }[] = [
  {
    rule: 'W3005',
    reason:
      "aws-cdk-lib's own custom resource for @aws-cdk/aws-ec2:restrictDefaultSecurityGroup (in the example app's VPC) declares DependsOn on its role, which its GetAtt already implies; apple-ports resources declare no such DependsOn",
  },
];

/** The regions the templates are checked for: where resource types and properties differ. */
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-northeast-1'];

function cfnLint(): string[] | undefined {
  for (const command of [['cfn-lint'], ['python3', '-m', 'cfnlint']]) {
    if (spawnSync(command[0]!, [...command.slice(1), '--version'], { encoding: 'utf8' }).status === 0) {
      return command;
    }
  }
  return undefined;
}

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`lint:templates: ${command} ${args.join(' ')} failed.`);
    process.exit(1);
  }
}

function main(): void {
  const command = cfnLint();
  if (!command) {
    console.log('lint:templates: cfn-lint is not installed on this machine (it comes with Python: pip install cfn-lint), so no template was linted.');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'apple-ports-templates-'));
  const dumped = process.env.APPLE_PORTS_TEMPLATE_DIR;
  const tests = dumped && existsSync(dumped) && readdirSync(dumped).length > 0 ? dumped : join(dir, 'tests');
  try {
    // Every template a test synthesizes (test/template-dump.ts writes them), then the example app's.
    if (tests !== dumped) {
      run('npx', ['jest', '--silent'], { ...process.env, APPLE_PORTS_TEMPLATE_DIR: tests });
    }
    run('npx', ['cdk', 'synth', '--no-notices', '--quiet', '-o', join(dir, 'cdk.out')]);
    const files = [
      ...readdirSync(tests).map((f) => join(tests, f)),
      ...readdirSync(join(dir, 'cdk.out')).filter((f) => f.endsWith('.template.json')).map((f) => join(dir, 'cdk.out', f)),
    ];
    const ignore = ALLOWED_WARNINGS.length > 0 ? ['--ignore-checks', ...ALLOWED_WARNINGS.map((w) => w.rule)] : [];
    const lint = spawnSync(command[0]!, [...command.slice(1), '--format', 'parseable', '--regions', ...REGIONS, ...ignore, '--', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const findings = lint.stdout.split('\n').filter((line) => line.trim().length > 0);
    if (lint.status !== 0 || findings.length > 0) {
      console.error(`lint:templates: cfn-lint found ${findings.length} problems in ${files.length} templates:\n${findings.join('\n')}${lint.stderr}`);
      process.exit(1);
    }
    const version = spawnSync(command[0]!, [...command.slice(1), '--version'], { encoding: 'utf8' }).stdout.trim();
    console.log(`lint:templates: ${version} found no error and no warning in ${files.length} templates (regions ${REGIONS.join(', ')}).`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
