import * as pulumi from '@pulumi/pulumi';
import { getProfile } from 'apple-ports';
import type * as adapter from 'apple-ports/pulumi';
import { planComponent } from '../../lib/pulumi/component-plan';
import { planFirewallRulesComponent } from '../../lib/pulumi/firewall-rules-plan';
import { errorOf } from '../thrown';
import { installMockRecorder, record, resourceErrorOf, TYPES } from './mock-recorder';

const VPC = 'vpc-0123456789abcdef0';
const ATTACH =
  'The rules are attached to nothing, so they open no ports. Attach them in one of four ways: pass vpcId (a security group is created), securityGroupId (an existing group), subnetIds with vpcId (a network ACL is created for those subnets) or networkAclId (entries are added to an existing network ACL).';
const WRAP = 'say what it is: { securityGroup: … }, { securityGroupId: … }, { prefixListId: … }, { cidrIpv4: … } or { cidrIpv6: … }.';
const NACL_PEER = (peer: string) =>
  `network ACL: Network ACL entries take CIDRs only, but rules go to the security group '${peer}'. Use CIDR destinations for network ACLs, or attach the selection to a security group instead.`;

let Egress: typeof adapter.AppleServicesEgress;
let Ingress: typeof adapter.AppleServicesIngress;

beforeAll(async () => {
  await installMockRecorder();
  ({ AppleServicesEgress: Egress, AppleServicesIngress: Ingress } = await import('apple-ports/pulumi'));
});

/** Constructs with args a TypeScript user could not write, as a JavaScript user can. */
const untyped = (args: Record<string, unknown>) => args as never;

