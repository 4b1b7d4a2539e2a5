import * as pulumi from '@pulumi/pulumi';
import { NETWORK_FIREWALL_RULE_KEYWORDS, appleNetworkPrefixList, planFirewallRules } from 'apple-ports';
import type * as adapter from 'apple-ports/pulumi';
import { parseSuricataRule, unquote } from '../core/network-firewall/suricata-rule-parser';
import { errorOf } from '../thrown';
import { installMockRecorder, mockArn, mockId, ofType, record, resourceErrorOf, TYPES, valueOf, type Recording } from './mock-recorder';
import { networkAclEntryLines, securityGroupRuleLines } from './recorded-rules';

const VPC = 'vpc-0123456789abcdef0';
const SUBNETS = ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'];
const ANY = '0.0.0.0/0';
const APNS_IPV6 = ['2403:300:a42::/48', '2403:300:a51::/48', '2620:149:a44::/48', '2a01:b740:a42::/48'];
const QUOTA_HINT = 'Set maxRules to 60 so ports are widened to fit, select fewer products, or raise the quota and pass it as securityGroupRuleQuota.';

let AppleNetworkPrefixList: typeof adapter.AppleNetworkPrefixList;
let AppleServicesEgress: typeof adapter.AppleServicesEgress;
let AppleServicesFirewallRules: typeof adapter.AppleServicesFirewallRules;
let Vpc: typeof import('@pulumi/aws/ec2').Vpc;

beforeAll(async () => {
  await installMockRecorder();
  ({ AppleNetworkPrefixList, AppleServicesEgress, AppleServicesFirewallRules } = await import('apple-ports/pulumi'));
  ({ Vpc } = await import('@pulumi/aws/ec2'));
});

/** The one resource of a type in a recording. */
function only(recording: Recording, type: string) {
  const resources = ofType(recording, type);
  expect(resources).toHaveLength(1);
  return resources[0]!;
}

describe('AppleNetworkPrefixList', () => {
  test("holds Apple's network 17.0.0.0/8 as an IPv4 managed prefix list with one entry by default", async () => {
    let list!: adapter.AppleNetworkPrefixList;
    const recording = await record(() => {
      list = new AppleNetworkPrefixList('apple');
    });

    expect(recording.resources).toEqual([
      { type: TYPES.prefixListComponent, name: 'apple', inputs: {}, deleteBeforeReplace: false, dependencies: [] },
      {
        type: TYPES.prefixList,
        name: 'apple-prefix-list',
        inputs: { addressFamily: 'IPv4', maxEntries: 1, entries: [{ cidr: '17.0.0.0/8', description: 'Apple network, assigned to Apple in full 17.0.0.0/8' }] },
        parent: 'apple',
        deleteBeforeReplace: false,
        dependencies: [],
      },
    ]);
    expect(recording.warnings).toEqual([]);
    expect(list.plan).toEqual(appleNetworkPrefixList());
    expect([list.family, list.maxEntries]).toEqual(['ipv4', 1]);
    const id = mockId(TYPES.prefixList, 'apple-prefix-list');
    expect(id).toMatch(/^pl-[0-9a-f]{17}$/);
    expect(await valueOf(list.prefixListId)).toBe(id);
    expect(list.peer).toEqual({ prefixListId: list.prefixListId, maxEntries: 1, family: 'ipv4' });
  });

  test('holds the APNs IPv6 subnets with scope apns and family ipv6, with room to grow, a name and tags of your own', async () => {
    let list!: adapter.AppleNetworkPrefixList;
    const recording = await record(() => {
      list = new AppleNetworkPrefixList('apns6', { scope: 'apns', family: 'ipv6', maxEntries: 10, prefixListName: 'apple-apns-ipv6', tags: { team: 'mac' } });
    });
    expect(only(recording, TYPES.prefixList).inputs).toEqual({
      addressFamily: 'IPv6',
      maxEntries: 10,
      entries: APNS_IPV6.map((cidr) => ({ cidr, description: `Apple Push Notification service (APNs) ${cidr}` })),
      name: 'apple-apns-ipv6',
      tags: { team: 'mac' },
    });
    expect(list.peer).toEqual({ prefixListId: list.prefixListId, maxEntries: 10, family: 'ipv6' });
  });

  test('refuses options that make no list with a ResourceError naming the component and the fix, creating nothing', async () => {
    const v6 = await resourceErrorOf(() => new AppleNetworkPrefixList('v6', { family: 'ipv6' }));
    expect(v6.message).toBe("AppleNetworkPrefixList 'v6': Apple publishes no IPv6 range for scope 'apple'. Use scope 'apns' for the APNs IPv6 subnets, or family 'ipv4' for 17.0.0.0/8.");
    expect(v6.hideStack).toBe(true);
    const small = await resourceErrorOf(() => new AppleNetworkPrefixList('small', { scope: 'apns', maxEntries: 4 }));
    expect(small.message).toBe("AppleNetworkPrefixList 'small': maxEntries 4 cannot hold the 5 apns entries. Use a whole number from 5 to 1000, or leave it out.");
    const both = await resourceErrorOf(() => new AppleNetworkPrefixList('both', { family: 'ipv6', maxEntries: 0 }));
    expect(both.message).toBe(
      [
        "AppleNetworkPrefixList 'both': invalid apple-ports selection (2 problems):",
        "- Apple publishes no IPv6 range for scope 'apple'. Use scope 'apns' for the APNs IPv6 subnets, or family 'ipv4' for 17.0.0.0/8.",
        '- maxEntries 0 cannot hold the 0 apple entries. Use a whole number from 1 to 1000, or leave it out.',
      ].join('\n'),
    );

    let error: Error | undefined;
    const recording = await record(() => {
      error = errorOf(() => new AppleNetworkPrefixList('bad', { scope: 'apns', maxEntries: 1001 }));
    });
    expect(error?.message).toBe("AppleNetworkPrefixList 'bad': maxEntries 1001 cannot hold the 5 apns entries. Use a whole number from 5 to 1000, or leave it out.");
    expect(recording.resources.map((r) => r.type)).toEqual([TYPES.prefixListComponent]);
  });
});

