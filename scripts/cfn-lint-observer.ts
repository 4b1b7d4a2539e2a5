/**
 * `npm run check:cfn-lint`: synthesizes AppleTrafficObserver (subnets, network interfaces, and a
 * VPC with Resolver query logging) and runs cfn-lint over the template, when cfn-lint is on the
 * machine. cfn-lint is a Python tool outside the npm registry, so without it this says so and
 * stops without failing; with it, any finding fails the check.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { AppleTrafficObserver } from '../lib/cdk';

function cfnLint(): string[] | undefined {
  for (const command of [['cfn-lint'], ['python3', '-m', 'cfnlint.runner']]) {
    const probe = spawnSync(command[0], [...command.slice(1), '--version'], { encoding: 'utf8' });
    if (probe.status === 0) {
      return command;
    }
  }
  return undefined;
}

function main(): void {
  const command = cfnLint();
  if (!command) {
    console.log('check:cfn-lint: cfn-lint is not installed on this machine (pip install cfn-lint); the observer template was not linted.');
    return;
  }
  const app = new App();
  // Environment-agnostic, so the VPC's subnets take their zones from Fn::GetAZs rather than placeholders.
  const stack = new Stack(app, 'AppleTrafficObserverLint');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Desktops', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  new AppleTrafficObserver(stack, 'Watch', { vpc, subnets: vpc.isolatedSubnets, resolverQueryLogging: true, retentionDays: 30 });
  new AppleTrafficObserver(stack, 'WatchHost', { networkInterfaceIds: ['eni-0123456789abcdef0'], trafficType: 'REJECT', maxAggregationInterval: 600 });
  const dir = mkdtempSync(join(tmpdir(), 'cfn-lint-'));
  try {
    const file = join(dir, 'observer.template.json');
    writeFileSync(file, JSON.stringify(app.synth().getStackByName(stack.stackName).template, null, 2));
    const lint = spawnSync(command[0], [...command.slice(1), '--regions', 'eu-west-1', '--', file], { encoding: 'utf8' });
    if (lint.status !== 0) {
      console.error(`check:cfn-lint: cfn-lint found problems in the observer template:\n${lint.stdout}${lint.stderr}`);
      process.exit(1);
    }
    console.log(`check:cfn-lint: ${command.join(' ')} found nothing in the observer template.`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
