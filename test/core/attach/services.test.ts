/**
 * The target and option checks both adapters share, planned once in the core: each problem with
 * its code and the message the adapter raises (here in a Pulumi-like vocabulary).
 */
import { planServices, type AdapterVocabulary, type ServicesRequest, type TargetRequest } from '../../../lib/core/attach';
import { networkAclBudget } from '../../../lib/core/aws';
import { getService, products } from '../../../lib/core/catalogue';
import { resolve } from '../../../lib/core/policy';

const vocabulary: AdapterVocabulary = {
  typeName: { egress: 'AppleServicesEgress', ingress: 'AppleServicesIngress' },
  claimant: 'component',
  props: { vpc: 'vpcId', securityGroup: 'securityGroupId', subnets: 'subnetIds', networkAcl: 'networkAclId' },
  peerExamples: "'203.0.113.0/24'",
};

const NOTHING: TargetRequest = { vpc: false, securityGroup: false, networkAcl: false };

/** The problems of an iCloud egress with these targets and options. */
function problemsOf(request: Partial<ServicesRequest>): unknown {
  const outcome = planServices({ products: ['iCloud'], direction: 'egress', vocabulary, target: NOTHING, ...request });
  return outcome.ok ? 'planned' : outcome.problems;
}

describe('planServices refuses targets and options with one coded problem each', () => {
  test.each<[string, Partial<ServicesRequest>, { code: string; message: string }]>([
    [
      'no target at all',
      { target: NOTHING },
      {
        code: 'no-target',
        message:
          'The rules are attached to nothing, so they open no ports. Attach them in one of four ways: pass vpcId (a security group is created), securityGroupId (an existing group), subnetIds with vpcId (a network ACL is created for those subnets) or networkAclId (entries are added to an existing network ACL).',
      },
    ],
    [
      'subnets without a VPC',
      { target: { ...NOTHING, subnets: 'list' } },
      { code: 'subnets-without-vpc', message: 'subnetIds needs vpcId, the VPC the network ACL is created in. Pass vpcId as well, or pass networkAclId to add entries to an existing network ACL.' },
    ],
    ['an empty subnet list', { target: { ...NOTHING, vpc: true, subnets: 'empty' } }, { code: 'empty-subnets', message: 'subnetIds is empty. Name the subnets the network ACL protects, or leave subnetIds out.' }],
    [
      'a subnet list known only at deploy time',
      { target: { ...NOTHING, vpc: true, subnets: 'output' } },
      {
        code: 'subnet-list-output',
        message:
          "subnetIds must be a list whose length is known when the program runs (each id may be an Output). A list that is itself an Output, such as awsx's vpc.privateSubnetIds, cannot be counted before deployment: pass the subnets one by one, e.g. [subnetA.id, subnetB.id], or associate an ACL of your own and pass networkAclId.",
      },
    ],
    [
      'subnets and an existing ACL',
      { target: { ...NOTHING, vpc: true, subnets: 'list', networkAcl: true } },
      { code: 'conflicting-network-acl-targets', message: 'Pass either subnetIds (a network ACL is created and associated with them) or networkAclId (entries are added to that ACL), not both.' },
    ],
    [
      "apple-network peers while the destinations do not name 'apple-network'",
      { target: { ...NOTHING, vpc: true }, peers: ['anywhere'], appleNetworkPeers: ['pl-0123456789abcdef0'] },
      {
        code: 'apple-network-peers-unused',
        message:
          "appleNetworkPeers stand for 'apple-network', which destinations does not name, so no rule would use them. Add 'apple-network' to destinations, or leave destinations out: with appleNetworkPeers it defaults to ['apple-network'].",
      },
    ],
    [
      'a quota of no rules',
      { target: { ...NOTHING, vpc: true }, securityGroupRuleQuota: 0 },
      { code: 'invalid-quota', message: "securityGroupRuleQuota 0 is not a rule count. Use your account's rules-per-security-group quota, a whole number (AWS's default is 60)." },
    ],
    [
      'a quota that is not whole',
      { target: { ...NOTHING, vpc: true }, securityGroupRuleQuota: 1.5 },
      { code: 'invalid-quota', message: "securityGroupRuleQuota 1.5 is not a rule count. Use your account's rules-per-security-group quota, a whole number (AWS's default is 60)." },
    ],
  ])('%s', (_name, request, problem) => {
    expect(problemsOf(request)).toEqual([problem]);
  });

  test('a quota of one rule, a VPC alone, and a VPC with subnets are planned', () => {
    expect(problemsOf({ target: { ...NOTHING, vpc: true }, products: ['NetworkTime'], securityGroupRuleQuota: 1 })).toBe('planned');
    expect(problemsOf({ target: { ...NOTHING, vpc: true, subnets: 'list' } })).toBe('planned');
  });
});

