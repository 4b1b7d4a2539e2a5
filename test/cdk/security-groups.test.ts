import { App, CfnParameter, Annotations as ConstructAnnotations, Fn, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { ApplePortsError, type AppleProductName, type PolicySelection } from 'apple-ports';
import { AppleServicesEgress, AppleServicesError, AppleServicesIngress } from 'apple-ports/cdk';
import { OTHER_SG_ID, PREFIX_LIST_ID, SG_ID, stackWithVpc, strictApp, resourcesOfType } from './cdk-test-app';
import { errorOf, thrown } from '../thrown';

const ANY = '0.0.0.0/0';

/** The inline egress of iCloud + FaceTime to anywhere, in the resolver's order. */
const ICLOUD_FACETIME_EGRESS = [
  { CidrIp: ANY, Description: 'FaceTime, iCloud: HTTP (tcp 80)', FromPort: 80, IpProtocol: 'tcp', ToPort: 80 },
  { CidrIp: ANY, Description: 'FaceTime, iCloud: HTTPS (tcp 443)', FromPort: 443, IpProtocol: 'tcp', ToPort: 443 },
  { CidrIp: ANY, Description: 'FaceTime, iCloud: APNs (tcp 5223)', FromPort: 5223, IpProtocol: 'tcp', ToPort: 5223 },
  { CidrIp: ANY, Description: 'FaceTime: STUN/TURN (udp 3478-3497)', FromPort: 3478, IpProtocol: 'udp', ToPort: 3497 },
  { CidrIp: ANY, Description: 'FaceTime: RTP/RTCP (udp 16384-16387)', FromPort: 16384, IpProtocol: 'udp', ToPort: 16387 },
  { CidrIp: ANY, Description: 'FaceTime: RTP/RTCP (udp 16393-16402)', FromPort: 16393, IpProtocol: 'udp', ToPort: 16402 },
];

/** iCloud's rules as [description, port] pairs, for peers other than anywhere. */
const ICLOUD_RULES = [
  ['iCloud: HTTP (tcp 80)', 80],
  ['iCloud: HTTPS (tcp 443)', 443],
  ['iCloud: APNs (tcp 5223)', 5223],
] as const;

const SCREEN_SHARING_RULES = [
  ['Screen Sharing: Kerberos (tcp 88)', 'tcp', 88],
  ['Screen Sharing: Screen Sharing (RFB) (tcp 5900)', 'tcp', 5900],
  ['Screen Sharing: Screen Sharing (RFB) (udp 5900)', 'udp', 5900],
] as const;

const NO_TRAFFIC_PLACEHOLDER = { CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic', FromPort: 252, IpProtocol: 'icmp', ToPort: 86 };

describe('AppleServicesEgress on security groups', () => {
  test('with vpc it creates a group whose only egress is the selection', () => {
    const { stack, vpc } = stackWithVpc();
    const mac = new AppleServicesEgress(stack, 'Mac', { products: ['iCloud', 'FaceTime'], vpc });
    const template = Template.fromStack(stack);

    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Test/Mac/SecurityGroup',
      SecurityGroupEgress: ICLOUD_FACETIME_EGRESS,
      SecurityGroupIngress: Match.absent(),
    });
    template.resourceCountIs('AWS::EC2::SecurityGroupEgress', 0);
    template.resourceCountIs('AWS::EC2::NetworkAcl', 0);
    expect(mac.connections.securityGroups).toEqual([mac.securityGroup]);
    expect(mac.networkAcl).toBeUndefined();
    expect(mac.policy.rules.map((r) => r.description)).toEqual(ICLOUD_FACETIME_EGRESS.map((r) => r.Description));
    const [group] = Object.values(resourcesOfType(template, 'AWS::EC2::SecurityGroup'));
    expect(group).toMatchSnapshot();
  });

  test('ipv6 adds the ::/0 rules beside the IPv4 ones, and removes the no-traffic placeholder', () => {
    const { stack, vpc } = stackWithVpc();
    new AppleServicesEgress(stack, 'Mac', { products: ['iCloud'], ipv6: true, vpc });
    const egress = ICLOUD_RULES.flatMap(([Description, port]) => [
      { CidrIp: ANY, Description, FromPort: port, IpProtocol: 'tcp', ToPort: port },
      { CidrIpv6: '::/0', Description, FromPort: port, IpProtocol: 'tcp', ToPort: port },
    ]);
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroup', { SecurityGroupEgress: egress });
  });

  test('adds the rules to an existing group created or imported with allowAllOutbound: false', () => {
    const { stack, vpc } = stackWithVpc();
    const own = new ec2.SecurityGroup(stack, 'Own', { vpc, allowAllOutbound: false });
    const imported = ec2.SecurityGroup.fromSecurityGroupId(stack, 'Imported', SG_ID, { allowAllOutbound: false });
    const onOwn = new AppleServicesEgress(stack, 'OnOwn', { products: ['iCloud'], securityGroup: own });
    new AppleServicesEgress(stack, 'OnImported', { products: ['iCloud'], securityGroup: imported });
    const template = Template.fromStack(stack);

    expect(onOwn.securityGroup).toBe(own);
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Test/Own',
      SecurityGroupEgress: ICLOUD_RULES.map(([Description, port]) => ({ CidrIp: ANY, Description, FromPort: port, IpProtocol: 'tcp', ToPort: port })),
    });
    // An imported group cannot hold inline rules: each becomes its own resource.
    const standalone = Object.values(resourcesOfType(template, 'AWS::EC2::SecurityGroupEgress')).map((r) => r.Properties);
    expect(standalone).toEqual(ICLOUD_RULES.map(([Description, port]) => ({ GroupId: SG_ID, CidrIp: ANY, Description, FromPort: port, IpProtocol: 'tcp', ToPort: port })));
  });

  test.each([
    [
      'a new group that allows all outbound',
      (stack: Stack, vpc: ec2.IVpc) => new ec2.SecurityGroup(stack, 'Group', { vpc }),
      "Test/Mac: the security group 'Test/Group' allows all outbound traffic, so CDK would drop the Apple egress rules. Create it with allowAllOutbound: false, or import it with ec2.SecurityGroup.fromSecurityGroupId(scope, id, securityGroupId, { allowAllOutbound: false }).",
    ],
    [
      'a group imported without allowAllOutbound: false',
      (stack: Stack) => ec2.SecurityGroup.fromSecurityGroupId(stack, 'Group', SG_ID),
      "Test/Mac: the security group 'Test/Group' allows all outbound traffic, so CDK would drop the Apple egress rules. Create it with allowAllOutbound: false, or import it with ec2.SecurityGroup.fromSecurityGroupId(scope, id, securityGroupId, { allowAllOutbound: false }).",
    ],
    [
      'an immutable import',
      (stack: Stack) => ec2.SecurityGroup.fromSecurityGroupId(stack, 'Group', SG_ID, { allowAllOutbound: false, mutable: false }),
      "Test/Mac: the security group 'Test/Group' was imported with mutable: false, so CDK ignores every rule added to it. Import it with ec2.SecurityGroup.fromSecurityGroupId(scope, id, securityGroupId, { allowAllOutbound: false }).",
    ],
  ])('refuses %s, whose rules CDK would drop silently', (_name, makeGroup, message) => {
    const { stack, vpc } = stackWithVpc();
    const securityGroup = makeGroup(stack, vpc);
    const error = errorOf(() => new AppleServicesEgress(stack, 'Mac', { products: ['iCloud'], securityGroup }));
    expect(error).toBeInstanceOf(AppleServicesError);
    expect(error.message).toBe(message);
    expect((error as AppleServicesError).code).toBe(message.includes('mutable') ? 'immutable-security-group' : 'allows-all-outbound');
  });

  test('an instance’s own group that allows all outbound: the fix names the instance’s props', () => {
    const { stack, vpc } = stackWithVpc();
    const mac = new ec2.Instance(stack, 'MacHost', { vpc, instanceType: new ec2.InstanceType('mac2.metal'), machineImage: ec2.MachineImage.latestAmazonLinux2023() });
    const error = errorOf(() => new AppleServicesEgress(stack, 'Mac', { products: ['iCloud'] }).applyTo(mac));
    expect(error.message).toBe(
      "Test/Mac: the security group 'Test/MacHost/InstanceSecurityGroup' allows all outbound traffic, so CDK would drop the Apple egress rules. 'Test/MacHost' created it for itself: pass allowAllOutbound: false to 'Test/MacHost', or give it a securityGroup created with allowAllOutbound: false.",
    );
  });

  test('refuses IPv6 rules on a group that allows all IPv6 outbound', () => {
    const { stack, vpc } = stackWithVpc();
    const securityGroup = new ec2.SecurityGroup(stack, 'Group', { vpc, allowAllOutbound: false, allowAllIpv6Outbound: true });
    new AppleServicesEgress(stack, 'V4Only', { products: ['iCloud'], securityGroup });
    expect(() => new AppleServicesEgress(stack, 'Mac', { products: ['iCloud'], ipv6: true, securityGroup })).toThrow(
      "Test/Mac: the security group 'Test/Group' allows all IPv6 outbound traffic, so CDK would drop the Apple IPv6 egress rules. Create it with allowAllIpv6Outbound: false, or leave ipv6 unset.",
    );
  });

  test('prefix lists become standalone rules; security-group ids stay inline', () => {
    const { stack, vpc } = stackWithVpc();
    new AppleServicesEgress(stack, 'Mac', { products: ['iCloud'], destinations: [PREFIX_LIST_ID, ec2.Peer.prefixList('pl-0fedcba9876543210'), SG_ID], vpc });
    const template = Template.fromStack(stack);

    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupEgress: ICLOUD_RULES.map(([Description, port]) => ({ DestinationSecurityGroupId: SG_ID, Description, FromPort: port, IpProtocol: 'tcp', ToPort: port })),
    });
    const groupId = { 'Fn::GetAtt': [Match.stringLikeRegexp('^MacSecurityGroup'), 'GroupId'] };
    const standalone = Object.values(resourcesOfType(template, 'AWS::EC2::SecurityGroupEgress')).map((r) => r.Properties);
    expect(standalone).toHaveLength(6);
    for (const prefixList of [PREFIX_LIST_ID, 'pl-0fedcba9876543210']) {
      for (const [Description, port] of ICLOUD_RULES) {
        template.hasResourceProperties('AWS::EC2::SecurityGroupEgress', { GroupId: groupId, DestinationPrefixListId: prefixList, Description, FromPort: port, ToPort: port, IpProtocol: 'tcp' });
      }
    }
  });

  test('a security-group destination given as a construct gets the matching ingress rule', () => {
    const { stack, vpc } = stackWithVpc();
    const proxy = new ec2.SecurityGroup(stack, 'Proxy', { vpc });
    new AppleServicesEgress(stack, 'Mac', { products: ['iCloud'], destinations: [proxy], vpc });
    const template = Template.fromStack(stack);
    const mac = { 'Fn::GetAtt': [Match.stringLikeRegexp('^MacSecurityGroup'), 'GroupId'] };
    const proxyId = { 'Fn::GetAtt': [Match.stringLikeRegexp('^Proxy'), 'GroupId'] };

    template.resourceCountIs('AWS::EC2::SecurityGroupEgress', 3);
    template.resourceCountIs('AWS::EC2::SecurityGroupIngress', 3);
    for (const [Description, port] of ICLOUD_RULES) {
      template.hasResourceProperties('AWS::EC2::SecurityGroupEgress', { GroupId: mac, DestinationSecurityGroupId: proxyId, Description, FromPort: port, ToPort: port, IpProtocol: 'tcp' });
      template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { GroupId: proxyId, SourceSecurityGroupId: mac, Description, FromPort: port, ToPort: port, IpProtocol: 'tcp' });
    }
  });

  test('applyTo adds the rules to every group of every target and joins them to connections', () => {
    const { stack, vpc } = stackWithVpc();
    const first = new ec2.SecurityGroup(stack, 'First', { vpc, allowAllOutbound: false });
    const second = new ec2.SecurityGroup(stack, 'Second', { vpc, allowAllOutbound: false });
    const mac = new AppleServicesEgress(stack, 'Mac', { products: ['iCloud'] });
    mac.applyTo(new ec2.Connections({ securityGroups: [first, second] }), first);
    const template = Template.fromStack(stack);

    const egress = ICLOUD_RULES.map(([Description, port]) => ({ CidrIp: ANY, Description, FromPort: port, IpProtocol: 'tcp', ToPort: port }));
    expect(Object.values(resourcesOfType(template, 'AWS::EC2::SecurityGroup')).map((g) => g.Properties.SecurityGroupEgress)).toEqual([egress, egress]);
    expect(mac.connections.securityGroups).toEqual([first, second]);
    expect(mac.securityGroup).toBeUndefined();
  });

  test('applyTo refuses a target without security groups', () => {
    const { stack } = stackWithVpc();
    const mac = new AppleServicesEgress(stack, 'Mac', { products: ['iCloud'] });
    const error = thrown(() => mac.applyTo(new ec2.Connections()));
    expect(error.message).toBe(
      'Test/Mac: applyTo() was given a target with no security group (a connections object). Pass an instance, a security group or another construct with security groups, or use applyToNetworkAcl() for network ACLs.',
    );
    expect(error.problems).toEqual([
      {
        code: 'no-security-group',
        message: 'applyTo() was given a target with no security group (a connections object). Pass an instance, a security group or another construct with security groups, or use applyToNetworkAcl() for network ACLs.',
      },
    ]);
  });

  test('checks the rule count against the quota, per construct and per group', () => {
    const { stack, vpc } = stackWithVpc();
    const error = errorOf(() => new AppleServicesEgress(stack, 'Mac', { products: ['iCloud', 'FaceTime'], vpc, securityGroupRuleQuota: 5 }));
    expect(error).toBeInstanceOf(ApplePortsError);
    expect(error.message).toBe(
      'Test/Mac: The egress rules need 6 IPv4 security-group rules, more than the quota of 5. Set maxRules to 5 so ports are widened to fit, select fewer products, or raise the quota and pass it as securityGroupRuleQuota.',
    );
    expect((error as ApplePortsError).problems.map((p) => p.code)).toEqual(['security-group-quota']);

    const shared = new ec2.SecurityGroup(stack, 'Shared', { vpc, allowAllOutbound: false });
    new AppleServicesEgress(stack, 'Cloud', { products: ['iCloud'], securityGroup: shared, securityGroupRuleQuota: 5 });
    new AppleServicesEgress(stack, 'Calls', { products: ['FaceTime'], securityGroup: shared, securityGroupRuleQuota: 6 });
    // FaceTime repeated iCloud's three rules, which the group holds once; DNS and NTP add three more.
    expect(() => new AppleServicesEgress(stack, 'Time', { products: ['DNS', 'NetworkTime'], securityGroup: shared, securityGroupRuleQuota: 6 })).toThrow(
      "Test/Time: The security group 'Test/Shared' would hold 9 IPv4 egress rules from apple-ports constructs, more than the quota of 6. Select the products in one construct with maxRules 6, use separate security groups, or raise the quota and pass it as securityGroupRuleQuota.",
    );
    expect(() => new AppleServicesEgress(stack, 'Zero', { products: ['iCloud'], vpc, securityGroupRuleQuota: 0 })).toThrow(
      "Test/Zero: securityGroupRuleQuota 0 is not a rule count. Use your account's rules-per-security-group quota, a whole number (AWS's default is 60).",
    );
  });

  test('maxRules widens the security-group rules and says which ports it opened', () => {
    const { stack, vpc } = stackWithVpc();
    const mac = new AppleServicesEgress(stack, 'Mac', { products: ['iCloud', 'FaceTime'], maxRules: 3, vpc });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupEgress: [
        { CidrIp: ANY, Description: 'FaceTime, iCloud: HTTP, HTTPS, APNs (tcp 80-5223, 5141 ports widened to fit the rule budget)', FromPort: 80, IpProtocol: 'tcp', ToPort: 5223 },
        { CidrIp: ANY, Description: 'FaceTime: STUN/TURN (udp 3478-3497)', FromPort: 3478, IpProtocol: 'udp', ToPort: 3497 },
        { CidrIp: ANY, Description: 'FaceTime: RTP/RTCP (udp 16384-16402, 5 ports widened to fit the rule budget)', FromPort: 16384, IpProtocol: 'udp', ToPort: 16402 },
      ],
    });
    expect(mac.policy.maxRules).toBe(3);
    Annotations.fromStack(stack).hasWarning(
      '/Test/Mac',
      'Opened 5146 ports beyond the selection to fit maxRules 3 per address family: tcp 81-442 to 0.0.0.0/0; tcp 444-5222 to 0.0.0.0/0; udp 16388-16392 to 0.0.0.0/0. [ack: apple-ports:budget-widened]',
    );
  });

  test('raises every resolver notice as a warning with a stable id', () => {
    const { stack, vpc } = stackWithVpc();
    new AppleServicesEgress(stack, 'Mac', { products: ['PushNotifications', 'DNS', 'NetworkTime'], vpc });
    const annotations = Annotations.fromStack(stack);
    annotations.hasWarning(
      '/Test/Mac',
      'Left out services Apple has retired (set includeLegacy to keep them): apns-legacy-provider (tcp 2195) for PushNotifications, retired 2021-03-31; apns-legacy-feedback (tcp 2196) for PushNotifications, retired 2021-03-31. [ack: apple-ports:legacy-excluded]',
    );
    annotations.hasWarning(
      '/Test/Mac',
      'DNS to the Amazon-provided resolver (the VPC base address plus two, and 169.254.169.253) is never filtered by security groups or network ACLs; the DNS rules only matter for other resolvers. [ack: apple-ports:amazon-dns]',
    );
    annotations.hasWarning(
      '/Test/Mac',
      'The Amazon Time Sync Service (169.254.169.123) is never filtered by security groups or network ACLs; the NTP rules only matter for other time servers such as time.apple.com. [ack: apple-ports:amazon-time-sync]',
    );
    expect(annotations.findWarning('*', Match.anyValue())).toHaveLength(3);
  });

  test.each<[string, PolicySelection, string]>([
    [
      'link-local-excluded',
      { products: ['AirPlay'] },
      'Left out link-local multicast, which never crosses a VPC (set includeLinkLocal to keep it): mdns (udp 5353) for AirPlay.',
    ],
    ['user-excluded', { products: ['iCloud'], exclude: ['http'] }, 'Left out by exclude: http (tcp 80) for iCloud.'],
  ])('warns %s', (code, selection, message) => {
    const { stack, vpc } = stackWithVpc();
    new AppleServicesEgress(stack, 'Mac', { ...selection, vpc });
    Annotations.fromStack(stack).hasWarning('/Test/Mac', `${message} [ack: apple-ports:${code}]`);
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp(`apple-ports:${code}`))).toHaveLength(1);
  });

  test('an acknowledged warning is not reported', () => {
    const { stack, vpc } = stackWithVpc();
    const mac = new AppleServicesEgress(stack, 'Mac', { products: ['PushNotifications'], vpc });
    ConstructAnnotations.of(mac).acknowledgeWarning('apple-ports:legacy-excluded', 'Reviewed: the retired APNs ports stay closed.');
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  test('CIDRs only known at deploy time pass through', () => {
    const { app, stack, vpc } = stackWithVpc();
    const producer = new Stack(app, 'Producer');
    const proxyNetwork = new CfnParameter(stack, 'ProxyCidr', { type: 'String' });
    new AppleServicesEgress(stack, 'Mac', {
      products: ['iCloud'],
      destinations: [proxyNetwork.valueAsString, ec2.Peer.ipv6(Fn.importValue('ProxyIpv6Cidr')), ec2.Peer.prefixList(new ec2.PrefixList(producer, 'Apple', { maxEntries: 1 }).prefixListId)],
      vpc,
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupEgress: ICLOUD_RULES.flatMap(([Description, port]) => [
        { CidrIp: { Ref: 'ProxyCidr' }, Description, FromPort: port, IpProtocol: 'tcp', ToPort: port },
        { CidrIpv6: { 'Fn::ImportValue': 'ProxyIpv6Cidr' }, Description, FromPort: port, IpProtocol: 'tcp', ToPort: port },
      ]),
    });
    template.resourcePropertiesCountIs('AWS::EC2::SecurityGroupEgress', { DestinationPrefixListId: { 'Fn::ImportValue': Match.stringLikeRegexp('^Producer:') } }, 3);
  });

  test('the template does not depend on product order and is byte-identical for the same inputs', () => {
    const build = (products: AppleProductName[]) => {
      const { stack, vpc } = stackWithVpc();
      new AppleServicesEgress(stack, 'Mac', { products, ipv6: true, destinations: ['anywhere', '10.0.0.0/8', '2001:db8::/32'], vpc, subnets: { subnetGroupName: 'Desktops' }, networkAclOptions: {} });
      return JSON.stringify(Template.fromStack(stack).toJSON());
    };
    const first = build(['iCloud', 'FaceTime', 'Messages']);
    expect(build(['Messages', 'FaceTime', 'iCloud'])).toBe(first);
    expect(build(['iCloud', 'FaceTime', 'Messages'])).toBe(first);
  });
});

