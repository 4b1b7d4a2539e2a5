import { CfnParameter } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { AppleServicesEgress, AppleServicesError, AppleServicesIngress } from 'apple-ports/cdk';
import { ACL_ID, SG_ID, networkAclEntries, resourcesOfType, stackWithVpc } from './cdk-test-app';
import { errorOf, thrown } from '../thrown';

/** iCloud + FaceTime: the allows out, the return traffic in, Path MTU Discovery both ways, at their content-hashed numbers. */
const ICLOUD_FACETIME_ENTRIES = [
  'egress 6460 udp 3478-3497 0.0.0.0/0 allow',
  'egress 6470 icmp 3:4 0.0.0.0/0 allow',
  'egress 17490 udp 16393-16402 0.0.0.0/0 allow',
  'egress 17850 tcp 80-80 0.0.0.0/0 allow',
  'egress 18420 tcp 443-443 0.0.0.0/0 allow',
  'egress 27170 udp 16384-16387 0.0.0.0/0 allow',
  'egress 27270 tcp 5223-5223 0.0.0.0/0 allow',
  'ingress 1170 udp 1024-65535 0.0.0.0/0 allow',
  'ingress 22010 tcp 1024-65535 0.0.0.0/0 allow',
  'ingress 27020 icmp 3:4 0.0.0.0/0 allow',
];

