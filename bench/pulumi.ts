/**
 * Pulumi adapter benchmark: what loading `apple-ports/pulumi` costs against loading the whole
 * `@pulumi/aws`, and how long one component takes to construct under the runtime mocks.
 *
 * Imports are timed in fresh Node processes, all with the same tsx loader (the library is
 * TypeScript here), after one warm-up run so tsx's compile cache is filled; the "node + tsx"
 * row is the floor every other row includes.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { NetworkAcl, NetworkAclAssociation, NetworkAclRule, SecurityGroup } from '@pulumi/aws/ec2';
import { SecurityGroupEgressRule, SecurityGroupIngressRule } from '@pulumi/aws/vpc';
import * as pulumi from '@pulumi/pulumi';
import type * as adapter from '../lib/pulumi';

const ROOT = join(__dirname, '..');
const RUNS = 5;

interface ImportCase {
  readonly name: string;
  readonly code: string;
}

const IMPORTS: readonly ImportCase[] = [
  { name: 'node + tsx (floor)', code: '' },
  { name: '@pulumi/pulumi', code: "require('@pulumi/pulumi')" },
  { name: 'apple-ports/pulumi', code: "require('./lib/pulumi/index.ts')" },
  {
    name: 'the @pulumi/aws modules apple-ports/pulumi loads',
    code: ['ec2', 'vpc', 'networkfirewall', 'iam', 'route53', 'cloudwatch/logGroup', 'cloudwatch/queryDefinition', 'getCallerIdentity'].map((m) => `require('@pulumi/aws/${m}')`).join('; '),
  },
  { name: '@pulumi/aws (whole)', code: "require('@pulumi/aws')" },
];

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Wall time of a fresh process running `code`, and its resident memory when done. */
function timeImport(code: string): { ms: number; rssMb: number } {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', `${code}; process.stdout.write(String(process.memoryUsage().rss))`], { cwd: ROOT, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) {
    throw new Error(`'${code}' failed: ${child.stderr}`);
  }
  return { ms, rssMb: Number(child.stdout) / 1e6 };
}

function importTable(): Record<string, number | string>[] {
  let floor = 0;
  return IMPORTS.map(({ name, code }) => {
    timeImport(code);
    const runs = Array.from({ length: RUNS }, () => timeImport(code));
    const ms = median(runs.map((r) => r.ms));
    floor ||= ms;
    return {
      import: name,
      'median ms': Math.round(ms),
      'above floor ms': Math.round(ms - floor),
      'RSS MB': Math.round(median(runs.map((r) => r.rssMb))),
    };
  });
}

async function settle(): Promise<void> {
  // Exported at run time though not in the SDK's typings: the wait Pulumi does before exiting.
  await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
}

/** Milliseconds to construct `build` once, and once its registrations have reached the mocks. */
async function timeConstruct(build: () => unknown): Promise<{ construct: number; settled: number }> {
  const start = process.hrtime.bigint();
  build();
  const constructed = process.hrtime.bigint();
  await settle();
  const settled = process.hrtime.bigint();
  return { construct: Number(constructed - start) / 1e6, settled: Number(settled - start) / 1e6 };
}

/** A resource the mocks saw, to build the same set by hand. */
interface Seen {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
  readonly custom: boolean;
}

type ResourceClass = new (name: string, args: never, opts?: pulumi.CustomResourceOptions) => pulumi.CustomResource;

/** The @pulumi/aws classes of the resources the components create, by type token. */
const CLASSES: Record<string, ResourceClass> = {
  'aws:ec2/securityGroup:SecurityGroup': SecurityGroup as unknown as ResourceClass,
  'aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule': SecurityGroupEgressRule as unknown as ResourceClass,
  'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule': SecurityGroupIngressRule as unknown as ResourceClass,
  'aws:ec2/networkAcl:NetworkAcl': NetworkAcl as unknown as ResourceClass,
  'aws:ec2/networkAclRule:NetworkAclRule': NetworkAclRule as unknown as ResourceClass,
  'aws:ec2/networkAclAssociation:NetworkAclAssociation': NetworkAclAssociation as unknown as ResourceClass,
};