describe('AppleServicesEgress errors', () => {
  test('bad selections fail at construction, naming the construct path and the fix', () => {
    const { stack } = stackWithVpc();
    // @ts-expect-error a misspelt name, as JavaScript or a cast could pass it: checked at run time
    expect(() => new AppleServicesEgress(stack, 'One', { products: ['iCloudd'] })).toThrow("Test/One: Unknown Apple product 'iCloudd'. Did you mean 'iCloud'?");
    // @ts-expect-error a misspelt name, as JavaScript or a cast could pass it: checked at run time
    const error = errorOf(() => new AppleServicesEgress(stack, 'Many', { products: ['iCloudd', 'Facetime2'], destinations: ['10.0.0.0/33'] }));
    expect(error).toBeInstanceOf(ApplePortsError);
    expect(error.message).toBe(
      [
        'Test/Many: invalid apple-ports selection (3 problems):',
        "- Unknown Apple product 'iCloudd'. Did you mean 'iCloud'?",
        "- Unknown Apple product 'Facetime2'. Did you mean 'FaceTime'?",
        "- Invalid destination '10.0.0.0/33': the prefix length in '10.0.0.0/33' must be 0-32 for IPv4.",
      ].join('\n'),
    );
    expect((error as ApplePortsError).problems.map((p) => p.code)).toEqual(['unknown-product', 'unknown-product', 'invalid-destination']);
  });

  test('a profile meant for the other direction is refused by the resolver, worded for the construct and reported with the other problems', () => {
    const { stack } = stackWithVpc();
    const egress = errorOf(() => new AppleServicesEgress(stack, 'Mac', { profiles: ['remote-admin-host'] }));
    expect(egress).toBeInstanceOf(ApplePortsError);
    expect(egress.message).toBe(
      "Test/Mac: Profile 'remote-admin-host' is meant for ingress, not egress. Use it with AppleServicesIngress, or select its products (AppleRemoteDesktop, ScreenSharing, SSH) for egress.",
    );
    expect((egress as ApplePortsError).problems.map((p) => p.code)).toEqual(['profile-direction']);
    // @ts-expect-error a misspelt name, as JavaScript or a cast could pass it: checked at run time
    const both = errorOf(() => new AppleServicesEgress(stack, 'Both', { products: ['iCloudd'], profiles: ['remote-admin-host'] }));
    expect(both.message).toBe(
      [
        'Test/Both: invalid apple-ports selection (2 problems):',
        "- Unknown Apple product 'iCloudd'. Did you mean 'iCloud'?",
        "- Profile 'remote-admin-host' is meant for ingress, not egress. Use it with AppleServicesIngress, or select its products (AppleRemoteDesktop, ScreenSharing, SSH) for egress.",
      ].join('\n'),
    );
    expect((both as ApplePortsError).problems.map((p) => p.code)).toEqual(['unknown-product', 'profile-direction']);
    const ingress = errorOf(() => new AppleServicesIngress(stack, 'Hosts', { profiles: ['managed-mac'], sources: [SG_ID] }));
    // The profile is the one mistake: its products are not also reported as outbound-only.
    expect((ingress as ApplePortsError).problems.map((p) => p.code)).toEqual(['profile-direction']);
    expect((ingress as ApplePortsError).message).toBe(
      "Test/Hosts: Profile 'managed-mac' is meant for egress, not ingress. Use it with AppleServicesEgress, or select its products (DNS, iCloud, MacAppStore, macOSInternetRecovery, NetworkTime, PushNotifications, SoftwareUpdate) for ingress.",
    );
  });

  test('a construct attached to nothing is valid until synthesis, which then fails naming the four ways to attach it', () => {
    const app = strictApp();
    const stack = new Stack(app, 'Test');
    const mac = new AppleServicesEgress(stack, 'Mac', { products: ['iCloud'] });
    expect(mac.policy.rules).toHaveLength(3);
    expect(() => app.synth()).toThrow(
      "AppleServicesEgress 'Test/Mac': The rules are attached to nothing, so they open no ports. Attach them in one of five ways: pass vpc (a security group is created), securityGroup (an existing group), subnets with vpc (a network ACL is created for those subnets) or networkAcl (entries are added to an existing network ACL), or call applyTo(...) / applyToNetworkAcl(...).",
    );
  });

  test('a peer with no CIDR, prefix list or security group is refused', () => {
    const { stack } = stackWithVpc();
    const odd: ec2.IPeer = { canInlineRule: true, uniqueId: 'Odd', connections: new ec2.Connections(), toEgressRuleConfig: () => ({}), toIngressRuleConfig: () => ({}) };
    expect(thrown(() => new AppleServicesEgress(stack, 'Mac', { products: ['iCloud'], destinations: [odd] })).problems).toEqual([
      {
        code: 'unknown-peer',
        message: "the peer 'Odd' names no CIDR, prefix list or security group in its egress rule configuration. Use ec2.Peer.ipv4(), ec2.Peer.ipv6(), ec2.Peer.prefixList(), a security group, or a CIDR string.",
      },
    ]);
  });
});