describe('AppleServicesEgress to an Apple network prefix list', () => {
  test('appleNetworkPeers sends push notifications to the list; the other services still go anywhere', async () => {
    let list!: adapter.AppleNetworkPrefixList;
    let mac!: adapter.AppleServicesEgress;
    const recording = await record(() => {
      list = new AppleNetworkPrefixList('apple-network');
      mac = new AppleServicesEgress('mac', { products: ['iCloud'], vpcId: VPC, appleNetworkPeers: [list.peer] });
    });
    const listId = mockId(TYPES.prefixList, 'apple-network-prefix-list');

    expect(securityGroupRuleLines(recording)).toEqual([`egress tcp 443 ${ANY}`, `egress tcp 5223 ${listId}`, `egress tcp 80 ${ANY}`]);
    expect(ofType(recording, TYPES.egressRule).find((r) => r.inputs.prefixListId !== undefined)).toEqual({
      type: TYPES.egressRule,
      // Named after the list's resource; the numbered name of earlier versions is an alias.
      name: 'mac-egress-tcp-5223-apple-network-prefix-list.prefixListId',
      inputs: { securityGroupId: mockId(TYPES.securityGroup, 'mac-sg'), ipProtocol: 'tcp', fromPort: 5223, toPort: 5223, description: 'iCloud: APNs (tcp 5223)', prefixListId: listId },
      parent: 'mac',
      deleteBeforeReplace: false,
      dependencies: ['apple-network-prefix-list', 'mac-sg'],
      aliases: ['mac-egress-tcp-5223-prefixListId-0'],
    });
    // Placeholders keep the policy stable; the peer carries what AWS's quota counts.
    expect(mac.policy.rules.map((r) => r.peer)).toEqual([
      { kind: 'ipv4', cidr: ANY },
      { kind: 'ipv4', cidr: ANY },
      { kind: 'prefix-list', id: '<apple-network-prefix-list.prefixListId>', family: 'ipv4', maxEntries: 1 },
    ]);
  });

  test("network ACL entries use the list's CIDRs, which ACLs take instead of prefix lists", async () => {
    let list!: adapter.AppleNetworkPrefixList;
    let mac!: adapter.AppleServicesEgress;
    const recording = await record(() => {
      list = new AppleNetworkPrefixList('acl-list');
      mac = new AppleServicesEgress('desktops', { products: ['iCloud'], destinations: ['apple-network'], appleNetworkPeers: [list.peer], vpcId: VPC, subnetIds: SUBNETS });
    });

    expect(networkAclEntryLines(recording)).toEqual([
      'out 6470 icmp 3:4 0.0.0.0/0',
      'out 13080 tcp 5223 17.0.0.0/8',
      'out 17850 tcp 80 0.0.0.0/0',
      'out 18420 tcp 443 0.0.0.0/0',
      // The return from 0.0.0.0/0 covers 17.0.0.0/8: no entry of its own.
      'in 22010 tcp 1024-65535 0.0.0.0/0',
      'in 27020 icmp 3:4 0.0.0.0/0',
    ]);
    expect(securityGroupRuleLines(recording).filter((line) => line.includes(' 5223 '))).toEqual([`egress tcp 5223 ${mockId(TYPES.prefixList, 'acl-list-prefix-list')}`]);
    expect(mac.networkAclPolicy!.rules.map((r) => r.peer).filter((p) => p.kind === 'prefix-list')).toEqual([]);
  });

  test('with ipv6, an IPv4 and an IPv6 list stand for Apple’s network, each counted in its own family', async () => {
    let mac!: adapter.AppleServicesEgress;
    const recording = await record(() => {
      const apple = new AppleNetworkPrefixList('both-v4');
      const apns6 = new AppleNetworkPrefixList('both-v6', { scope: 'apns', family: 'ipv6' });
      mac = new AppleServicesEgress('push', { products: ['PushNotifications'], ipv6: true, appleNetworkPeers: [apple.peer, apns6.peer], vpcId: VPC });
    });
    const v4 = mockId(TYPES.prefixList, 'both-v4-prefix-list');
    const v6 = mockId(TYPES.prefixList, 'both-v6-prefix-list');

    expect(securityGroupRuleLines(recording)).toEqual(
      [`egress tcp 443 ${ANY}`, 'egress tcp 443 ::/0', `egress tcp 2197 ${v4}`, `egress tcp 2197 ${v6}`, `egress tcp 5223 ${v4}`, `egress tcp 5223 ${v6}`].sort(),
    );
    const describePeer = (peer: (typeof mac.policy.rules)[number]['peer']) =>
      peer.kind === 'prefix-list' ? `list ${peer.family} max ${peer.maxEntries}` : peer.kind === 'security-group' ? peer.id : peer.cidr;
    expect(mac.policy.rules.map((r) => `${r.fromPort} ${describePeer(r.peer)}`)).toEqual([
      '443 0.0.0.0/0',
      '443 ::/0',
      '2197 list ipv4 max 1',
      '2197 list ipv6 max 4',
      '5223 list ipv4 max 1',
      '5223 list ipv6 max 4',
    ]);
  });

  test('a rule to the list counts as its max entries against the security-group quota, as AWS counts it', async () => {
    // iCloud: two rules anywhere, and APNs to a list of max entries 58 or 59.
    const fits = await record(() => {
      const list = new AppleNetworkPrefixList('fits', { maxEntries: 58 });
      new AppleServicesEgress('at-quota', { products: ['iCloud'], appleNetworkPeers: [list.peer], vpcId: VPC });
    });
    expect(ofType(fits, TYPES.egressRule)).toHaveLength(3);

    const over = await resourceErrorOf(() => {
      const list = new AppleNetworkPrefixList('over', { maxEntries: 59 });
      new AppleServicesEgress('over-quota', { products: ['iCloud'], appleNetworkPeers: [list.peer], vpcId: VPC });
    });
    expect(over.message).toBe(`AppleServicesEgress 'over-quota': The egress rules need 61 IPv4 security-group rules, more than the quota of 60. ${QUOTA_HINT}`);
  });

  test('a reference written by hand to the list’s id is counted as the list is, whatever it claims', async () => {
    const error = await resourceErrorOf(() => {
      const list = new AppleNetworkPrefixList('by-hand', { scope: 'apns', family: 'ipv6', maxEntries: 30 });
      // As claimed, one IPv4 rule; as AWS counts it, 30 IPv6 rules.
      new AppleServicesEgress('by-hand-mac', { products: ['iCloud'], appleNetworkPeers: [{ prefixListId: list.prefixListId, maxEntries: 1 }], vpcId: VPC, securityGroupRuleQuota: 29 });
    });
    expect(error.message).toBe(
      "AppleServicesEgress 'by-hand-mac': The egress rules need 30 IPv6 security-group rules, more than the quota of 29. Set maxRules to 29 so ports are widened to fit, select fewer products, or raise the quota and pass it as securityGroupRuleQuota.",
    );
  });

  test('appleNetworkPeers with destinations that do not name apple-network is refused: no rule would use them', async () => {
    const error = await resourceErrorOf(() => {
      const list = new AppleNetworkPrefixList('unused');
      new AppleServicesEgress('unused-mac', { products: ['iCloud'], destinations: ['anywhere'], appleNetworkPeers: [list.peer], vpcId: VPC });
    });
    expect(error.message).toBe(
      "AppleServicesEgress 'unused-mac': appleNetworkPeers stand for 'apple-network', which destinations does not name, so no rule would use them. Add 'apple-network' to destinations, or leave destinations out: with appleNetworkPeers it defaults to ['apple-network'].",
    );
  });
});