const cases: readonly [string, () => unknown, string][] = [
  ['attached to nothing', () => new Egress('a', { products: ['iCloud'] }), `AppleServicesEgress 'a': ${ATTACH}`],
  [
    'subnetIds without vpcId',
    () => new Egress('b', { products: ['iCloud'], subnetIds: ['subnet-0123456789abcdef0'] }),
    "AppleServicesEgress 'b': subnetIds needs vpcId, the VPC the network ACL is created in. Pass vpcId as well, or pass networkAclId to add entries to an existing network ACL.",
  ],
  [
    'subnetIds and networkAclId',
    () => new Egress('c', { products: ['iCloud'], vpcId: VPC, subnetIds: ['subnet-0123456789abcdef0'], networkAclId: 'acl-0123456789abcdef0' }),
    "AppleServicesEgress 'c': Pass either subnetIds (a network ACL is created and associated with them) or networkAclId (entries are added to that ACL), not both.",
  ],
  [
    'subnetIds as one Output of a list',
    () => new Egress('d2', untyped({ products: ['iCloud'], vpcId: VPC, subnetIds: pulumi.output(['subnet-0123456789abcdef0']) })),
    "AppleServicesEgress 'd2': subnetIds must be a list whose length is known when the program runs (each id may be an Output). A list that is itself an Output, such as awsx's vpc.privateSubnetIds, cannot be counted before deployment: pass the subnets one by one, e.g. [subnetA.id, subnetB.id], or associate an ACL of your own and pass networkAclId.",
  ],
  ['empty subnetIds', () => new Egress('d', { products: ['iCloud'], vpcId: VPC, subnetIds: [] }), "AppleServicesEgress 'd': subnetIds is empty. Name the subnets the network ACL protects, or leave subnetIds out."],
  [
    'a quota that is not a rule count',
    () => new Egress('e', { products: ['iCloud'], vpcId: VPC, securityGroupRuleQuota: 0 }),
    "AppleServicesEgress 'e': securityGroupRuleQuota 0 is not a rule count. Use your account's rules-per-security-group quota, a whole number (AWS's default is 60).",
  ],
  [
    'a profile for the other direction',
    () => new Egress('f', { profiles: ['remote-admin-host'], vpcId: VPC }),
    "AppleServicesEgress 'f': Profile 'remote-admin-host' is meant for ingress, not egress. Use it with AppleServicesIngress, or select its products (AppleRemoteDesktop, ScreenSharing, SSH) for egress.",
  ],
  [
    'an egress profile on ingress',
    () => new Ingress('f2', { profiles: ['managed-mac'], sources: ['10.0.0.0/8'], vpcId: VPC }),
    `AppleServicesIngress 'f2': Profile 'managed-mac' is meant for egress, not ingress. Use it with AppleServicesEgress, or select its products (${getProfile('managed-mac').products.join(', ')}) for ingress.`,
  ],
  // @ts-expect-error a misspelt name, as JavaScript or a cast could pass it: checked at run time
  ['a misspelt product', () => new Egress('g', { products: ['FaceTme'], vpcId: VPC }), "AppleServicesEgress 'g': Unknown Apple product 'FaceTme'. Did you mean 'FaceTime'?"],
  [
    'several problems at once',
    // @ts-expect-error a misspelt name, as JavaScript or a cast could pass it: checked at run time
    () => new Egress('h', { products: ['FaceTme'], destinations: ['10.0.0.0/33'] }),
    [
      "AppleServicesEgress 'h': invalid apple-ports selection (3 problems):",
      `- ${ATTACH}`,
      "- Unknown Apple product 'FaceTme'. Did you mean 'FaceTime'?",
      "- Invalid destination '10.0.0.0/33': the prefix length in '10.0.0.0/33' must be 0-32 for IPv4.",
    ].join('\n'),
  ],
  [
    'ingress with no sources',
    () => new Ingress('i', { products: ['ScreenSharing'], sources: [], vpcId: VPC }),
    "AppleServicesIngress 'i': Ingress needs sources: name who may connect in, e.g. a bastion security group ({ securityGroup: bastion }), an admin CIDR ('203.0.113.0/24') or a prefix list ('pl-…'). There is no default; 'anywhere' works but warns.",
  ],
  [
    'ingress with sources left out',
    () => new Ingress('i2', untyped({ products: ['ScreenSharing'], vpcId: VPC })),
    "AppleServicesIngress 'i2': Ingress needs sources: name who may connect in, e.g. a bastion security group ({ securityGroup: bastion }), an admin CIDR ('203.0.113.0/24') or a prefix list ('pl-…'). There is no default; 'anywhere' works but warns.",
  ],
  [
    "ingress from 'apple-network'",
    () => new Ingress('s', { products: ['ScreenSharing'], sources: ['apple-network'], vpcId: VPC }),
    "AppleServicesIngress 's': Invalid destination 'apple-network': it narrows egress to Apple's servers, which never connect in. Name the ingress sources instead.",
  ],
  [
    'an Output given as a destination',
    () => new Egress('j', untyped({ products: ['iCloud'], destinations: [pulumi.output('sg-0123456789abcdef0')], vpcId: VPC })),
    `AppleServicesEgress 'j': destinations[0] is a Pulumi Output or Promise; ${WRAP}`,
  ],
  [
    'an Output turned into a string',
    () => new Ingress('k', { products: ['SSH'], sources: ['10.0.0.0/8', `${pulumi.output('10.1.0.0/16')}`], vpcId: VPC }),
    `AppleServicesIngress 'k': sources[1] is a Pulumi Output turned into a string by a template literal; pass the Output itself and ${WRAP}`,
  ],
  [
    'references with two fields or none',
    () => new Egress('l', untyped({ products: ['iCloud'], destinations: [{ cidrIpv4: '10.0.0.0/8', cidrIpv6: '::/0' }, {}], vpcId: VPC })),
    [
      "AppleServicesEgress 'l': invalid apple-ports selection (2 problems):",
      '- destinations[0] must have exactly one of securityGroup, securityGroupId, prefixListId, cidrIpv4 or cidrIpv6 (it has cidrIpv4, cidrIpv6).',
      '- destinations[1] must have exactly one of securityGroup, securityGroupId, prefixListId, cidrIpv4 or cidrIpv6.',
    ].join('\n'),
  ],
  [
    'a bad appleNetworkPeers entry',
    () => new Egress('l2', { products: ['iCloud'], destinations: ['apple-network'], appleNetworkPeers: [pulumi.output('pl-0123456789abcdef0') as never], vpcId: VPC }),
    `AppleServicesEgress 'l2': appleNetworkPeers[0] is a Pulumi Output or Promise; ${WRAP}`,
  ],
  [
    "appleNetworkPeers without 'apple-network'",
    () => new Egress('l3', { products: ['iCloud'], destinations: ['anywhere'], appleNetworkPeers: ['pl-0123456789abcdef0'], vpcId: VPC }),
    "AppleServicesEgress 'l3': appleNetworkPeers stand for 'apple-network', which destinations does not name, so no rule would use them. Add 'apple-network' to destinations, or leave destinations out: with appleNetworkPeers it defaults to ['apple-network'].",
  ],
  [
    'more rules than the security-group quota',
    () => new Egress('m', { products: ['iCloud', 'FaceTime'], vpcId: VPC, securityGroupRuleQuota: 3 }),
    "AppleServicesEgress 'm': The egress rules need 6 IPv4 security-group rules, more than the quota of 3. Set maxRules to 3 so ports are widened to fit, select fewer products, or raise the quota and pass it as securityGroupRuleQuota.",
  ],
  [
    'a security-group peer in a network ACL',
    () => new Egress('n', { products: ['iCloud'], destinations: ['sg-0123456789abcdef0'], networkAclId: 'acl-0123456789abcdef0' }),
    `AppleServicesEgress 'n': ${NACL_PEER('sg-0123456789abcdef0')}`,
  ],
  [
    'a security-group output in a network ACL',
    () => new Egress('t', { products: ['SSH'], destinations: [{ securityGroupId: pulumi.output('sg-0123456789abcdef0') }], networkAclId: 'acl-0123456789abcdef0' }),
    `AppleServicesEgress 't': ${NACL_PEER('<destinations[0].securityGroupId>')}`,
  ],
  [
    'more CIDRs than a network ACL holds',
    () => new Egress('o', { products: ['iCloud'], destinations: Array.from({ length: 20 }, (_, i) => `10.${i}.0.0/16`), networkAclId: 'acl-0123456789abcdef0' }),
    "AppleServicesEgress 'o': The network ACL needs at least 20 IPv4 egress entries (one per protocol and CIDR, even with every port gap closed), more than the 18 allowed (networkAclOptions.maxEntries 19, less one entry for Path MTU Discovery). Name fewer CIDRs, use a security group instead, or raise the quota and networkAclOptions.maxEntries (at most 39).",
  ],
  [
    'bad networkAclOptions, even without an ACL',
    () => new Egress('p', { products: ['iCloud'], vpcId: VPC, networkAclOptions: { firstRuleNumber: 0 } }),
    "AppleServicesEgress 'p': networkAclOptions: firstRuleNumber 0 is outside 1-32766, the rule numbers a network ACL entry may take.",
  ],
  [
    'a network ACL budget beyond the quota',
    () => new Egress('q', { products: ['iCloud'], networkAclId: 'acl-0123456789abcdef0', networkAclOptions: { maxEntries: 50 } }),
    "AppleServicesEgress 'q': networkAclOptions: maxEntries 50 is outside 1-39: AWS allows at most 40 rules per direction and family, the default deny included.",
  ],
  [
    'too few rule numbers',
    () => new Egress('r', { products: ['iCloud', 'FaceTime'], networkAclId: 'acl-0123456789abcdef0', networkAclOptions: { firstRuleNumber: 100, lastRuleNumber: 120 } }),
    "AppleServicesEgress 'r': network ACL: Rule numbers 100-120 in steps of 10 leave 3 numbers for 7 egress entries. Widen the range or shorten the step.",
  ],
  [
    'a bad maxRules and a bad security-group id',
    () => new Egress('v', { products: ['iCloud'], destinations: ['sg-bad'], vpcId: VPC, maxRules: 0 }),
    [
      "AppleServicesEgress 'v': invalid apple-ports selection (2 problems):",
      '- maxRules 0 is not a rule count. Use a whole number of at least 1.',
      "- Invalid destination 'sg-bad': a security-group id is 'sg-' and 8 or 17 hex digits, like 'sg-0123456789abcdef0'.",
    ].join('\n'),
  ],
  [
    'no args at all',
    () => new Egress('w', untyped(undefined as never)),
    [
      "AppleServicesEgress 'w': invalid apple-ports selection (2 problems):",
      `- ${ATTACH}`,
      "- Nothing is selected. Name at least one Apple product or profile, e.g. products: ['iCloud', 'FaceTime'] or profiles: ['managed-mac'].",
    ].join('\n'),
  ],
];

