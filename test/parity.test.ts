/**
 * One selection, three renderings: the (direction, protocol, ports, peer) rules the resolver
 * returns, the CloudFormation template of the CDK constructs, and the resources the Pulumi
 * components register under mocks must all be the same set — and so must the network ACL entries,
 * rule numbers included.
 */
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { DEFAULT_NETWORK_ACL_ENTRIES, formatPeer, resolve, type PolicySelection } from 'apple-ports';
import { entryTraffic, planServices } from '../lib/core/internal';
import * as cdk from 'apple-ports/cdk';
import type * as pulumiAdapter from 'apple-ports/pulumi';
import { strictApp } from './cdk/cdk-test-app';
import { errorOf } from './thrown';
import { installMockRecorder, ofType, record, resourceErrorOf, TYPES, type Recording } from './pulumi/mock-recorder';

const SECURITY_GROUP = 'sg-0123456789abcdef0';
/** A network ACL of its own per case: components given the same ACL id share its entries. */
const networkAclFor = (testCase: Case) => `acl-0${(CASES.indexOf(testCase) + 1).toString(16).padStart(16, '0')}`;
const BASTION = 'sg-0fedcba9876543210';

interface Case {
  readonly name: string;
  readonly selection: PolicySelection & { readonly direction: 'egress' | 'ingress' };
  /** Whether the selection also goes into a network ACL (only CIDR peers can). */
  readonly networkAcl: boolean;
}

const CASES: readonly Case[] = [
  { name: 'profile managed-mac', selection: { profiles: ['managed-mac'], direction: 'egress' }, networkAcl: true },
  { name: 'profile communications', selection: { profiles: ['communications'], direction: 'egress' }, networkAcl: true },
  { name: 'profile ec2-mac-build-host', selection: { profiles: ['ec2-mac-build-host'], direction: 'egress' }, networkAcl: true },
  { name: 'profile remote-admin-host from an admin CIDR', selection: { profiles: ['remote-admin-host'], direction: 'ingress', destinations: ['203.0.113.0/24'] }, networkAcl: true },
  { name: 'iCloud + FaceTime with IPv6', selection: { products: ['iCloud', 'FaceTime'], ipv6: true, direction: 'egress' }, networkAcl: true },
  { name: 'ingress from a security group', selection: { products: ['ScreenSharing', 'AppleRemoteDesktop'], direction: 'ingress', destinations: [BASTION] }, networkAcl: false },
  {
    // 66 rules as AWS counts them against maxRules 60: the list's gaps close first, 10 rules saved each.
    name: 'a prefix list counted as its max entries',
    selection: { products: ['iCloud', 'FaceTime'], direction: 'egress', destinations: ['anywhere', { kind: 'prefix-list', id: 'pl-0123456789abcdef0', maxEntries: 10, family: 'ipv4' }], maxRules: 60 },
    networkAcl: false,
  },
  {
    name: 'a network ACL under budget pressure',
    selection: { products: ['GameCenter', 'Messages', 'Mail', 'iCloudMail', 'WiFiCalling', 'Kerberos', 'DNS', 'NetworkTime', 'LDAP', 'LDAPS'], direction: 'egress', destinations: ['anywhere', '10.0.0.0/8'] },
    networkAcl: true,
  },
];

type Line = string;

// ---- the resolver ----------------------------------------------------------------------------

function coreRules(selection: Case['selection']): Line[] {
  return resolve(selection).rules.map((r) => `${selection.direction} ${r.protocol} ${r.fromPort}-${r.toPort} ${formatPeer(r.peer)}`).sort();
}

/** The network ACL entries the one planner both adapters call designs for the selection. */
function coreAclEntries(selection: Case['selection']): Line[] {
  const { destinations, ...rest } = selection;
  const design = planServices({
    ...rest,
    ...(destinations ? { peers: destinations } : {}),
    target: { vpc: false, securityGroup: true, networkAcl: true },
    vocabulary: { typeName: { egress: 'Egress', ingress: 'Ingress' }, claimant: 'construct', props: { vpc: 'vpc', securityGroup: 'securityGroup', subnets: 'subnets', networkAcl: 'networkAcl' }, peerExamples: '' },
  });
  if (!design.ok) {
    throw new Error(design.problems.map((p) => p.message).join('\n'));
  }
  const acl = design.value.networkAclDesign();
  if (!acl.ok) {
    throw new Error(acl.problems.map((p) => p.message).join('\n'));
  }
  return acl.value.entries.map((e) => `${e.egress ? 'out' : 'in'} ${e.ruleNumber} ${entryTraffic(e)} ${e.cidr}`).sort();
}

/** `tcp 443`, `udp 16384-16387` or `icmp 3:4`, from a protocol number or name and its ports or ICMP type. */
function traffic(protocol: unknown, from: unknown, to: unknown, icmp?: { type: unknown; code: unknown }): string {
  const name = PROTOCOL_NAMES[String(protocol)]!;
  if (name === 'icmp' || name === 'icmpv6') {
    return `${name} ${String(icmp?.type)}:${String(icmp?.code)}`;
  }
  return `${name} ${from === to ? String(from) : `${String(from)}-${String(to)}`}`;
}

