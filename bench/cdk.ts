/**
 * CDK benchmark: the example app against a hand-written app with the same resources and rules —
 * template size (the constructs should add nothing a careful hand-written template lacks) and
 * build + synth time — and how synthesis time grows with the number of constructs (linearly).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { planNetworkAcl, type NetworkAclEntryPlan, type PolicyRule, type Protocol } from '../lib/core';
import { AppleServicesEgress } from '../lib/cdk';
import { POLICY_METADATA_KEY } from '../lib/review/policy-record';
import { SUBNETS, buildExample } from '../examples/cdk/stacks';

/** The example's templates, less the policy records, may be this much larger than the hand-written ones. */
const MAX_TEMPLATE_RATIO = 1.05;
/**
 * The example's build + synth time may be this multiple of the hand-written app's: the
 * constructs resolve the selections, plan the ACL entries and record the policies, and that
 * work must stay small beside what CDK itself does for the same resources.
 */
const MAX_OVERHEAD_RATIO = 1.05;
/** Time per construct at 100 constructs may be at most this multiple of the time at 10. */
const MAX_PER_CONSTRUCT_GROWTH = 2;
const ITERATIONS = 7;
/** The ratio of two ~25 ms timings needs many runs to settle on a shared machine. */
const RATIO_ITERATIONS = 61;
const WARMUP = 2;

/** Rules and entries of the example, read once from the example itself so both apps agree. */
interface ExampleRules {
  readonly vdiEgress: readonly PolicyRule[];
  readonly vdiEntries: readonly NetworkAclEntryPlan[];
  readonly screenSharing: readonly PolicyRule[];
  readonly buildEgress: readonly PolicyRule[];
}

function newApp(outdir: string): App {
  // The built-in CloudFormation validator starts a WASM engine once per process (about 2 s) and
  // then checks each template; it is the same work for both apps, so it is left out here.
  return new App({ outdir, builtinCloudFormationValidation: false });
}

function port(protocol: Protocol, fromPort: number, toPort: number): ec2.Port {
  if (protocol === 'tcp') {
    return fromPort === toPort ? ec2.Port.tcp(fromPort) : ec2.Port.tcpRange(fromPort, toPort);
  }
  return fromPort === toPort ? ec2.Port.udp(fromPort) : ec2.Port.udpRange(fromPort, toPort);
}

function traffic(entry: NetworkAclEntryPlan): ec2.AclTraffic {
  if (entry.protocol === 'icmp' || entry.protocol === 'icmpv6') {
    const message = { type: entry.icmpType, code: entry.icmpCode };
    return entry.protocol === 'icmp' ? ec2.AclTraffic.icmp(message) : ec2.AclTraffic.icmpv6(message);
  }
  const { protocol, fromPort, toPort } = entry;
  if (protocol === 'tcp') {
    return fromPort === toPort ? ec2.AclTraffic.tcpPort(fromPort) : ec2.AclTraffic.tcpPortRange(fromPort, toPort);
  }
  return fromPort === toPort ? ec2.AclTraffic.udpPort(fromPort) : ec2.AclTraffic.udpPortRange(fromPort, toPort);
}

function anyIpv4(rule: PolicyRule): ec2.IPeer {
  if (rule.peer.kind !== 'ipv4') {
    throw new Error(`the hand-written app only renders IPv4 peers, not ${rule.peer.kind}`);
  }
  return ec2.Peer.ipv4(rule.peer.cidr);
}