describe('the network ACL side of planServices', () => {
  test('turning Path MTU Discovery off is planned with a warning that says what it breaks', () => {
    const outcome = planServices({ products: ['iCloud'], direction: 'egress', vocabulary, target: { ...NOTHING, vpc: true, subnets: 'list' }, networkAclOptions: { pathMtuDiscovery: false } });
    const networkAcl = outcome.ok ? outcome.value.networkAclDesign() : undefined;
    expect(networkAcl?.ok && networkAcl.value.warnings).toEqual([
      {
        id: 'apple-ports:network-acl-path-mtu-discovery-off',
        message:
          'pathMtuDiscovery is false, so the network ACL drops the ICMP messages Path MTU Discovery needs (fragmentation needed, packet too big): a transfer to a peer on a path with a smaller MTU can stall instead of shrinking its packets. Leave pathMtuDiscovery on unless every path has the same MTU.',
      },
    ]);
  });
});

/** The `maxEntries` that leaves `rules` entries for rules once Path MTU Discovery has its own. */
function entriesForRules(rules: number): number {
  const { maxEntries, forRules } = networkAclBudget();
  return rules + maxEntries - forRules;
}

describe('the network ACL policy is the selection resolved within the entry budget', () => {
  // Current products with a routed current service, so something to open by default.
  const egress = products.filter((p) => p.status === 'current' && p.uses.some((u) => getService(u.service).status === 'current' && getService(u.service).reach === 'routed')).map((p) => p.id);
  const cases: [string, Partial<ServicesRequest>][] = [
    ...egress.map((id): [string, Partial<ServicesRequest>] => [id, { products: [id] }]),
    ...egress.slice(0, 8).map((id): [string, Partial<ServicesRequest>] => [`${id} with IPv6`, { products: [id], ipv6: true }]),
    ['FaceTime within 6 entries', { products: ['FaceTime'], networkAclOptions: { maxEntries: 6 } }],
    ['FaceTime and iCloud within maxRules 3', { products: ['FaceTime', 'iCloud'], maxRules: 3 }],
    ['FaceTime to two CIDRs with IPv6', { products: ['FaceTime'], ipv6: true, peers: ['10.0.0.0/8', '2001:db8::/32'] }],
    ['everything, legacy too', { products: egress, includeLegacy: true, includeLinkLocal: true }],
    // IPv4 fits the entries exactly; IPv6, with two CIDRs, needs twice as many and is widened.
    ['FaceTime to one IPv4 and two IPv6 CIDRs, IPv4 fitting exactly', { products: ['FaceTime'], ipv6: true, peers: ['10.0.0.0/8', '2001:db8:1::/48', '2001:db8:2::/48'], networkAclOptions: { maxEntries: entriesForRules(resolve({ products: ['FaceTime'], destinations: ['10.0.0.0/8'] }).rules.length) } }],
  ];
  test.each(cases)('%s', (_name, request) => {
    const outcome = planServices({ products: [], direction: 'egress', vocabulary, target: { ...NOTHING, vpc: true, subnets: 'list' }, ...request });
    const acl = outcome.ok ? outcome.value.networkAclDesign() : undefined;
    if (!outcome.ok || !acl?.ok) throw new Error(`not planned: ${JSON.stringify(outcome.ok ? acl : outcome.problems)}`);
    const { forRules } = networkAclBudget(request.networkAclOptions);
    const maxRules = Math.min(forRules, request.maxRules ?? forRules);
    const selection = { ...request, networkAclOptions: undefined, peers: undefined, destinations: request.peers, maxRules };
    const expected = resolve(selection, { terms: outcome.value.terms });
    // Widened notices name the binding limit in the planner's words; the rules are the resolver's.
    expect(acl.value.policy.rules).toEqual(expected.rules);
    expect({ ...acl.value.policy, rules: [], notices: acl.value.policy.notices.filter((n) => n.code !== 'budget-widened') }).toEqual({
      ...expected,
      rules: [],
      notices: expected.notices.filter((n) => n.code !== 'budget-widened'),
    });
  });
});