describe('network ACLs', () => {
  test('subnets: an ACL holding the allows and their return entries, associated with those subnets', () => {
    const { stack, vpc } = stackWithVpc();
    const desktops = new AppleServicesEgress(stack, 'Desktops', { products: ['iCloud', 'FaceTime'], vpc, subnets: { subnetGroupName: 'Desktops' } });
    const template = Template.fromStack(stack);

    expect(networkAclEntries(template)).toEqual(ICLOUD_FACETIME_ENTRIES);
    template.resourceCountIs('AWS::EC2::NetworkAcl', 1);
    template.hasResourceProperties('AWS::EC2::NetworkAcl', { VpcId: { Ref: Match.stringLikeRegexp('^Vpc') }, Tags: [{ Key: 'Name', Value: 'Test/Desktops/NetworkAcl' }] });
    const desktopSubnets = vpc.selectSubnets({ subnetGroupName: 'Desktops' }).subnets.map((s) => stack.resolve(s.subnetId));
    const associated = Object.values(resourcesOfType(template, 'AWS::EC2::SubnetNetworkAclAssociation')).map((a) => a.Properties.SubnetId);
    expect(associated).toEqual(desktopSubnets);
    expect(desktops.networkAcl).toBeDefined();
    expect(desktops.networkAclPolicy.rules).toEqual(desktops.policy.rules);
    // Entries are keyed by direction and rule number, so an entry that moves is updated in place.
    expect(Object.keys(resourcesOfType(template, 'AWS::EC2::NetworkAclEntry')).sort()[0]).toMatch(/^DesktopsNetworkAclEgress17490[0-9A-F]{8}$/);
    expect(resourcesOfType(template, 'AWS::EC2::NetworkAclEntry')).toMatchSnapshot();
  });

  test('an existing ACL gets the entries, within the rule numbers, step and return ports given, for both families', () => {
    const { stack } = stackWithVpc();
    const networkAcl = ec2.NetworkAcl.fromNetworkAclId(stack, 'Shared', ACL_ID);
    const options = { firstRuleNumber: 1000, ruleNumberStep: 5, lastRuleNumber: 1995, returnPorts: { fromPort: 49152, toPort: 65535 } };
    new AppleServicesEgress(stack, 'Mac', { products: ['iCloud'], ipv6: true, networkAcl, networkAclOptions: options });
    const template = Template.fromStack(stack);

    const entries = networkAclEntries(template);
    expect(entries).toEqual([
      'egress 1405 tcp 80-80 0.0.0.0/0 allow',
      'egress 1440 tcp 443-443 0.0.0.0/0 allow',
      'egress 1505 tcp 5223-5223 0.0.0.0/0 allow',
      'egress 1515 tcp 5223-5223 ::/0 allow',
      'egress 1620 tcp 443-443 ::/0 allow',
      'egress 1755 icmp 3:4 0.0.0.0/0 allow',
      'egress 1820 icmpv6 2:0 ::/0 allow',
      'egress 1895 tcp 80-80 ::/0 allow',
      'ingress 1250 tcp 49152-65535 0.0.0.0/0 allow',
      'ingress 1510 tcp 49152-65535 ::/0 allow',
      'ingress 1515 icmpv6 2:0 ::/0 allow',
      'ingress 1530 icmp 3:4 0.0.0.0/0 allow',
    ]);
    for (const entry of entries) {
      const ruleNumber = Number(entry.split(' ')[1]);
      expect(ruleNumber >= 1000 && ruleNumber <= 1995 && ruleNumber % 5 === 0).toBe(true);
    }
    template.allResourcesProperties('AWS::EC2::NetworkAclEntry', { NetworkAclId: ACL_ID });
    template.resourcePropertiesCountIs('AWS::EC2::NetworkAclEntry', { Ipv6CidrBlock: '::/0' }, 6);
    template.hasResourceProperties('AWS::EC2::NetworkAclEntry', { Protocol: 58, Icmp: { Type: 2, Code: 0 }, Ipv6CidrBlock: '::/0', Egress: false });
  });

  test('applyToNetworkAcl adds the entries to any ACL, beside the security-group rules', () => {
    const { stack, vpc } = stackWithVpc();
    const acl = new ec2.NetworkAcl(stack, 'Acl', { vpc });
    const hosts = new AppleServicesIngress(stack, 'Hosts', { products: ['SSH'], sources: ['203.0.113.0/24'], vpc });
    hosts.applyToNetworkAcl(acl);
    hosts.applyToNetworkAcl(acl);
    const template = Template.fromStack(stack);

    expect(networkAclEntries(template)).toEqual([
      'egress 6470 icmp 3:4 0.0.0.0/0 allow',
      'egress 31700 tcp 1024-65535 203.0.113.0/24 allow',
      'ingress 17040 tcp 22-22 203.0.113.0/24 allow',
      'ingress 27020 icmp 3:4 0.0.0.0/0 allow',
    ]);
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [{ CidrIp: '203.0.113.0/24', Description: 'Remote Login (SSH): SSH (tcp 22)', FromPort: 22, IpProtocol: 'tcp', ToPort: 22 }],
    });
    template.allResourcesProperties('AWS::EC2::NetworkAclEntry', { NetworkAclId: { Ref: Match.stringLikeRegexp('^Acl') } });
    expect(hosts.networkAcl).toBeUndefined();
  });

  test('only the ACL is widened to fit its budget, and the widening is a warning', () => {
    const { stack, vpc } = stackWithVpc();
    const mac = new AppleServicesEgress(stack, 'Mac', { profiles: ['managed-mac'], vpc, subnets: { subnetGroupName: 'Desktops' }, networkAclOptions: { maxEntries: 4 } });
    const template = Template.fromStack(stack);

    expect(mac.policy.rules).toHaveLength(7);
    expect(mac.policy.notices.map((n) => n.code)).not.toContain('budget-widened');
    // Four entries, one of them for Path MTU Discovery, leave three for the rules.
    expect(mac.networkAclPolicy.rules.map((r) => `${r.protocol} ${r.fromPort}-${r.toPort}`)).toEqual(['tcp 53-2197', 'tcp 5223-5223', 'udp 53-123']);
    expect(networkAclEntries(template).filter((e) => e.startsWith('egress'))).toHaveLength(4);
    Annotations.fromStack(stack).hasWarning(
      '/Test/Mac',
      'Network ACL entries: Opened 2210 ports beyond the selection to fit the entries networkAclOptions.maxEntries 4 leaves after Path MTU Discovery: 3 per address family: tcp 54-79 to 0.0.0.0/0; tcp 81-442 to 0.0.0.0/0; tcp 444-2196 to 0.0.0.0/0; udp 54-122 to 0.0.0.0/0. [ack: apple-ports:network-acl-budget-widened]',
    );
    Annotations.fromStack(stack).hasNoWarning('/Test/Mac', Match.stringLikeRegexp('apple-ports:budget-widened'));
  });

  test('a selection that cannot fit the ACL budget even widened is refused', () => {
    const { stack, vpc } = stackWithVpc();
    const destinations = Array.from({ length: 10 }, (_, i) => `10.${i}.0.0/16`);
    expect(() => new AppleServicesEgress(stack, 'Mac', { products: ['iCloud', 'FaceTime'], destinations, vpc, subnets: { subnetGroupName: 'Desktops' } })).toThrow(
      'Test/Mac: The network ACL needs at least 20 IPv4 egress entries (one per protocol and CIDR, even with every port gap closed), more than the 18 allowed (networkAclOptions.maxEntries 19, less one entry for Path MTU Discovery). Name fewer CIDRs, use a security group instead, or raise the quota and networkAclOptions.maxEntries (at most 39).',
    );
  });

  test('peers a network ACL cannot hold are refused', () => {
    const { stack, vpc } = stackWithVpc();
    const error = thrown(() => new AppleServicesIngress(stack, 'Hosts', { products: ['SSH'], sources: [SG_ID], vpc, subnets: { subnetGroupName: 'Desktops' } }));
    expect(error.message).toBe(
      "Test/Hosts: network ACL: Network ACL entries take CIDRs only, but rules go to the security group 'sg-0123456789abcdef0'. Use CIDR sources for network ACLs, or attach the selection to a security group instead.",
    );
    expect(error.problems.map((p) => p.code)).toEqual(['network-acl-peer']);
  });

  test('security groups and prefix lists known at deploy time are refused too, named by their construct', () => {
    const { stack, vpc } = stackWithVpc();
    const bastion = new ec2.SecurityGroup(stack, 'Bastion', { vpc });
    const proxies = new ec2.PrefixList(stack, 'Proxies', { maxEntries: 5 });
    const subnets = { subnetGroupName: 'Desktops' };
    expect(errorOf(() => new AppleServicesIngress(stack, 'BareId', { products: ['SSH'], sources: [bastion.securityGroupId], vpc, subnets })).message).toBe(
      "Test/BareId: network ACL: Network ACL entries take CIDRs only, but rules go to the security group 'Test/Bastion.GroupId'. Use CIDR sources for network ACLs, or attach the selection to a security group instead.",
    );
    expect(errorOf(() => new AppleServicesIngress(stack, 'Group', { products: ['SSH'], sources: [bastion], vpc, subnets })).message).toBe(
      "Test/Group: network ACL: Network ACL entries take CIDRs only, but rules go to the security group 'Test/Bastion'. Use CIDR sources for network ACLs, or attach the selection to a security group instead.",
    );
    const list = thrown(() => new AppleServicesEgress(stack, 'List', { products: ['NetworkTime'], destinations: [proxies.prefixListId], vpc, subnets }));
    expect(list.message).toBe(
      "Test/List: network ACL: Network ACL entries take CIDRs only, but rules go to the prefix list 'Test/Proxies.PrefixListId'. Use CIDR destinations for network ACLs, or attach the selection to a security group instead.",
    );
    expect(list.problems.map((p) => p.code)).toEqual(['network-acl-peer']);
  });

  test('targets and options are checked at construction', () => {
    const { stack, vpc } = stackWithVpc();
    expect(() => new AppleServicesEgress(stack, 'NoVpc', { products: ['iCloud'], subnets: { subnetGroupName: 'Desktops' } })).toThrow(
      'Test/NoVpc: subnets needs vpc, the VPC the network ACL is created in. Pass vpc as well, or pass networkAcl to add entries to an existing network ACL.',
    );
    const networkAcl = ec2.NetworkAcl.fromNetworkAclId(stack, 'Shared', ACL_ID);
    expect(() => new AppleServicesEgress(stack, 'Both', { products: ['iCloud'], vpc, subnets: {}, networkAcl })).toThrow(
      'Test/Both: Pass either subnets (a network ACL is created and associated with them) or networkAcl (entries are added to that ACL), not both. To associate an existing ACL with more subnets, call its associateWithSubnet().',
    );
    expect(() => new AppleServicesEgress(stack, 'Options', { products: ['iCloud'], networkAcl, networkAclOptions: { firstRuleNumber: 0, maxEntries: 50 } })).toThrow(
      [
        'Test/Options: invalid apple-ports selection (2 problems):',
        '- networkAclOptions: firstRuleNumber 0 is outside 1-32766, the rule numbers a network ACL entry may take.',
        '- networkAclOptions: maxEntries 50 is outside 1-39: AWS allows at most 40 rules per direction and family, the default deny included.',
      ].join('\n'),
    );
  });

  test('constructs sharing an ACL add each entry once and may not take each other’s rule numbers', () => {
    const { stack } = stackWithVpc();
    const networkAcl = ec2.NetworkAcl.fromNetworkAclId(stack, 'Shared', ACL_ID);
    new AppleServicesEgress(stack, 'Cloud', { products: ['iCloud'], networkAcl });
    new AppleServicesEgress(stack, 'Calls', { products: ['FaceTime'], networkAcl });
    // FaceTime's tcp allows and tcp return entry are iCloud's: only its udp entries are added.
    expect(networkAclEntries(Template.fromStack(stack))).toEqual(ICLOUD_FACETIME_ENTRIES);

    const narrow = { firstRuleNumber: 100, lastRuleNumber: 100, pathMtuDiscovery: false };
    new AppleServicesIngress(stack, 'Admins', { products: ['SSH'], sources: ['203.0.113.0/24'], networkAcl, networkAclOptions: narrow });
    const error = thrown(() => new AppleServicesIngress(stack, 'Vendors', { products: ['SSH'], sources: ['198.51.100.0/24'], networkAcl, networkAclOptions: narrow }));
    expect(error).toBeInstanceOf(AppleServicesError);
    expect((error as AppleServicesError).code).toBe('network-acl-rule-number-taken');
    expect(error.message).toBe(
      [
        'Test/Vendors: invalid apple-ports selection (2 problems):',
        "- egress rule number 100 of the network ACL 'Test/Shared' is already taken by 'OutReturn tcp 1024-65535 203.0.113.0/24' of Test/Admins. Give each construct sharing the ACL its own rule numbers with networkAclOptions.firstRuleNumber and lastRuleNumber.",
        "- ingress rule number 100 of the network ACL 'Test/Shared' is already taken by 'In tcp 22 203.0.113.0/24' of Test/Admins. Give each construct sharing the ACL its own rule numbers with networkAclOptions.firstRuleNumber and lastRuleNumber.",
      ].join('\n'),
    );
  });

  test('a rule number taken by an entry to a value known at deploy time names that value', () => {
    const { stack } = stackWithVpc();
    const adminCidr = new CfnParameter(stack, 'AdminCidr', { type: 'String' });
    const networkAcl = ec2.NetworkAcl.fromNetworkAclId(stack, 'Shared', ACL_ID);
    const narrow = { firstRuleNumber: 100, lastRuleNumber: 100, pathMtuDiscovery: false };
    new AppleServicesIngress(stack, 'Admins', { products: ['SSH'], sources: [adminCidr.valueAsString], networkAcl, networkAclOptions: narrow });
    expect(errorOf(() => new AppleServicesIngress(stack, 'Vendors', { products: ['SSH'], sources: ['198.51.100.0/24'], networkAcl, networkAclOptions: narrow })).message).toBe(
      [
        'Test/Vendors: invalid apple-ports selection (2 problems):',
        "- egress rule number 100 of the network ACL 'Test/Shared' is already taken by 'OutReturn tcp 1024-65535 Test/AdminCidr' of Test/Admins. Give each construct sharing the ACL its own rule numbers with networkAclOptions.firstRuleNumber and lastRuleNumber.",
        "- ingress rule number 100 of the network ACL 'Test/Shared' is already taken by 'In tcp 22 Test/AdminCidr' of Test/Admins. Give each construct sharing the ACL its own rule numbers with networkAclOptions.firstRuleNumber and lastRuleNumber.",
      ].join('\n'),
    );
  });

  test('constructs sharing an ACL are held to the entry budget together', () => {
    const { stack } = stackWithVpc();
    const networkAcl = ec2.NetworkAcl.fromNetworkAclId(stack, 'Shared', ACL_ID);
    new AppleServicesEgress(stack, 'Cloud', { products: ['iCloud'], networkAcl, networkAclOptions: { maxEntries: 4, lastRuleNumber: 1000 } });
    expect(() => new AppleServicesEgress(stack, 'Time', { products: ['DNS', 'NetworkTime'], networkAcl, networkAclOptions: { maxEntries: 4, firstRuleNumber: 2000 } })).toThrow(
      "Test/Time: The network ACL 'Test/Shared' would hold 7 IPv4 egress entries from apple-ports constructs, more than maxEntries 4. Give the constructs separate network ACLs, select the products in one construct, or raise the quota and networkAclOptions.maxEntries (at most 39).",
    );
  });

  test('a CIDR only known at deploy time gets a stable placeholder, so ids and rule numbers do not depend on token numbering', () => {
    const { stack } = stackWithVpc();
    const adminCidr = new CfnParameter(stack, 'AdminCidr', { type: 'String' });
    const networkAcl = ec2.NetworkAcl.fromNetworkAclId(stack, 'Shared', ACL_ID);
    new AppleServicesIngress(stack, 'Hosts', { products: ['SSH'], sources: [adminCidr.valueAsString], networkAcl });
    const template = Template.fromStack(stack);

    expect(networkAclEntries(template)).toEqual([
      'egress 6470 icmp 3:4 0.0.0.0/0 allow',
      'egress 9230 tcp 1024-65535 {"Ref":"AdminCidr"} allow',
      'ingress 22180 tcp 22-22 {"Ref":"AdminCidr"} allow',
      'ingress 27020 icmp 3:4 0.0.0.0/0 allow',
    ]);
    expect(Object.keys(resourcesOfType(template, 'AWS::EC2::NetworkAclEntry')).sort()).toEqual([
      expect.stringMatching(/^HostsSharedEntriesEgress6470[0-9A-F]{8}$/),
      expect.stringMatching(/^HostsSharedEntriesEgress9230[0-9A-F]{8}$/),
      expect.stringMatching(/^HostsSharedEntriesIngress22180[0-9A-F]{8}$/),
      expect.stringMatching(/^HostsSharedEntriesIngress27020[0-9A-F]{8}$/),
    ]);
  });
});