/** Push notifications: the rule group the tests below read rule by rule. */
const PUSH_RULES = [
  'pass tcp $HOME_NET any <> $EXTERNAL_NET 443 (flow:not_established; msg:"Apple Push Notification service: TCP handshake for TLS SNI rules (tcp 443)"; sid:1000000; rev:1;)',
  'pass tcp $HOME_NET any <> $EXTERNAL_NET 80 (flow:not_established; msg:"Apple Push Notification service: TCP handshake for HTTP Host rules (tcp 80)"; sid:1000001; rev:1;)',
  'pass tls $HOME_NET any -> $EXTERNAL_NET 443 (ssl_state:client_hello; tls.sni; dotprefix; content:".push.apple.com"; nocase; endswith; msg:"Apple Push Notification service: TLS SNI *.push.apple.com (tcp 443)"; flow:to_server, established; sid:1000002; rev:1;)',
  'pass http $HOME_NET any -> $EXTERNAL_NET 80 (http.host; dotprefix; content:".push.apple.com"; endswith; msg:"Apple Push Notification service: HTTP Host *.push.apple.com (tcp 80)"; flow:to_server, established; sid:1000003; rev:1;)',
  'pass tcp $HOME_NET any -> 17.0.0.0/8 2197 (msg:"Apple Push Notification service: APNs provider (tcp 2197)"; sid:1000004; rev:1;)',
  'pass tcp $HOME_NET any -> 17.0.0.0/8 5223 (msg:"Apple Push Notification service: APNs (tcp 5223)"; sid:1000005; rev:1;)',
];