describe('bad input fails with a ResourceError that names the component and the fix', () => {
  test.each(cases)('%s', async (_name, program, message) => {
    expect((await resourceErrorOf(program)).message).toBe(message);
  });

  test('the error points at the component and hides its stack', async () => {
    const error = await resourceErrorOf(() => new Egress('x', { products: ['iCloud'] }));
    expect(error.hideStack).toBe(true);
    expect(error.resource).toBeDefined();
    expect(await new Promise((resolve) => error.resource!.urn.apply(resolve))).toBe('urn:pulumi:test::apple-ports::apple-ports:index:AppleServicesEgress::x');
  });

  test('nothing but the component is registered when the input is bad', async () => {
    let error: Error | undefined;
    const recording = await record(() => {
      // @ts-expect-error a misspelt name, as JavaScript or a cast could pass it: checked at run time
      error = errorOf(() => new Egress('y', { products: ['FaceTme'], vpcId: VPC }));
    });
    expect(error?.message).toBe("AppleServicesEgress 'y': Unknown Apple product 'FaceTme'. Did you mean 'FaceTime'?");
    expect(recording.resources.map((r) => r.type)).toEqual([TYPES.egressComponent]);
  });
});

describe('the planners code what they refuse in the values only Pulumi has', () => {
  const problemsOf = (outcome: { ok: true } | { ok: false; problems: readonly unknown[] }) => (outcome.ok ? 'planned' : outcome.problems);

  test('Outputs given bare or turned into strings, and references with two fields', () => {
    expect(problemsOf(planComponent({ products: ['iCloud'], vpcId: VPC, peers: [pulumi.output('sg-0123456789abcdef0') as never] }, 'egress'))).toEqual([
      { code: 'unwrapped-output', message: `destinations[0] is a Pulumi Output or Promise; ${WRAP}` },
    ]);
    expect(problemsOf(planComponent({ products: ['iCloud'], vpcId: VPC, peers: [`${pulumi.output('10.1.0.0/16')}`] }, 'egress'))).toEqual([
      { code: 'unwrapped-output', message: `destinations[0] is a Pulumi Output turned into a string by a template literal; pass the Output itself and ${WRAP}` },
    ]);
    expect(problemsOf(planComponent({ products: ['iCloud'], vpcId: VPC, peers: [untyped({ securityGroupId: 'sg-0123456789abcdef0', cidrIpv4: '10.0.0.0/8' })] }, 'egress'))).toEqual([
      { code: 'invalid-reference', message: 'destinations[0] must have exactly one of securityGroup, securityGroupId, prefixListId, cidrIpv4 or cidrIpv6 (it has securityGroupId, cidrIpv4).' },
    ]);
  });

  test('a homeNet that is one Output of a list', () => {
    expect(problemsOf(planFirewallRulesComponent({ products: ['PushNotifications'], homeNet: pulumi.output(['10.0.0.0/16']) as never }, 'rules'))).toEqual([
      {
        code: 'home-net-output',
        message:
          'homeNet must be a list whose entries are known to be CIDRs when the program runs (each CIDR may be an Output). A list that is itself an Output cannot be checked before deployment: pass the CIDRs one by one, e.g. [vpc.cidrBlock].',
      },
    ]);
  });
});