describe('network ACLs on a real AWS account', () => {
  test('each subnet is associated only after every entry of the new ACL exists, so no subnet switches to an empty ACL mid-deploy', () => {
    const { stack, vpc } = stackWithVpc();
    new AppleServicesEgress(stack, 'Desktops', { products: ['iCloud'], vpc, subnets: { subnetGroupName: 'Desktops' } });
    const template = Template.fromStack(stack);
    const entryIds = Object.keys(resourcesOfType(template, 'AWS::EC2::NetworkAclEntry')).sort();
    const associations = Object.values(template.findResources('AWS::EC2::SubnetNetworkAclAssociation')) as { DependsOn?: string[] }[];
    expect(entryIds.length).toBeGreaterThan(0);
    expect(associations.length).toBe(vpc.selectSubnets({ subnetGroupName: 'Desktops' }).subnets.length);
    for (const association of associations) {
      expect([...(association.DependsOn ?? [])].sort()).toEqual(entryIds);
    }
  });

  test('a subnet has one network ACL: a second construct given the same subnets is refused, naming both and how to share', () => {
    const { stack, vpc } = stackWithVpc();
    const subnets = { subnetGroupName: 'Desktops' };
    new AppleServicesEgress(stack, 'Desktops', { products: ['iCloud'], vpc, subnets });
    const error = errorOf(() => new AppleServicesEgress(stack, 'Calls', { products: ['FaceTime'], vpc, subnets }));
    expect(error).toBeInstanceOf(AppleServicesError);
    expect((error as AppleServicesError).problems.map((p) => p.code)).toEqual(['subnet-network-acl-taken', 'subnet-network-acl-taken']);
    expect(error.message.split('\n')[1]).toBe(
      "- the subnet 'Test/Vpc/DesktopsSubnet1' is already associated with the network ACL of 'Test/Desktops', and a subnet has one network ACL: the association applied last wins and the other never applies. Share one ACL instead: pass networkAcl: the networkAcl of 'Test/Desktops' here (or call its applyToNetworkAcl() with this construct's ACL), and leave subnets out.",
    );
  });

  test("another association of the construct's subnets anywhere in the app fails synthesis", () => {
    const { app, stack, vpc } = stackWithVpc();
    new AppleServicesEgress(stack, 'Desktops', { products: ['iCloud'], vpc, subnets: { subnetGroupName: 'Desktops' } });
    new ec2.NetworkAcl(stack, 'Mine', { vpc, subnetSelection: { subnetGroupName: 'Desktops' } });
    expect(() => app.synth()).toThrow(
      /\[Test\/Desktops\] the subnet 'Test\/Vpc\/DesktopsSubnet1' is associated with this construct's network ACL and, at 'Test\/Mine\/[^']+', with another one\. A subnet has one network ACL/,
    );
  });
});