/** The example app written with plain aws-cdk-lib calls: same stacks, resources and rules. */
function buildHandWritten(app: App, rules: ExampleRules): void {
  const vdi = new Stack(app, 'AppleVdi', { description: 'VDI desktops that use iCloud and FaceTime (apple-ports example)' });
  const vpc = new ec2.Vpc(vdi, 'Vpc', {
    maxAzs: 2,
    natGateways: 1,
    subnetConfiguration: [
      { name: SUBNETS.public, subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
      { name: SUBNETS.vdi, subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
      { name: SUBNETS.macHosts, subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 },
    ],
    flowLogs: { All: { trafficType: ec2.FlowLogTrafficType.ALL } },
  });
  const desktops = new ec2.SecurityGroup(vdi, 'Desktops', { vpc, allowAllOutbound: false, allowAllIpv6Outbound: false });
  for (const rule of rules.vdiEgress) {
    desktops.addEgressRule(anyIpv4(rule), port(rule.protocol, rule.fromPort, rule.toPort), rule.description);
  }
  const acl = new ec2.NetworkAcl(vdi, 'DesktopsAcl', { vpc, subnetSelection: { subnetGroupName: SUBNETS.vdi } });
  const entries = rules.vdiEntries.map((entry) =>
    acl.addEntry(entry.id, {
      ruleNumber: entry.ruleNumber,
      cidr: ec2.AclCidr.ipv4(entry.cidr),
      traffic: traffic(entry),
      direction: entry.egress ? ec2.TrafficDirection.EGRESS : ec2.TrafficDirection.INGRESS,
    }),
  );
  // As careful hand-written code would: switch the subnets to the new ACL only once its entries exist.
  for (const association of acl.node.children.filter((child) => child instanceof ec2.SubnetNetworkAclAssociation)) {
    association.node.addDependency(...entries);
  }

  const hosts = new Stack(app, 'AppleMacHosts', { description: 'EC2 Mac build hosts reached over Screen Sharing (apple-ports example)' });
  const bastion = new ec2.SecurityGroup(hosts, 'Bastion', { vpc, description: 'Admin bastion for the EC2 Mac hosts', allowAllOutbound: false });
  const macHosts = new ec2.SecurityGroup(hosts, 'MacHosts', { vpc, allowAllOutbound: false, allowAllIpv6Outbound: false });
  for (const rule of rules.screenSharing) {
    macHosts.connections.allowFrom(bastion, port(rule.protocol, rule.fromPort, rule.toPort), rule.description);
  }
  for (const rule of rules.buildEgress) {
    macHosts.addEgressRule(anyIpv4(rule), port(rule.protocol, rule.fromPort, rule.toPort), rule.description);
  }
}

/** Constructs per stack in the scaling run: 10 resources each keeps stacks under CloudFormation's 500. */
const CONSTRUCTS_PER_STACK = 25;

/**
 * `count` AppleServicesEgress constructs sharing one VPC, each with its own security group and
 * network ACL, spread over stacks of at most CONSTRUCTS_PER_STACK.
 */
function buildScaled(app: App, count: number): void {
  const vpc = new ec2.Vpc(new Stack(app, 'Network'), 'Vpc', { maxAzs: 2, natGateways: 1 });
  let stack: Stack | undefined;
  for (let i = 0; i < count; i++) {
    if (i % CONSTRUCTS_PER_STACK === 0) {
      stack = new Stack(app, `Desktops${i / CONSTRUCTS_PER_STACK}`);
    }
    const networkAcl = new ec2.NetworkAcl(stack!, `Acl${i}`, { vpc });
    new AppleServicesEgress(stack!, `Desktops${i}`, { products: ['iCloud', 'FaceTime'], vpc, networkAcl });
  }
}

function resourceCount(app: App): number {
  return app.synth().stacks.reduce((sum, s) => sum + Object.keys((s.template as { Resources: object }).Resources).length, 0);
}

/** Bytes of JSON as `cdk synth` writes templates (indented by one space). */
const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value, undefined, 1));

/** Bytes of every stack's template, whole and without the apple-ports policy records. */
function templateBytes(app: App): { whole: number; withoutRecords: number } {
  let whole = 0;
  let withoutRecords = 0;
  for (const stack of app.synth().stacks) {
    const template = stack.template as { Metadata?: Record<string, unknown> };
    whole += jsonBytes(template);
    const metadata = { ...template.Metadata };
    delete metadata[POLICY_METADATA_KEY];
    const rest = { ...template, Metadata: Object.keys(metadata).length > 0 ? metadata : undefined };
    withoutRecords += jsonBytes(rest);
  }
  return { whole, withoutRecords };
}