describe('AppleServicesIngress on security groups', () => {
  test('a bastion group as source: ingress on the hosts, matching egress on the bastion, no egress opened on the hosts', () => {
    const { stack, vpc } = stackWithVpc();
    const bastion = new ec2.SecurityGroup(stack, 'Bastion', { vpc, allowAllOutbound: false });
    const hosts = new AppleServicesIngress(stack, 'MacHosts', { products: ['ScreenSharing'], sources: [bastion], vpc });
    const template = Template.fromStack(stack);
    const hostsId = { 'Fn::GetAtt': [Match.stringLikeRegexp('^MacHostsSecurityGroup'), 'GroupId'] };
    const bastionId = { 'Fn::GetAtt': [Match.stringLikeRegexp('^Bastion'), 'GroupId'] };

    template.hasResourceProperties('AWS::EC2::SecurityGroup', { GroupDescription: 'Test/MacHosts/SecurityGroup', SecurityGroupEgress: [NO_TRAFFIC_PLACEHOLDER], SecurityGroupIngress: Match.absent() });
    template.resourceCountIs('AWS::EC2::SecurityGroupIngress', 3);
    template.resourceCountIs('AWS::EC2::SecurityGroupEgress', 3);
    for (const [Description, IpProtocol, port] of SCREEN_SHARING_RULES) {
      template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { GroupId: hostsId, SourceSecurityGroupId: bastionId, Description, IpProtocol, FromPort: port, ToPort: port });
      template.hasResourceProperties('AWS::EC2::SecurityGroupEgress', { GroupId: bastionId, DestinationSecurityGroupId: hostsId, Description, IpProtocol, FromPort: port, ToPort: port });
    }
    expect(hosts.policy.direction).toBe('ingress');
  });

  test('CIDR and security-group-id sources stay inline; an imported group takes ingress whatever its egress', () => {
    const { stack, vpc } = stackWithVpc();
    new AppleServicesIngress(stack, 'MacHosts', { products: ['ScreenSharing'], sources: ['203.0.113.0/24', OTHER_SG_ID], vpc });
    new AppleServicesIngress(stack, 'Imported', { products: ['SSH'], sources: ['203.0.113.0/24'], securityGroup: ec2.SecurityGroup.fromSecurityGroupId(stack, 'Group', SG_ID) });
    const template = Template.fromStack(stack);

    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: SCREEN_SHARING_RULES.flatMap(([Description, IpProtocol, port]) => [
        { CidrIp: '203.0.113.0/24', Description, FromPort: port, IpProtocol, ToPort: port },
        { Description, FromPort: port, IpProtocol, SourceSecurityGroupId: OTHER_SG_ID, ToPort: port },
      ]),
    });
    expect(Object.values(resourcesOfType(template, 'AWS::EC2::SecurityGroupIngress')).map((r) => r.Properties)).toEqual([
      { GroupId: SG_ID, CidrIp: '203.0.113.0/24', Description: 'Remote Login (SSH): SSH (tcp 22)', FromPort: 22, IpProtocol: 'tcp', ToPort: 22 },
    ]);
  });

  test('sources are required; anywhere works but warns, and services only used outbound are left out with a warning', () => {
    const { stack, vpc } = stackWithVpc();
    const error = errorOf(() => new AppleServicesIngress(stack, 'None', { products: ['ScreenSharing'], sources: [], vpc }));
    expect(error.message).toBe(
      "Test/None: Ingress needs sources: name who may connect in, e.g. a bastion security group, an admin CIDR ('203.0.113.0/24') or a prefix list ('pl-…'). There is no default; 'anywhere' works but warns.",
    );
    expect((error as ApplePortsError).problems.map((p) => p.code)).toEqual(['ingress-without-sources']);

    new AppleServicesIngress(stack, 'Open', { products: ['ScreenSharing'], sources: ['anywhere'], vpc });
    new AppleServicesIngress(stack, 'Chat', { products: ['Messages'], sources: ['10.0.0.0/8'], vpc });
    Annotations.fromStack(stack).hasWarning(
      '/Test/Open',
      'Ingress is open to the whole internet (0.0.0.0/0). Name the admin CIDRs, a bastion security group or a prefix list instead. [ack: apple-ports:open-ingress]',
    );
    Annotations.fromStack(stack).hasWarning(
      '/Test/Chat',
      'Left out services the devices only use outbound, which ingress rules would not serve: http (tcp 80) for Messages; https (tcp 443) for Messages; apns (tcp 5223) for Messages; messages-rtp (udp 16384-16403) for Messages. [ack: apple-ports:direction-excluded]',
    );
  });

  test('products no Mac serves are refused, and immutable imports too', () => {
    const { stack } = stackWithVpc();
    expect(() => new AppleServicesIngress(stack, 'Cloud', { products: ['iCloud'], sources: [SG_ID] })).toThrow(
      /^Test\/Cloud: Apple product 'iCloud' is only used outbound: no Mac accepts inbound connections for it\. Select it with AppleServicesEgress, or select a product a Mac hosts: .*ScreenSharing, SSH/,
    );
    const securityGroup = ec2.SecurityGroup.fromSecurityGroupId(stack, 'Group', SG_ID, { mutable: false });
    expect(() => new AppleServicesIngress(stack, 'Hosts', { products: ['SSH'], sources: [OTHER_SG_ID], securityGroup })).toThrow(
      "Test/Hosts: the security group 'Test/Group' was imported with mutable: false, so CDK ignores every rule added to it. Import it with ec2.SecurityGroup.fromSecurityGroupId(scope, id, securityGroupId, { mutable: true }).",
    );
  });

  test('a source group from another stack passes through as a reference', () => {
    const app = new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': true, '@aws-cdk/core:strictCfnValidateErrors': true } });
    const network = new Stack(app, 'Network');
    const vpc = new ec2.Vpc(network, 'Vpc', { maxAzs: 1, natGateways: 0 });
    const bastion = new ec2.SecurityGroup(network, 'Bastion', { vpc });
    const hostsStack = new Stack(app, 'Hosts');
    new AppleServicesIngress(hostsStack, 'MacHosts', { products: ['SSH'], sources: [bastion], vpc });
    Template.fromStack(hostsStack).hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      SourceSecurityGroupId: { 'Fn::ImportValue': Match.stringLikeRegexp('^Network:ExportsOutputFnGetAttBastion') },
      Description: 'Remote Login (SSH): SSH (tcp 22)',
      FromPort: 22,
      ToPort: 22,
    });
  });
});