// ---- the CDK template ------------------------------------------------------------------------

const PROTOCOL_NAMES: Record<string, string> = { '1': 'icmp', '6': 'tcp', '17': 'udp', '58': 'icmpv6', icmp: 'icmp', tcp: 'tcp', udp: 'udp' };

function cdkTemplate(testCase: Case): Template {
  const stack = new Stack(strictApp(), 'Parity');
  const securityGroup = ec2.SecurityGroup.fromSecurityGroupId(stack, 'Group', SECURITY_GROUP, { allowAllOutbound: false });
  const networkAcl = testCase.networkAcl ? ec2.NetworkAcl.fromNetworkAclId(stack, 'Acl', networkAclFor(testCase)) : undefined;
  const { direction, destinations, ...selection } = testCase.selection;
  if (direction === 'egress') {
    new cdk.AppleServicesEgress(stack, 'Apple', { ...selection, ...(destinations ? { destinations } : {}), securityGroup, networkAcl });
  } else {
    new cdk.AppleServicesIngress(stack, 'Apple', { ...selection, sources: destinations ?? [], securityGroup, networkAcl });
  }
  return Template.fromStack(stack);
}

function cdkRules(template: Template): Line[] {
  const lines: Line[] = [];
  for (const [type, direction] of [['AWS::EC2::SecurityGroupEgress', 'egress'], ['AWS::EC2::SecurityGroupIngress', 'ingress']] as const) {
    for (const { Properties: p } of Object.values(template.findResources(type)) as { Properties: Record<string, unknown> }[]) {
      const peer = p.CidrIp ?? p.CidrIpv6 ?? p.DestinationPrefixListId ?? p.DestinationSecurityGroupId ?? p.SourcePrefixListId ?? p.SourceSecurityGroupId;
      lines.push(`${direction} ${PROTOCOL_NAMES[String(p.IpProtocol)]} ${p.FromPort}-${p.ToPort} ${String(peer)}`);
    }
  }
  return lines.sort();
}

function cdkAclEntries(template: Template): Line[] {
  return (Object.values(template.findResources('AWS::EC2::NetworkAclEntry')) as { Properties: Record<string, unknown> }[])
    .map(({ Properties: p }) => {
      const range = p.PortRange as { From: number; To: number } | undefined;
      const icmp = p.Icmp as { Type: number; Code: number } | undefined;
      return `${p.Egress ? 'out' : 'in'} ${p.RuleNumber} ${traffic(p.Protocol, range?.From, range?.To, icmp && { type: icmp.Type, code: icmp.Code })} ${String(p.CidrBlock ?? p.Ipv6CidrBlock)}`;
    })
    .sort();
}

// ---- the Pulumi resources ---------------------------------------------------------------------

let pulumiApple: typeof pulumiAdapter;

beforeAll(async () => {
  await installMockRecorder();
  pulumiApple = await import('apple-ports/pulumi');
});

async function pulumiRecording(testCase: Case): Promise<Recording> {
  const { direction, destinations, ...selection } = testCase.selection;
  const targets = { securityGroupId: SECURITY_GROUP, ...(testCase.networkAcl ? { networkAclId: networkAclFor(testCase) } : {}) };
  return record(() =>
    direction === 'egress'
      ? new pulumiApple.AppleServicesEgress('apple', { ...selection, ...(destinations ? { destinations } : {}), ...targets })
      : new pulumiApple.AppleServicesIngress('apple', { ...selection, sources: destinations ?? [], ...targets }),
  );
}

function pulumiRules(recording: Recording): Line[] {
  return [...ofType(recording, TYPES.egressRule).map((r) => ['egress', r] as const), ...ofType(recording, TYPES.ingressRule).map((r) => ['ingress', r] as const)]
    .map(([direction, { inputs: i }]) => `${direction} ${String(i.ipProtocol)} ${i.fromPort}-${i.toPort} ${String(i.cidrIpv4 ?? i.cidrIpv6 ?? i.prefixListId ?? i.referencedSecurityGroupId)}`)
    .sort();
}

function pulumiAclEntries(recording: Recording): Line[] {
  return ofType(recording, TYPES.networkAclRule)
    .map(({ inputs: i }) => `${i.egress ? 'out' : 'in'} ${i.ruleNumber} ${traffic(i.protocol, i.fromPort, i.toPort, { type: i.icmpType, code: i.icmpCode })} ${String(i.cidrBlock ?? i.ipv6CidrBlock)}`)
    .sort();
}

// ---- the test ---------------------------------------------------------------------------------