function timeMs(build: (app: App) => void, outdir: string): number {
  const start = process.hrtime.bigint();
  const app = newApp(outdir);
  build(app);
  app.synth();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Milliseconds to build and synthesize each app, every run after warm-up. The apps take turns,
 * so a slow spell of a shared machine hits both runs of a turn alike, and every other turn runs
 * them in the reverse order, so neither always inherits the garbage the other left.
 */
function runTimes(builds: readonly ((app: App) => void)[], outdir: string, iterations = ITERATIONS): number[][] {
  const times = builds.map(() => [] as number[]);
  for (let i = 0; i < WARMUP + iterations; i++) {
    const order = builds.map((_, b) => b);
    for (const b of i % 2 === 0 ? order : order.reverse()) {
      const ms = timeMs(builds[b]!, join(outdir, String(b)));
      if (i >= WARMUP) {
        times[b]!.push(ms);
      }
    }
  }
  return times;
}

/** Median milliseconds to build and synthesize each app, after warm-up. */
function medianMs(builds: readonly ((app: App) => void)[], outdir: string, iterations = ITERATIONS): number[] {
  return runTimes(builds, outdir, iterations).map(median);
}

/** Prints the CDK tables; returns false when a target is missed. */
export async function run(): Promise<boolean> {
  const outdir = mkdtempSync(join(tmpdir(), 'apple-ports-bench-'));
  try {
    const reference = newApp(join(outdir, 'reference'));
    const example = buildExample(reference);
    const rules: ExampleRules = {
      vdiEgress: example.vdi.desktops.policy.rules,
      vdiEntries: planNetworkAcl(example.vdi.desktops.networkAclPolicy),
      screenSharing: example.macHosts.screenSharing.policy.rules,
      buildEgress: example.macHosts.buildEgress.policy.rules,
    };

    const exampleResources = resourceCount(reference);
    const handApp = newApp(join(outdir, 'hand-check'));
    buildHandWritten(handApp, rules);
    const handResources = resourceCount(handApp);
    const exampleBytes = templateBytes(reference);
    const handBytes = templateBytes(handApp);
    const templateRatio = exampleBytes.withoutRecords / handBytes.withoutRecords;
    console.log('\nCDK: template bytes of the example app against the same stacks written by hand (JSON as cdk synth writes it)');
    console.table([
      { app: 'example (apple-ports constructs)', 'bytes': exampleBytes.whole, [`bytes without ${POLICY_METADATA_KEY}`]: exampleBytes.withoutRecords },
      { app: 'hand-written (plain aws-cdk-lib)', 'bytes': handBytes.whole, [`bytes without ${POLICY_METADATA_KEY}`]: handBytes.withoutRecords },
      { app: `ratio (target <= ${MAX_TEMPLATE_RATIO} without the records)`, 'bytes': Number((exampleBytes.whole / handBytes.whole).toFixed(2)), [`bytes without ${POLICY_METADATA_KEY}`]: Number(templateRatio.toFixed(3)) },
    ]);
    console.log(
      `The ${exampleBytes.whole - exampleBytes.withoutRecords} bytes between the two are the templates' ${POLICY_METADATA_KEY} Metadata: each construct's resolved policy, which apple-ports review and diff read back; a hand-written template has no equivalent. The rest is the same resources and rules.`,
    );

    const [exampleTimes, handTimes] = runTimes([(app) => buildExample(app), (app) => buildHandWritten(app, rules)], join(outdir, 'example'), RATIO_ITERATIONS);
    const [exampleMs, handMs] = [median(exampleTimes), median(handTimes)];
    // The ratio of each turn's two runs, whose machine state was alike, then the median of those.
    const ratio = median(exampleTimes.map((ms, turn) => ms / handTimes[turn]));

    console.log(`\nCDK: the example app against the same stacks written by hand (build + synth, ${RATIO_ITERATIONS} alternating turns: medians, and the median of each turn's ratio; built-in CloudFormation validation off: its WASM engine costs both apps the same)`);
    console.table([
      { app: 'example (apple-ports constructs)', resources: exampleResources, ms: Number(exampleMs.toFixed(1)) },
      { app: 'hand-written (plain aws-cdk-lib)', resources: handResources, ms: Number(handMs.toFixed(1)) },
      { app: `ratio per turn, median (target <= ${MAX_OVERHEAD_RATIO})`, resources: '', ms: Number(ratio.toFixed(3)) },
    ]);
    console.log('The difference is the work the hand-written app skips: resolving the selections, planning the ACL entries and writing the policy records.');

    const scaled = [1, 10, 100].map((count) => {
      const [ms] = medianMs([(app) => buildScaled(app, count)], join(outdir, `scaled-${count}`), count === 100 ? 5 : 15);
      return { count, ms };
    });
    const base = scaled[0].ms;
    const perConstruct = (i: number) => (scaled[i].ms - base) / (scaled[i].count - 1);
    console.log(`\nCDK: build + synth time as constructs are added (one VPC; each construct has a security group and a network ACL with 8 entries; ${CONSTRUCTS_PER_STACK} per stack)`);
    console.table(
      scaled.map(({ count, ms }, i) => ({
        constructs: count,
        ms: Number(ms.toFixed(1)),
        'ms per added construct': i === 0 ? '' : Number(perConstruct(i).toFixed(2)),
      })),
    );
    const growth = perConstruct(2) / perConstruct(1);
    console.log(`Per-construct cost at 100 vs 10: ${growth.toFixed(2)}x (target <= ${MAX_PER_CONSTRUCT_GROWTH}x: linear growth).`);

    return templateRatio <= MAX_TEMPLATE_RATIO && ratio <= MAX_OVERHEAD_RATIO && exampleResources === handResources && growth <= MAX_PER_CONSTRUCT_GROWTH;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