describe('values known at deploy time given as plain strings', () => {
  test("a bare security group's id is a security-group source, and that group is left alone", () => {
    const { stack, vpc } = stackWithVpc();
    const bastion = new ec2.SecurityGroup(stack, 'Bastion', { vpc, allowAllOutbound: false });
    const hosts = new AppleServicesIngress(stack, 'MacHosts', { products: ['SSH'], sources: [bastion.securityGroupId], vpc });
    const template = Template.fromStack(stack);

    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Test/MacHosts/SecurityGroup',
      SecurityGroupIngress: [
        { Description: 'Remote Login (SSH): SSH (tcp 22)', FromPort: 22, IpProtocol: 'tcp', SourceSecurityGroupId: { 'Fn::GetAtt': [stack.getLogicalId(bastion.node.defaultChild as ec2.CfnSecurityGroup), 'GroupId'] }, ToPort: 22 },
      ],
    });
    template.resourceCountIs('AWS::EC2::SecurityGroupIngress', 0);
    template.resourceCountIs('AWS::EC2::SecurityGroupEgress', 0);
    expect(hosts.policy.rules.map((r) => r.peer)).toEqual([{ kind: 'security-group', id: '{Test/Bastion.GroupId}' }]);
  });

  test("a bare prefix list's id is a prefix-list destination, counted as its max entries", () => {
    const { stack, vpc } = stackWithVpc();
    const proxies = new ec2.PrefixList(stack, 'Proxies', { maxEntries: 5 });
    const mac = new AppleServicesEgress(stack, 'Mac', { products: ['iCloud'], destinations: [proxies.prefixListId], vpc });
    const template = Template.fromStack(stack);

    expect(Object.values(resourcesOfType(template, 'AWS::EC2::SecurityGroupEgress')).map((r) => r.Properties)).toEqual(
      ICLOUD_RULES.map(([Description, port]) => ({
        GroupId: { 'Fn::GetAtt': [expect.stringMatching(/^MacSecurityGroup/), 'GroupId'] },
        DestinationPrefixListId: { 'Fn::GetAtt': [expect.stringMatching(/^Proxies/), 'PrefixListId'] },
        Description,
        FromPort: port,
        IpProtocol: 'tcp',
        ToPort: port,
      })),
    );
    // A standalone egress rule replaces the group's default allow-all, so CDK drops the no-traffic placeholder.
    template.hasResourceProperties('AWS::EC2::SecurityGroup', { GroupDescription: 'Test/Mac/SecurityGroup', SecurityGroupEgress: Match.absent() });
    expect(mac.policy.rules.map((r) => r.peer)).toEqual(Array(3).fill({ kind: 'prefix-list', id: '{Test/Proxies.PrefixListId}', family: 'ipv4', maxEntries: 5 }));
    expect(() => new AppleServicesEgress(stack, 'Over', { products: ['iCloud'], destinations: [proxies.prefixListId], vpc, securityGroupRuleQuota: 14 })).toThrow(
      'Test/Over: The egress rules need 15 IPv4 security-group rules, more than the quota of 14. Set maxRules to 14 so ports are widened to fit, select fewer products, or raise the quota and pass it as securityGroupRuleQuota.',
    );
  });

  test('Ref of a security group with a VpcId, a security-group id parameter and another stack’s group are security groups too', () => {
    const { app, stack, vpc } = stackWithVpc();
    const network = new Stack(app, 'Network');
    const remote = new ec2.SecurityGroup(network, 'Admins', { vpc: new ec2.Vpc(network, 'Vpc', { maxAzs: 1, natGateways: 0 }) });
    const l1 = new ec2.CfnSecurityGroup(stack, 'Legacy', { groupDescription: 'Legacy admins', vpcId: vpc.vpcId });
    const parameter = new CfnParameter(stack, 'AdminGroup', { type: 'AWS::EC2::SecurityGroup::Id' });
    new AppleServicesIngress(stack, 'MacHosts', { products: ['SSH'], sources: [l1.ref, parameter.valueAsString, remote.securityGroupId], vpc });

    const ingress = Template.fromStack(stack).findResources('AWS::EC2::SecurityGroup', { Properties: { GroupDescription: 'Test/MacHosts/SecurityGroup' } });
    const rules = (Object.values(ingress)[0] as { Properties: { SecurityGroupIngress: Record<string, unknown>[] } }).Properties.SecurityGroupIngress;
    expect(rules.map((r) => Object.keys(r).filter((k) => k.startsWith('Source') || k.startsWith('Cidr')))).toEqual([['SourceSecurityGroupId'], ['SourceSecurityGroupId'], ['SourceSecurityGroupId']]);
    // In the order of their readable names: Network/Admins.GroupId, Test/AdminGroup, Test/Legacy.
    expect(rules.map((r) => r.SourceSecurityGroupId)).toEqual([
      { 'Fn::ImportValue': expect.stringMatching(/^Network:ExportsOutputFnGetAttAdmins/) },
      { Ref: 'AdminGroup' },
      { Ref: stack.getLogicalId(l1) },
    ]);
  });

  test('Ref of a security group without a VpcId is its name, and is refused', () => {
    const { stack, vpc } = stackWithVpc();
    const classic = new ec2.CfnSecurityGroup(stack, 'Classic', { groupDescription: 'No VPC id' });
    const error = errorOf(() => new AppleServicesIngress(stack, 'MacHosts', { products: ['SSH'], sources: ['203.0.113.0/24', classic.ref], vpc }));
    expect(error).toBeInstanceOf(AppleServicesError);
    expect((error as AppleServicesError).code).toBe('security-group-name');
    expect(error.message).toBe(
      "Test/MacHosts: sources[1] is the Ref of the security group 'Test/Classic', which is the group's name because the group has no VpcId, but rules need its id. Use its attrGroupId, or give the group a VpcId.",
    );
  });

  test('any other value known at deploy time is an IPv4 CIDR, as ec2.Peer.ipv4 takes it', () => {
    const { stack, vpc } = stackWithVpc();
    new AppleServicesEgress(stack, 'Mac', { products: ['iCloud'], destinations: [vpc.vpcCidrBlock, Fn.importValue('ProxyCidr')], vpc });
    const vpcCidr = { 'Fn::GetAtt': [stack.getLogicalId(vpc.node.defaultChild as ec2.CfnVPC), 'CidrBlock'] };
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupEgress: ICLOUD_RULES.flatMap(([Description, port]) =>
        [vpcCidr, { 'Fn::ImportValue': 'ProxyCidr' }].map((CidrIp) => ({ CidrIp, Description, FromPort: port, IpProtocol: 'tcp', ToPort: port })),
      ),
    });
  });

  test('warnings name the value (its construct and attribute, or where it was given), and so do the policy’s placeholders', () => {
    const { stack, vpc } = stackWithVpc();
    const proxyCidr = new CfnParameter(stack, 'ProxyCidr', { type: 'String' });
    const mac = new AppleServicesEgress(stack, 'Mac', { products: ['iCloud'], destinations: [vpc.vpcCidrBlock, Fn.importValue('ProxyCidr'), proxyCidr.valueAsString], maxRules: 6, vpc });
    Annotations.fromStack(stack).hasWarning(
      '/Test/Mac',
      'Opened 1086 ports beyond the selection to fit maxRules 6 per address family: tcp 81-442 to Test/ProxyCidr; tcp 81-442 to Test/Vpc.CidrBlock; tcp 81-442 to destinations[1] (a value known at deploy time). [ack: apple-ports:budget-widened]',
    );
    expect(mac.policy.notices.find((n) => n.code === 'budget-widened')?.message).toBe(
      'Opened 1086 ports beyond the selection to fit maxRules 6 per address family: tcp 81-442 to {Test/ProxyCidr}; tcp 81-442 to {Test/Vpc.CidrBlock}; tcp 81-442 to {destinations[1]}.',
    );
  });
});