describe('the resolver, the CDK template and the Pulumi resources agree', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    const expectedRules = coreRules(testCase.selection);
    const template = cdkTemplate(testCase);
    const recording = await pulumiRecording(testCase);

    expect(expectedRules.length).toBeGreaterThan(0);
    expect(cdkRules(template)).toEqual(expectedRules);
    expect(pulumiRules(recording)).toEqual(expectedRules);

    const expectedEntries = testCase.networkAcl ? coreAclEntries(testCase.selection) : [];
    expect(cdkAclEntries(template)).toEqual(expectedEntries);
    expect(pulumiAclEntries(recording)).toEqual(expectedEntries);
  });

  test('a bastion group of the app or program gets the same matching egress in both', async () => {
    const selection = { products: ['ScreenSharing', 'SSH'] } as const;
    const expected = coreRules({ ...selection, direction: 'ingress', destinations: [BASTION] }).map((line) => line.replace(/^ingress (\S+ \S+) \S+$/, 'egress $1 hosts'));

    const stack = new Stack(strictApp(), 'Matching');
    const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, subnetConfiguration: [{ name: 'private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    const bastion = new ec2.SecurityGroup(stack, 'Bastion', { vpc, allowAllOutbound: false });
    const hosts = ec2.SecurityGroup.fromSecurityGroupId(stack, 'Hosts', SECURITY_GROUP, { allowAllOutbound: false });
    new cdk.AppleServicesIngress(stack, 'Apple', { ...selection, sources: [bastion], securityGroup: hosts });
    // The CDK writes a rule referencing another group as a resource of its own, never inline.
    const cdkLines = (Object.values(Template.fromStack(stack).findResources('AWS::EC2::SecurityGroupEgress')) as { Properties: Record<string, unknown> }[])
      .filter(({ Properties: e }) => JSON.stringify(e.GroupId).includes(stack.getLogicalId(bastion.node.defaultChild as ec2.CfnSecurityGroup)))
      .map(({ Properties: e }) => `egress ${PROTOCOL_NAMES[String(e.IpProtocol)]} ${e.FromPort}-${e.ToPort} ${e.DestinationSecurityGroupId === SECURITY_GROUP ? 'hosts' : String(e.DestinationSecurityGroupId)}`)
      .sort();

    const ec2Pulumi = await import('@pulumi/aws/ec2');
    let bastionId!: string;
    const recording = await record(() => {
      const group = new ec2Pulumi.SecurityGroup('bastion', { vpcId: 'vpc-0123456789abcdef0' });
      group.id.apply((id) => (bastionId = id));
      new pulumiApple.AppleServicesIngress('apple', { ...selection, sources: [{ securityGroup: group }], securityGroupId: SECURITY_GROUP });
    });
    const pulumiLines = ofType(recording, TYPES.egressRule)
      .filter((r) => r.inputs.securityGroupId === bastionId)
      .map(({ inputs: i }) => `egress ${String(i.ipProtocol)} ${i.fromPort}-${i.toPort} ${i.referencedSecurityGroupId === SECURITY_GROUP ? 'hosts' : String(i.referencedSecurityGroupId)}`)
      .sort();

    expect(expected).toEqual(['egress tcp 22-22 hosts', 'egress tcp 5900-5900 hosts', 'egress tcp 88-88 hosts', 'egress udp 5900-5900 hosts']);
    expect(cdkLines).toEqual(expected);
    expect(pulumiLines).toEqual(expected);
  });

  test('the prefix-list case really widens the list\'s rules, and both adapters refuse the same quota overrun without a budget', async () => {
    const { maxRules: _budget, ...selection } = CASES.find((c) => c.name === 'a prefix list counted as its max entries')!.selection;
    expect(resolve({ ...selection, maxRules: 60 }).rules.filter((r) => r.widened.length > 0).map((r) => `${r.protocol} ${r.fromPort}-${r.toPort} ${formatPeer(r.peer)}`)).toEqual(['udp 16384-16402 pl-0123456789abcdef0']);
    const overrun =
      'The egress rules need 66 IPv4 security-group rules, more than the quota of 60. Set maxRules to 60 so ports are widened to fit, select fewer products, or raise the quota and pass it as securityGroupRuleQuota.';
    const stack = new Stack(strictApp(), 'Overrun');
    const securityGroup = ec2.SecurityGroup.fromSecurityGroupId(stack, 'Group', SECURITY_GROUP, { allowAllOutbound: false });
    const { direction: _direction, ...props } = selection;
    expect(errorOf(() => new cdk.AppleServicesEgress(stack, 'Apple', { ...props, securityGroup })).message).toBe(`Overrun/Apple: ${overrun}`);
    const { message } = await resourceErrorOf(() => new pulumiApple.AppleServicesEgress('apple', { ...props, securityGroupId: SECURITY_GROUP }));
    expect(message).toBe(`AppleServicesEgress 'apple': ${overrun}`);
  });

  test('the budget case really widens the network ACL and not the security group', () => {
    const pressured = CASES.find((c) => c.name === 'a network ACL under budget pressure')!.selection;
    expect(resolve(pressured).rules.every((r) => r.widened.length === 0)).toBe(true);
    expect(resolve({ ...pressured, maxRules: DEFAULT_NETWORK_ACL_ENTRIES }).rules.some((r) => r.widened.length > 0)).toBe(true);
  });
});
