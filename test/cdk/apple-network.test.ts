import { CfnParameter, Annotations as ConstructAnnotations, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { ApplePortsError, NETWORK_FIREWALL_RULE_KEYWORDS, appleNetworkPrefixList, planFirewallRules, type AppleProductName } from 'apple-ports';
import { AppleNetworkPrefixList, AppleServicesEgress, AppleServicesError, AppleServicesFirewallRules } from 'apple-ports/cdk';
import { parseSuricataRule, unquote } from '../core/network-firewall/suricata-rule-parser';
import { networkAclEntries, resourcesOfType, stackWithVpc } from './cdk-test-app';
import { errorOf } from '../thrown';

const ANY = '0.0.0.0/0';
const APNS_IPV6 = ['2403:300:a42::/48', '2403:300:a51::/48', '2620:149:a44::/48', '2a01:b740:a42::/48'];

/** The logical id of the one resource of a type. */
function onlyLogicalId(template: Template, type: string): string {
  const ids = Object.keys(resourcesOfType(template, type));
  expect(ids).toHaveLength(1);
  return ids[0]!;
}

describe('AppleNetworkPrefixList', () => {
  test("holds Apple's network 17.0.0.0/8 as an IPv4 list with one entry by default", () => {
    const { stack } = stackWithVpc();
    const list = new AppleNetworkPrefixList(stack, 'AppleNetwork');
    const template = Template.fromStack(stack);

    const lists = Object.values(resourcesOfType(template, 'AWS::EC2::PrefixList'));
    expect(lists).toEqual([
      {
        Type: 'AWS::EC2::PrefixList',
        Properties: {
          AddressFamily: 'IPv4',
          Entries: [{ Cidr: '17.0.0.0/8', Description: 'Apple network, assigned to Apple in full 17.0.0.0/8' }],
          MaxEntries: 1,
          PrefixListName: 'TestAppleNetwork49BE5B66',
        },
      },
    ]);
    expect(list.plan).toEqual(appleNetworkPrefixList());
    expect(list.family).toBe('ipv4');
    expect(list.maxEntries).toBe(1);
    expect(list.peer).toBe(list.prefixList);
    expect(stack.resolve(list.prefixListId)).toEqual({ 'Fn::GetAtt': [onlyLogicalId(template, 'AWS::EC2::PrefixList'), 'PrefixListId'] });
  });

  test('holds the APNs IPv6 subnets with scope apns and family ipv6, with room to grow and a name of your own', () => {
    const { stack } = stackWithVpc();
    new AppleNetworkPrefixList(stack, 'Apns6', { scope: 'apns', family: 'ipv6', maxEntries: 10, prefixListName: 'apple-apns-ipv6' });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::PrefixList', {
      AddressFamily: 'IPv6',
      Entries: APNS_IPV6.map((Cidr) => ({ Cidr, Description: `Apple Push Notification service (APNs) ${Cidr}` })),
      MaxEntries: 10,
      PrefixListName: 'apple-apns-ipv6',
    });
  });

  test('refuses options that make no list, naming the construct path and the fix', () => {
    const { stack } = stackWithVpc();
    const error = errorOf(() => new AppleNetworkPrefixList(stack, 'AppleV6', { family: 'ipv6' }));
    expect(error).toBeInstanceOf(ApplePortsError);
    expect(error.message).toBe("Test/AppleV6: Apple publishes no IPv6 range for scope 'apple'. Use scope 'apns' for the APNs IPv6 subnets, or family 'ipv4' for 17.0.0.0/8.");
    expect((error as ApplePortsError).problems.map((p) => p.code)).toEqual(['invalid-prefix-list-option']);
    expect(() => new AppleNetworkPrefixList(stack, 'TooSmall', { scope: 'apns', maxEntries: 4 })).toThrow(
      'Test/TooSmall: maxEntries 4 cannot hold the 5 apns entries. Use a whole number from 5 to 1000, or leave it out.',
    );
  });
});