/** The same resources written by hand with the same classes and inputs, under one component. */
function handWritten(seen: readonly Seen[], suffix: string): void {
  const parent = new pulumi.ComponentResource('bench:index:HandWritten', `hand${suffix}`, {}, {});
  for (const resource of seen.filter((r) => r.custom)) {
    const Class = CLASSES[resource.type];
    new Class(`${resource.name}${suffix}`, resource.inputs as never, { parent, deleteBeforeReplace: resource.type === 'aws:ec2/networkAclRule:NetworkAclRule' });
  }
}

async function constructTable(): Promise<Record<string, number | string>[]> {
  let seen: Seen[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        seen.push({ type: args.type, name: args.name, inputs: args.inputs, custom: args.custom !== false });
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: (args) => args.inputs,
    },
    'apple-ports-bench',
    'bench',
    false,
  );
  const { AppleServicesEgress, AppleServicesIngress }: typeof adapter = await import('../lib/pulumi');
  const vpcId = 'vpc-0123456789abcdef0';
  // A subnet takes one network ACL, so each construction gets two subnets of its own.
  const subnetIds = (i: number) => [2 * i, 2 * i + 1].map((n) => `subnet-${n.toString(16).padStart(17, '0')}`);
  const cases: readonly { name: string; build: (i: number) => unknown }[] = [
    { name: 'egress iCloud + FaceTime, group + ACL', build: (i) => new AppleServicesEgress(`vdi${i}`, { products: ['iCloud', 'FaceTime'], vpcId, subnetIds: subnetIds(i) }) },
    {
      name: 'egress managed-mac + communications, IPv6, ACL widened',
      build: (i) => new AppleServicesEgress(`mac${i}`, { profiles: ['managed-mac', 'communications'], ipv6: true, vpcId, subnetIds: subnetIds(i), networkAclOptions: { maxEntries: 8 } }),
    },
    { name: 'ingress remote-admin-host from a group', build: (i) => new AppleServicesIngress(`admin${i}`, { profiles: ['remote-admin-host'], sources: ['sg-0123456789abcdef0'], vpcId }) },
  ];
  const warn = pulumi.log.warn;
  // The widened case warns on every construction; the bench measures, it does not report.
  (pulumi.log as { warn: typeof pulumi.log.warn }).warn = async () => undefined;
  try {
    const rows: Record<string, number | string>[] = [];
    let index = 0;
    for (const { name, build } of cases) {
      seen = [];
      const cold = await timeConstruct(() => build(index++));
      const children = [...seen];
      const warm = [];
      const hand = [];
      for (let i = 0; i < 20; i++) {
        warm.push(await timeConstruct(() => build(index++)));
        hand.push(await timeConstruct(() => handWritten(children, `-${index++}`)));
      }
      const construct = median(warm.map((w) => w.construct));
      const byHand = median(hand.map((w) => w.construct));
      rows.push({
        component: name,
        resources: children.length,
        'first ms': Number(cold.settled.toFixed(1)),
        'construct ms': Number(construct.toFixed(2)),
        'until registered ms': Number(median(warm.map((w) => w.settled)).toFixed(2)),
        'hand-written ms': Number(byHand.toFixed(2)),
        ratio: Number((construct / byHand).toFixed(2)),
      });
    }
    return rows;
  } finally {
    (pulumi.log as { warn: typeof pulumi.log.warn }).warn = warn;
  }
}

/** Prints the Pulumi tables. */
export async function run(): Promise<void> {
  console.log(`\nPulumi: importing the adapter against the whole @pulumi/aws (fresh process each, median of ${RUNS})`);
  console.table(importTable());
  console.log('\nPulumi: constructing one component under runtime mocks (median of 20 after the first), against the same resources written by hand');
  console.table(await constructTable());
  console.log('Most of the construction time is the Pulumi SDK registering each resource; the ratio shows what the resolver and the planning add.');
}