const PUSH_WARNINGS = [
  'apple-ports:legacy-excluded: Left out services Apple has retired (set includeLegacy to keep them): apns-legacy-provider (tcp 2195) for PushNotifications, retired 2021-03-31; apns-legacy-feedback (tcp 2196) for PushNotifications, retired 2021-03-31.',
  "apple-ports:ports-beyond-port-table: Apple's enterprise-network article lists *.push.apple.com on tcp 80 for PushNotifications, but its port table does not list that port for it: this rule group allows those hosts by name, while security groups from resolve() leave the port closed.",
];

/** The rules string a recorded rule group holds. */
function rulesStringOf(recording: Recording): string {
  const ruleGroup = only(recording, TYPES.ruleGroup).inputs.ruleGroup as { rulesSource: { rulesString: string } };
  return ruleGroup.rulesSource.rulesString;
}

describe('AppleServicesFirewallRules', () => {
  test('a strict-order stateful rule group holding exactly the planned rules, its capacity computed', async () => {
    let rules!: adapter.AppleServicesFirewallRules;
    const recording = await record(() => {
      rules = new AppleServicesFirewallRules('push-rules', { products: ['PushNotifications'] });
    });

    expect(recording.resources).toEqual([
      { type: TYPES.firewallRulesComponent, name: 'push-rules', inputs: {}, deleteBeforeReplace: false, dependencies: [] },
      {
        type: TYPES.ruleGroup,
        name: 'push-rules-rule-group',
        inputs: {
          type: 'STATEFUL',
          capacity: 100,
          ruleGroup: { rulesSource: { rulesString: PUSH_RULES.join('\n') }, statefulRuleOptions: { ruleOrder: 'STRICT_ORDER' } },
        },
        parent: 'push-rules',
        deleteBeforeReplace: false,
        dependencies: [],
      },
    ]);
    expect(rules.plan).toEqual(planFirewallRules({ products: ['PushNotifications'] }));
    expect(await valueOf(rules.ruleGroupArn)).toBe(mockArn(TYPES.ruleGroup, 'push-rules-rule-group'));
    expect(await valueOf(rules.ruleGroupArn)).toMatch(/^arn:aws:network-firewall:/);
  });

  test('every recorded rule parses, passes from HOME_NET, uses only documented keywords and has its own sid', async () => {
    let rules!: adapter.AppleServicesFirewallRules;
    const recording = await record(() => {
      rules = new AppleServicesFirewallRules('parsed', { products: ['iCloud', 'FaceTime', 'SoftwareUpdate'], sidBase: 5000 });
    });
    const text = rulesStringOf(recording);
    const parsed = text.split('\n').map(parseSuricataRule);

    expect(text).toBe(rules.plan.rulesString);
    expect(only(recording, TYPES.ruleGroup).inputs.capacity).toBe(100);
    expect([rules.plan.requiredCapacity, rules.plan.capacity]).toEqual([parsed.length, 100]);
    const keywords = new Set<string>(NETWORK_FIREWALL_RULE_KEYWORDS);
    for (const rule of parsed) {
      expect([rule.action, rule.source, rule.sourcePort]).toEqual(['pass', '$HOME_NET', 'any']);
      expect(rule.options.filter((o) => !keywords.has(o.keyword))).toEqual([]);
      expect(rule.options.filter((o) => o.keyword === 'msg').map((o) => unquote(o.value!).length > 0)).toEqual([true]);
    }
    expect(parsed.map((r) => Number(r.options.find((o) => o.keyword === 'sid')!.value))).toEqual(parsed.map((_, i) => 5000 + i));
    // Name rules go anywhere; APNs to Apple's network; FaceTime's calls anywhere.
    expect(parsed.filter((r) => r.destination !== '$EXTERNAL_NET').map((r) => `${r.protocol} ${r.destination} ${r.destinationPort}`)).toEqual(['tcp 17.0.0.0/8 5223']);
  });

  test('capacity, homeNet (an Output here), a name, a description and tags go into the rule group', async () => {
    let rules!: adapter.AppleServicesFirewallRules;
    const recording = await record(() => {
      const vpc = new Vpc('inspected', { cidrBlock: '10.20.0.0/16' });
      rules = new AppleServicesFirewallRules('named', {
        products: ['PushNotifications'],
        capacity: 100,
        homeNet: [vpc.cidrBlock, '10.1.0.0/16'],
        ruleGroupName: 'apple-push',
        description: 'Apple push notifications',
        tags: { team: 'mac' },
      });
    });
    const group = only(recording, TYPES.ruleGroup);

    expect(group.inputs).toEqual({
      type: 'STATEFUL',
      capacity: 100,
      name: 'apple-push',
      description: 'Apple push notifications',
      ruleGroup: {
        ruleVariables: { ipSets: [{ key: 'HOME_NET', ipSet: { definitions: ['10.20.0.0/16', '10.1.0.0/16'] } }] },
        rulesSource: { rulesString: PUSH_RULES.join('\n') },
        statefulRuleOptions: { ruleOrder: 'STRICT_ORDER' },
      },
      tags: { team: 'mac' },
    });
    expect(group.dependencies).toEqual(['inspected']);
    expect(rules.plan.homeNet).toEqual(['<inspected.homeNet>', '10.1.0.0/16']);
    expect([rules.plan.capacity, rules.plan.requiredCapacity]).toEqual([100, 6]);
  });

  test('a CIDR only known at deploy time goes into the rules; the plan shows a stable placeholder', async () => {
    let rules!: adapter.AppleServicesFirewallRules;
    const recording = await record(() => {
      rules = new AppleServicesFirewallRules('proxied', { products: ['FaceTime'], destinations: ['apple-network', { cidrIpv4: pulumi.output('192.0.2.0/24') }] });
    });

    expect(rulesStringOf(recording)).toBe(rules.plan.rulesString.replaceAll('<destinations[1].cidrIpv4>', '192.0.2.0/24'));
    expect(rules.plan.rules.filter((r) => r.kind === 'port').map((r) => `${r.rule.protocol} ${r.rule.destination} ${r.rule.destinationPort}`)).toEqual([
      'tcp 17.0.0.0/8 5223',
      'udp <destinations[1].cidrIpv4> 3478:3497',
      'udp <destinations[1].cidrIpv4> 16384:16387',
      'udp <destinations[1].cidrIpv4> 16393:16402',
    ]);
  });

  test("warns with the resolver's and the plan's notices as apple-ports:<code> lines, logged against the component", async () => {
    const warn = jest.spyOn(pulumi.log, 'warn').mockResolvedValue(undefined);
    try {
      const rules = new AppleServicesFirewallRules('warned', { products: ['PushNotifications'] });
      expect(warn.mock.calls).toEqual(PUSH_WARNINGS.map((line) => [line, rules]));
    } finally {
      warn.mockRestore();
    }
  });

  test('does not raise the resolver notices the rule group says better: link-local multicast, apple-network narrowing', async () => {
    let rules!: adapter.AppleServicesFirewallRules;
    const recording = await record(() => {
      rules = new AppleServicesFirewallRules('airplay', { products: ['AirPlay'] });
    });
    expect(rules.plan.policy!.notices.map((n) => n.code)).toEqual(['link-local-excluded', 'apple-network-partial']);
    expect(recording.warnings).toEqual([
      "apple-ports:products-without-hosts: Apple's enterprise-network article lists no hosts for AirPlay, so their tcp 80, tcp 443 traffic gets no rule here. Allow it in a rule group of your own if they need it.",
    ]);
  });

  const cases: readonly [string, () => unknown, string][] = [
    [
      'an ingress profile',
      () => new AppleServicesFirewallRules('ingress', { profiles: ['remote-admin-host'] }),
      "AppleServicesFirewallRules 'ingress': Profile 'remote-admin-host' is meant for ingress, but the rule group allows the Apple devices' outbound traffic. Select egress products or profiles, and control ingress with security groups.",
    ],
    [
      'a capacity below the rule count',
      () => new AppleServicesFirewallRules('small', { products: ['PushNotifications'], capacity: 5 }),
      "AppleServicesFirewallRules 'small': capacity 5 is below the 6 this selection needs. Use at least 6 (100 leaves room to grow), or leave it out; a deployed rule group cannot grow in place, so a new capacity replaces it.",
    ],
    [
      'an apple-ports prefix list as a destination, named by its component',
      () => new AppleServicesFirewallRules('to-list', { products: ['FaceTime'], destinations: [new AppleNetworkPrefixList('firewall-list').peer] }),
      "AppleServicesFirewallRules 'to-list': Invalid destination AppleNetworkPrefixList 'firewall-list': a Network Firewall rules string takes CIDRs, not prefix lists. Use 'anywhere', 'apple-network' or CIDRs.",
    ],
    [
      'a security-group Output as a destination',
      () => new AppleServicesFirewallRules('to-group', { products: ['FaceTime'], destinations: [{ securityGroupId: pulumi.output('sg-0123456789abcdef0') }] }),
      "AppleServicesFirewallRules 'to-group': Invalid destination '<destinations[0].securityGroupId>': a Network Firewall rules string takes CIDRs, not security groups. Use 'anywhere', 'apple-network' or CIDRs.",
    ],
    [
      'several problems at once',
      // @ts-expect-error a misspelt name, as JavaScript or a cast could pass it: checked at run time
      () => new AppleServicesFirewallRules('many', { products: ['iCloudd'], homeNet: ['10.0.0.0/33'], sidBase: 0, ruleGroupName: 'apple push' }),
      [
        "AppleServicesFirewallRules 'many': invalid apple-ports selection (4 problems):",
        "- Unknown Apple product 'iCloudd'. Did you mean 'iCloud'?",
        '- sidBase 0 is not a signature id. Use a whole number from 1 to 4294967295.',
        "- homeNet: '10.0.0.0/33' is not a CIDR: the prefix length in '10.0.0.0/33' must be 0-32 for IPv4.",
        "- ruleGroupName 'apple push' is not a rule group name. Use 1-128 letters, digits and hyphens, or leave it out for a generated one.",
      ].join('\n'),
    ],
    [
      'an empty homeNet',
      () => new AppleServicesFirewallRules('empty-home', { products: ['PushNotifications'], homeNet: [] }),
      "AppleServicesFirewallRules 'empty-home': homeNet is empty. Name the CIDRs of the VPCs the Apple devices are in, or leave it out to use the firewall policy's HOME_NET.",
    ],
    [
      'a homeNet that is one Output of a list',
      () => new AppleServicesFirewallRules('home-output', { products: ['PushNotifications'], homeNet: pulumi.output(['10.0.0.0/16']) as never }),
      "AppleServicesFirewallRules 'home-output': homeNet must be a list whose entries are known to be CIDRs when the program runs (each CIDR may be an Output). A list that is itself an Output cannot be checked before deployment: pass the CIDRs one by one, e.g. [vpc.cidrBlock].",
    ],
    [
      'a homeNet Output turned into a string',
      () => new AppleServicesFirewallRules('home-string', { products: ['PushNotifications'], homeNet: [`${pulumi.output('10.0.0.0/16')}`] }),
      "AppleServicesFirewallRules 'home-string': homeNet[0] is a Pulumi Output turned into a string by a template literal; pass the Output itself.",
    ],
    [
      'an Output given as a destination',
      () => new AppleServicesFirewallRules('unwrapped', { products: ['FaceTime'], destinations: [pulumi.output('10.0.0.0/8') as never] }),
      "AppleServicesFirewallRules 'unwrapped': destinations[0] is a Pulumi Output or Promise; say what it is: { securityGroup: … }, { securityGroupId: … }, { prefixListId: … }, { cidrIpv4: … } or { cidrIpv6: … }.",
    ],
    [
      'a component name the rule group cannot be auto-named after',
      () => new AppleServicesFirewallRules('apple_rules', { products: ['PushNotifications'] }),
      "AppleServicesFirewallRules 'apple_rules': The rule group would be named 'apple_rules-rule-group-0000000' (the component's name and the seven random characters Pulumi's auto-naming adds), which is not a rule group name (1-128 letters, digits and hyphens). Use letters, digits and hyphens there, or pass ruleGroupName.",
    ],
  ];

  test.each(cases)('refuses %s with a ResourceError naming the component and the fix', async (_name, program, message) => {
    const error = await resourceErrorOf(program);
    expect(error.message).toBe(message);
    expect(error.hideStack).toBe(true);
  });

  test('a component name outside the rule-group alphabet is fine with a ruleGroupName of your own', async () => {
    const recording = await record(() => new AppleServicesFirewallRules('apple_named', { products: ['PushNotifications'], ruleGroupName: 'apple-push-2', capacity: 100 }));
    expect(only(recording, TYPES.ruleGroup).inputs.name).toBe('apple-push-2');
  });

  test('nothing but the component is registered when the input is bad', async () => {
    let error: Error | undefined;
    const recording = await record(() => {
      error = errorOf(() => new AppleServicesFirewallRules('refused', { products: ['PushNotifications'], capacity: 1 }));
    });
    expect(error?.message).toBe("AppleServicesFirewallRules 'refused': capacity 1 is below the 6 this selection needs. Use at least 6 (100 leaves room to grow), or leave it out; a deployed rule group cannot grow in place, so a new capacity replaces it.");
    expect(recording.resources.map((r) => r.type)).toEqual([TYPES.firewallRulesComponent]);
  });
});