describe('AppleServicesEgress to an Apple network prefix list', () => {
  test('appleNetworkPeers sends push notifications to the list; the other services still go anywhere', () => {
    const { stack, vpc } = stackWithVpc();
    const list = new AppleNetworkPrefixList(stack, 'AppleNetwork');
    const mac = new AppleServicesEgress(stack, 'Mac', { products: ['iCloud'], vpc, appleNetworkPeers: [list.peer] });
    const template = Template.fromStack(stack);

    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Test/Mac/SecurityGroup',
      SecurityGroupEgress: [
        { CidrIp: ANY, Description: 'iCloud: HTTP (tcp 80)', FromPort: 80, IpProtocol: 'tcp', ToPort: 80 },
        { CidrIp: ANY, Description: 'iCloud: HTTPS (tcp 443)', FromPort: 443, IpProtocol: 'tcp', ToPort: 443 },
      ],
    });
    const groupId = onlyLogicalId(template, 'AWS::EC2::SecurityGroup');
    expect(Object.values(resourcesOfType(template, 'AWS::EC2::SecurityGroupEgress')).map((r) => r.Properties)).toEqual([
      {
        Description: 'iCloud: APNs (tcp 5223)',
        DestinationPrefixListId: { 'Fn::GetAtt': [onlyLogicalId(template, 'AWS::EC2::PrefixList'), 'PrefixListId'] },
        FromPort: 5223,
        GroupId: { 'Fn::GetAtt': [groupId, 'GroupId'] },
        IpProtocol: 'tcp',
        ToPort: 5223,
      },
    ]);
    // Placeholders keep the policy stable; the peer carries what AWS's quota counts.
    expect(mac.policy.rules.map((r) => r.peer)).toEqual([
      { kind: 'ipv4', cidr: ANY },
      { kind: 'ipv4', cidr: ANY },
      { kind: 'prefix-list', id: '{Test/AppleNetwork}', family: 'ipv4', maxEntries: 1 },
    ]);
  });

  test("network ACL entries use the list's CIDRs, which ACLs take instead of prefix lists", () => {
    const { stack, vpc } = stackWithVpc();
    const list = new AppleNetworkPrefixList(stack, 'AppleNetwork');
    new AppleServicesEgress(stack, 'Mac', { products: ['iCloud'], destinations: ['apple-network'], appleNetworkPeers: [list.peer], vpc, subnets: { subnetGroupName: 'Desktops' } });
    const template = Template.fromStack(stack);

    expect(networkAclEntries(template)).toEqual([
      'egress 6470 icmp 3:4 0.0.0.0/0 allow',
      'egress 13080 tcp 5223-5223 17.0.0.0/8 allow',
      'egress 17850 tcp 80-80 0.0.0.0/0 allow',
      'egress 18420 tcp 443-443 0.0.0.0/0 allow',
      // The return from 0.0.0.0/0 covers 17.0.0.0/8: no entry of its own.
      'ingress 22010 tcp 1024-65535 0.0.0.0/0 allow',
      'ingress 27020 icmp 3:4 0.0.0.0/0 allow',
    ]);
    template.resourcePropertiesCountIs('AWS::EC2::SecurityGroupEgress', { DestinationPrefixListId: Match.anyValue(), FromPort: 5223 }, 1);
  });

  test("the list's bare prefixListId works like its peer: a prefix-list rule, and its CIDRs in network ACL entries", () => {
    const { stack, vpc } = stackWithVpc();
    const list = new AppleNetworkPrefixList(stack, 'AppleNetwork');
    const mac = new AppleServicesEgress(stack, 'Mac', { products: ['iCloud'], appleNetworkPeers: [list.prefixListId], vpc, subnets: { subnetGroupName: 'Desktops' } });
    const template = Template.fromStack(stack);

    expect(mac.policy.rules.map((r) => r.peer)).toEqual([
      { kind: 'ipv4', cidr: ANY },
      { kind: 'ipv4', cidr: ANY },
      { kind: 'prefix-list', id: '{Test/AppleNetwork.PrefixListId}', family: 'ipv4', maxEntries: 1 },
    ]);
    template.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
      DestinationPrefixListId: { 'Fn::GetAtt': [onlyLogicalId(template, 'AWS::EC2::PrefixList'), 'PrefixListId'] },
      FromPort: 5223,
      ToPort: 5223,
    });
    expect(networkAclEntries(template)).toEqual([
      'egress 6470 icmp 3:4 0.0.0.0/0 allow',
      'egress 13080 tcp 5223-5223 17.0.0.0/8 allow',
      'egress 17850 tcp 80-80 0.0.0.0/0 allow',
      'egress 18420 tcp 443-443 0.0.0.0/0 allow',
      // The return from 0.0.0.0/0 covers 17.0.0.0/8: no entry of its own.
      'ingress 22010 tcp 1024-65535 0.0.0.0/0 allow',
      'ingress 27020 icmp 3:4 0.0.0.0/0 allow',
    ]);
  });

  test('with ipv6, an IPv4 and an IPv6 list stand for Apple’s network, each counted in its own family', () => {
    const { stack, vpc } = stackWithVpc();
    const apple = new AppleNetworkPrefixList(stack, 'AppleNetwork');
    const apns6 = new AppleNetworkPrefixList(stack, 'Apns6', { scope: 'apns', family: 'ipv6' });
    const mac = new AppleServicesEgress(stack, 'Mac', { products: ['PushNotifications'], ipv6: true, appleNetworkPeers: [apple.peer, apns6.peer], vpc });
    const template = Template.fromStack(stack);

    const listIds = Object.keys(resourcesOfType(template, 'AWS::EC2::PrefixList')).sort();
    const egress = Object.values(resourcesOfType(template, 'AWS::EC2::SecurityGroupEgress')).map(
      ({ Properties: p }) => `${p.FromPort} ${(p.DestinationPrefixListId as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]}`,
    );
    expect(egress.sort()).toEqual([`2197 ${listIds[0]}`, `2197 ${listIds[1]}`, `5223 ${listIds[0]}`, `5223 ${listIds[1]}`].sort());
    expect(listIds.map((id) => id.replace(/[0-9A-F]{8}$/, ''))).toEqual(['Apns6', 'AppleNetwork']);
    const describePeer = (peer: (typeof mac.policy.rules)[number]['peer']) =>
      peer.kind === 'prefix-list' ? `list ${peer.family} max ${peer.maxEntries}` : peer.kind === 'security-group' ? peer.id : peer.cidr;
    expect(mac.policy.rules.map((r) => `${r.fromPort} ${describePeer(r.peer)}`)).toEqual([
      '443 0.0.0.0/0',
      '443 ::/0',
      '2197 list ipv6 max 4',
      '2197 list ipv4 max 1',
      '5223 list ipv6 max 4',
      '5223 list ipv4 max 1',
    ]);
  });

  test("a group allowing all IPv6 outbound still takes rules to an IPv6 list: CDK only drops IPv6 CIDR rules there", () => {
    const { stack, vpc } = stackWithVpc();
    const apns6 = new AppleNetworkPrefixList(stack, 'Apns6', { scope: 'apns', family: 'ipv6' });
    const group = new ec2.SecurityGroup(stack, 'Own', { vpc, allowAllOutbound: false, allowAllIpv6Outbound: true });
    new AppleServicesEgress(stack, 'Mac', { products: ['PushNotifications'], appleNetworkPeers: [apns6.peer], securityGroup: group });
    Template.fromStack(stack).resourcePropertiesCountIs('AWS::EC2::SecurityGroupEgress', { DestinationPrefixListId: Match.anyValue() }, 2);
  });

  test('a rule to a prefix list counts as its max entries against the security-group quota, as AWS counts it', () => {
    const { stack, vpc } = stackWithVpc();
    // iCloud: two rules anywhere, and APNs to a list of max entries 58 or 59.
    const fits = new AppleNetworkPrefixList(stack, 'Fits', { maxEntries: 58 });
    new AppleServicesEgress(stack, 'AtQuota', { products: ['iCloud'], appleNetworkPeers: [fits.peer], vpc });
    const over = new AppleNetworkPrefixList(stack, 'Over', { maxEntries: 59 });
    const error = errorOf(() => new AppleServicesEgress(stack, 'Mac', { products: ['iCloud'], appleNetworkPeers: [over.peer], vpc }));
    expect(error).toBeInstanceOf(ApplePortsError);
    expect(error.message).toBe(
      'Test/Mac: The egress rules need 61 IPv4 security-group rules, more than the quota of 60. Set maxRules to 60 so ports are widened to fit, select fewer products, or raise the quota and pass it as securityGroupRuleQuota.',
    );
  });

  test('any prefix list created in the app counts as its max entries, in its own family', () => {
    const { stack, vpc } = stackWithVpc();
    const proxies = new ec2.PrefixList(stack, 'Proxies', { addressFamily: ec2.AddressFamily.IP_V6, maxEntries: 25 });
    expect(() => new AppleServicesEgress(stack, 'Mac', { products: ['iCloud'], destinations: [proxies], vpc })).toThrow(
      'Test/Mac: The egress rules need 75 IPv6 security-group rules, more than the quota of 60. Set maxRules to 60 so ports are widened to fit, select fewer products, or raise the quota and pass it as securityGroupRuleQuota.',
    );
  });

  test('the sum over constructs sharing a group counts each rule to the list as its max entries', () => {
    const { stack, vpc } = stackWithVpc();
    const list = new AppleNetworkPrefixList(stack, 'AppleNetwork', { maxEntries: 20 });
    const shared = new ec2.SecurityGroup(stack, 'Shared', { vpc, allowAllOutbound: false });
    // 80 and 443 anywhere, and 5223 to the list: 2 + 20 rules.
    new AppleServicesEgress(stack, 'Cloud', { products: ['iCloud'], appleNetworkPeers: [list.peer], securityGroup: shared, securityGroupRuleQuota: 25 });
    // Adds 5223 anywhere and FaceTime's three UDP ranges to the same group: 22 + 4 = 26.
    expect(() => new AppleServicesEgress(stack, 'Calls', { products: ['FaceTime'], securityGroup: shared, securityGroupRuleQuota: 25 })).toThrow(
      "Test/Calls: The security group 'Test/Shared' would hold 26 IPv4 egress rules from apple-ports constructs, more than the quota of 25. Select the products in one construct with maxRules 25, use separate security groups, or raise the quota and pass it as securityGroupRuleQuota.",
    );
  });

  test('a list in another stack passes through as an import, still counted by its max entries', () => {
    const { app, stack, vpc } = stackWithVpc();
    const shared = new Stack(app, 'Shared');
    const list = new AppleNetworkPrefixList(shared, 'AppleNetwork', { maxEntries: 59 });
    expect(() => new AppleServicesEgress(stack, 'Mac', { products: ['iCloud'], appleNetworkPeers: [list.peer], vpc })).toThrow(/^Test\/Mac: The egress rules need 61 IPv4/);
    const fits = new AppleNetworkPrefixList(shared, 'Fits');
    new AppleServicesEgress(stack, 'Fits', { products: ['iCloud'], appleNetworkPeers: [fits.peer], vpc });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
      DestinationPrefixListId: { 'Fn::ImportValue': Match.stringLikeRegexp('^Shared:ExportsOutputFnGetAttFits') },
      FromPort: 5223,
    });
  });

  test('appleNetworkPeers with destinations that do not name apple-network is refused: no rule would use them', () => {
    const { stack, vpc } = stackWithVpc();
    const list = new AppleNetworkPrefixList(stack, 'AppleNetwork');
    const error = errorOf(() => new AppleServicesEgress(stack, 'Mac', { products: ['iCloud'], destinations: ['anywhere'], appleNetworkPeers: [list.peer], vpc }));
    expect(error).toBeInstanceOf(AppleServicesError);
    expect((error as AppleServicesError).code).toBe('apple-network-peers-unused');
    expect(error.message).toBe(
      "Test/Mac: appleNetworkPeers stand for 'apple-network', which destinations does not name, so no rule would use them. Add 'apple-network' to destinations, or leave destinations out: with appleNetworkPeers it defaults to ['apple-network'].",
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

describe('AppleServicesFirewallRules', () => {
  test('a strict-order stateful rule group holding exactly the planned rules, its capacity computed', () => {
    const { stack } = stackWithVpc();
    const rules = new AppleServicesFirewallRules(stack, 'Rules', { products: ['PushNotifications'] });
    const template = Template.fromStack(stack);

    expect(Object.values(resourcesOfType(template, 'AWS::NetworkFirewall::RuleGroup'))).toEqual([
      {
        Type: 'AWS::NetworkFirewall::RuleGroup',
        Properties: {
          Capacity: 100,
          RuleGroup: { RulesSource: { RulesString: PUSH_RULES.join('\n') }, StatefulRuleOptions: { RuleOrder: 'STRICT_ORDER' } },
          RuleGroupName: 'Test-Rules-174EF4C3-c100',
          Type: 'STATEFUL',
        },
      },
    ]);
    expect(rules.plan).toEqual(planFirewallRules({ products: ['PushNotifications'] }));
    expect(rules.plan.rulesString).toBe(PUSH_RULES.join('\n'));
    expect(stack.resolve(rules.ruleGroupArn)).toEqual({ 'Fn::GetAtt': [onlyLogicalId(template, 'AWS::NetworkFirewall::RuleGroup'), 'RuleGroupArn'] });
  });

  test('every rule in the template parses, passes from HOME_NET, uses only documented keywords and has its own sid', () => {
    const { stack } = stackWithVpc();
    const rules = new AppleServicesFirewallRules(stack, 'Rules', { products: ['iCloud', 'FaceTime', 'SoftwareUpdate'], sidBase: 5000 });
    const [group] = Object.values(resourcesOfType(Template.fromStack(stack), 'AWS::NetworkFirewall::RuleGroup'));
    const text = (group!.Properties.RuleGroup as { RulesSource: { RulesString: string } }).RulesSource.RulesString;
    const parsed = text.split('\n').map(parseSuricataRule);

    expect(group!.Properties.Capacity).toBe(100);
    expect(rules.plan.requiredCapacity).toBe(parsed.length);
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

  test('capacity, homeNet (a token here) and a name of your own go into the rule group', () => {
    const { stack, vpc } = stackWithVpc();
    const rules = new AppleServicesFirewallRules(stack, 'Rules', {
      products: ['PushNotifications'],
      capacity: 100,
      homeNet: [vpc.vpcCidrBlock, '10.1.0.0/16'],
      ruleGroupName: 'apple-push',
      description: 'Apple push notifications',
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::NetworkFirewall::RuleGroup', {
      Capacity: 100,
      Description: 'Apple push notifications',
      RuleGroupName: 'apple-push',
      RuleGroup: {
        RuleVariables: { IPSets: { HOME_NET: { Definition: [{ 'Fn::GetAtt': [onlyLogicalId(template, 'AWS::EC2::VPC'), 'CidrBlock'] }, '10.1.0.0/16'] } } },
        RulesSource: { RulesString: PUSH_RULES.join('\n') },
        StatefulRuleOptions: { RuleOrder: 'STRICT_ORDER' },
      },
    });
    expect(rules.plan.homeNet).toEqual(['{Test/Vpc.CidrBlock}', '10.1.0.0/16']);
    expect([rules.plan.capacity, rules.plan.requiredCapacity]).toEqual([100, 6]);
  });

  test('a CIDR only known at deploy time goes into the rules; the plan shows a stable placeholder', () => {
    const { stack } = stackWithVpc();
    const proxy = new CfnParameter(stack, 'ProxyCidr', { type: 'String' });
    const rules = new AppleServicesFirewallRules(stack, 'Rules', { products: ['FaceTime'], destinations: ['apple-network', proxy.valueAsString] });
    const [group] = Object.values(resourcesOfType(Template.fromStack(stack), 'AWS::NetworkFirewall::RuleGroup'));
    const rulesString = (group!.Properties.RuleGroup as { RulesSource: { RulesString: { 'Fn::Join': [string, unknown[]] } } }).RulesSource.RulesString;

    const [separator, parts] = rulesString['Fn::Join'];
    const joined = parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(separator);
    expect(joined).toBe(rules.plan.rulesString.replaceAll('{Test/ProxyCidr}', '{"Ref":"ProxyCidr"}'));
    expect(rules.plan.rules.filter((r) => r.kind === 'port').map((r) => `${r.rule.protocol} ${r.rule.destination} ${r.rule.destinationPort}`)).toEqual([
      'tcp 17.0.0.0/8 5223',
      'udp {Test/ProxyCidr} 3478:3497',
      'udp {Test/ProxyCidr} 16384:16387',
      'udp {Test/ProxyCidr} 16393:16402',
    ]);
  });

  test("warns with the plan's and the resolver's notices, under acknowledgeable ids", () => {
    const { stack } = stackWithVpc();
    const rules = new AppleServicesFirewallRules(stack, 'Rules', { products: ['PushNotifications'] });
    const annotations = Annotations.fromStack(stack);
    annotations.hasWarning(
      '/Test/Rules',
      'Left out services Apple has retired (set includeLegacy to keep them): apns-legacy-provider (tcp 2195) for PushNotifications, retired 2021-03-31; apns-legacy-feedback (tcp 2196) for PushNotifications, retired 2021-03-31. [ack: apple-ports:legacy-excluded]',
    );
    annotations.hasWarning(
      '/Test/Rules',
      "Apple's enterprise-network article lists *.push.apple.com on tcp 80 for PushNotifications, but its port table does not list that port for it: this rule group allows those hosts by name, while security groups from resolve() leave the port closed. [ack: apple-ports:ports-beyond-port-table]",
    );
    expect(annotations.findWarning('*', Match.anyValue())).toHaveLength(2);

    ConstructAnnotations.of(rules).acknowledgeWarning('apple-ports:legacy-excluded', 'Reviewed: the retired APNs ports stay closed.');
    ConstructAnnotations.of(rules).acknowledgeWarning('apple-ports:ports-beyond-port-table', 'Reviewed.');
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  test('does not raise the resolver notices the rule group says better: link-local multicast, apple-network narrowing, QUIC', () => {
    const { stack } = stackWithVpc();
    const rules = new AppleServicesFirewallRules(stack, 'Rules', { products: ['AirPlay', 'iCloud'] });
    expect(rules.plan.policy!.notices.map((n) => n.code)).toEqual(['link-local-excluded', 'apple-network-partial', 'quic-closed']);
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('link-local|apple-network-partial|quic-closed'))).toEqual([]);
    // The plan's own QUIC notice says what the rule group cannot match.
    Annotations.fromStack(stack).hasWarning('/Test/Rules', Match.stringLikeRegexp('apple-ports:quic-not-matched'));
  });

  test('bad selections and options fail at construction, naming the construct path and the fix', () => {
    const { stack } = stackWithVpc();
    const list = new AppleNetworkPrefixList(stack, 'AppleNetwork');
    const ingress = errorOf(() => new AppleServicesFirewallRules(stack, 'Ingress', { profiles: ['remote-admin-host'] }));
    expect(ingress).toBeInstanceOf(ApplePortsError);
    expect(ingress.message).toBe(
      "Test/Ingress: Profile 'remote-admin-host' is meant for ingress, but the rule group allows the Apple devices' outbound traffic. Select egress products or profiles, and control ingress with security groups.",
    );
    expect((ingress as ApplePortsError).problems.map((p) => p.code)).toEqual(['invalid-direction']);
    expect(() => new AppleServicesFirewallRules(stack, 'Small', { products: ['PushNotifications'], capacity: 5 })).toThrow(
      'Test/Small: capacity 5 is below the 6 this selection needs. Use at least 6 (100 leaves room to grow), or leave it out; a deployed rule group cannot grow in place, so a new capacity replaces it.',
    );
    expect(() => new AppleServicesFirewallRules(stack, 'ToList', { products: ['FaceTime'], destinations: [list.peer] })).toThrow(
      "Test/ToList: Invalid destination 'Test/AppleNetwork': a Network Firewall rules string takes CIDRs, not prefix lists. Use 'anywhere', 'apple-network' or CIDRs.",
    );
    // @ts-expect-error a misspelt name, as JavaScript or a cast could pass it: checked at run time
    const many = errorOf(() => new AppleServicesFirewallRules(stack, 'Many', { products: ['iCloudd'], homeNet: ['10.0.0.0/33'], sidBase: 0 }));
    expect(many).toBeInstanceOf(ApplePortsError);
    expect((many as ApplePortsError).problems.map((p) => p.code)).toEqual(['unknown-product', 'invalid-firewall-option', 'invalid-firewall-option']);
    expect(many.message.split('\n')[0]).toBe('Test/Many: invalid apple-ports selection (3 problems):');

    const name = errorOf(() => new AppleServicesFirewallRules(stack, 'Named', { products: ['PushNotifications'], ruleGroupName: 'apple push', capacity: 100 }));
    expect(name).toBeInstanceOf(AppleServicesError);
    expect((name as AppleServicesError).code).toBe('invalid-rule-group-name');
    expect(name.message).toBe("Test/Named: ruleGroupName 'apple push' is not a rule group name. Use 1-128 letters, digits and hyphens, or leave it out for a generated one.");

    const fixed = errorOf(() => new AppleServicesFirewallRules(stack, 'Fixed', { products: ['PushNotifications'], ruleGroupName: 'apple-push' }));
    expect((fixed as AppleServicesError).code).toBe('fixed-name-replacement');
    expect(fixed.message).toBe(
      'Test/Fixed: ruleGroupName is fixed, so the rule group cannot be replaced under the same name when its capacity must grow (CloudFormation refuses to replace a custom-named resource). Give capacity as well: this selection needs 6, and 100 leaves room to grow. Or leave ruleGroupName out for a generated name that changes with the capacity.',
    );
  });

  test('the template does not depend on product order', () => {
    const build = (products: AppleProductName[]) => {
      const { stack } = stackWithVpc();
      new AppleServicesFirewallRules(stack, 'Rules', { products, ipv6: true });
      return JSON.stringify(Template.fromStack(stack).toJSON());
    };
    expect(build(['FaceTime', 'iCloud', 'Messages'])).toBe(build(['Messages', 'iCloud', 'FaceTime']));
  });
});
