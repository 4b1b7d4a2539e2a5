import { getEphemeralPorts, networkAclBudget, networkAclRuleBudget, planNetworkAcl, resolve, type NetworkAclEntryPlan, type NetworkAclOptions, type PolicySelection, type ResolvedPolicy } from '../../../lib/core';
import { AWS_QUOTAS, DEFAULT_NETWORK_ACL_ENTRIES, NETWORK_ACL_NUMBERING, countNetworkAclEntries, isIcmpEntry, pathMtuEntriesPerDirection, resolveNetworkAclOptions } from '../../../lib/core/aws';
import { entryTraffic } from '../../../lib/core/internal';
import { thrown } from '../../thrown';

/** The problems `planNetworkAcl` refuses a policy and options with. */
const problemsOf = (policy: ResolvedPolicy, options?: NetworkAclOptions) => thrown(() => planNetworkAcl(policy, options)).problems;
/** A problem with the options. */
const option = (message: string) => ({ code: 'invalid-network-acl-option', message });

const text = (e: NetworkAclEntryPlan) => `${e.egress ? 'out' : 'in'} ${e.purpose} ${entryTraffic(e)} ${e.cidr}`;

describe('planNetworkAcl', () => {
  test('every egress allow gets the inbound return entries for its protocol and CIDR, and Path MTU Discovery its ICMP both ways', () => {
    const plan = planNetworkAcl(resolve({ products: ['FaceTime'] }));
    expect(plan.map(text).sort()).toEqual(
      [
        'out allow tcp 80 0.0.0.0/0',
        'out allow tcp 443 0.0.0.0/0',
        'out allow tcp 5223 0.0.0.0/0',
        'out allow udp 3478-3497 0.0.0.0/0',
        'out allow udp 16384-16387 0.0.0.0/0',
        'out allow udp 16393-16402 0.0.0.0/0',
        'out path-mtu-discovery icmp 3:4 0.0.0.0/0',
        'in return tcp 1024-65535 0.0.0.0/0',
        'in return udp 1024-65535 0.0.0.0/0',
        'in path-mtu-discovery icmp 3:4 0.0.0.0/0',
      ].sort(),
    );
    expect(plan.find((e) => e.purpose === 'return' && e.protocol === 'udp')).toMatchObject({
      id: 'InReturn udp 1024-65535 0.0.0.0/0',
      description: 'Return traffic from 0.0.0.0/0 (udp 1024-65535)',
      family: 'ipv4',
    });
  });

  test('Path MTU Discovery covers every family the ACL allows, ICMPv6 Packet Too Big for IPv6, and can be turned off', () => {
    const policy = resolve({ products: ['SSH'], direction: 'ingress', destinations: ['203.0.113.0/24', '2001:db8::/32'] });
    expect(planNetworkAcl(policy).filter((e) => e.purpose === 'path-mtu-discovery').map(text).sort()).toEqual([
      'in path-mtu-discovery icmp 3:4 0.0.0.0/0',
      'in path-mtu-discovery icmpv6 2:0 ::/0',
      'out path-mtu-discovery icmp 3:4 0.0.0.0/0',
      'out path-mtu-discovery icmpv6 2:0 ::/0',
    ]);
    expect(planNetworkAcl(policy, { pathMtuDiscovery: false }).some((e) => e.purpose === 'path-mtu-discovery')).toBe(false);
    const ipv4Only = planNetworkAcl(resolve({ products: ['SSH'], direction: 'ingress', destinations: ['203.0.113.0/24'] }));
    expect(ipv4Only.filter((e) => e.purpose === 'path-mtu-discovery').map((e) => e.family)).toEqual(['ipv4', 'ipv4']);
    expect(problemsOf(policy, { pathMtuDiscovery: 'yes' as unknown as boolean })).toEqual([option("pathMtuDiscovery 'yes' is not true or false. Leave it out to allow Path MTU Discovery, or pass false.")]);
  });

  test('ingress allows get outbound return entries, and the return range is a named catalogue range or one of your own', () => {
    const policy = resolve({ products: ['SSH'], direction: 'ingress', destinations: ['203.0.113.0/24', '2001:db8::/32'] });
    const macos = planNetworkAcl(policy, { returnPorts: 'macos', pathMtuDiscovery: false });
    expect(macos.map(text).sort()).toEqual(['in allow tcp 22 2001:db8::/32', 'in allow tcp 22 203.0.113.0/24', 'out return tcp 49152-65535 2001:db8::/32', 'out return tcp 49152-65535 203.0.113.0/24']);
    const { fromPort, toPort } = getEphemeralPorts('macos');
    expect(planNetworkAcl(policy, { returnPorts: { fromPort, toPort }, pathMtuDiscovery: false })).toEqual(macos);
    const natGateway = planNetworkAcl(policy, { returnPorts: 'aws-nat-gateway', pathMtuDiscovery: false });
    expect(natGateway.filter((e) => e.purpose === 'return').map(text).sort()).toEqual(['out return tcp 1024-65535 2001:db8::/32', 'out return tcp 1024-65535 203.0.113.0/24']);
    expect(planNetworkAcl(policy, { pathMtuDiscovery: false })).toEqual(natGateway);
    expect(problemsOf(policy, { returnPorts: 'linux' as 'macos' })).toEqual([option("returnPorts 'linux' is not a return range. Use 'aws-nat-gateway', 'macos' or { fromPort, toPort }.")]);
  });

  test('each peer a network ACL cannot hold is named once, however many rules go to it', () => {
    const policy = resolve({ products: ['SSH', 'ScreenSharing'], direction: 'ingress', destinations: ['pl-0123456789abcdef0', 'sg-0123456789abcdef0'] });
    expect(policy.rules.length).toBeGreaterThan(2);
    expect(problemsOf(policy)).toEqual([
      {
        code: 'network-acl-peer',
        message: "Network ACL entries take CIDRs only, but rules go to the prefix list 'pl-0123456789abcdef0'. Use CIDR sources for network ACLs, or attach the selection to a security group instead.",
      },
      {
        code: 'network-acl-peer',
        message: "Network ACL entries take CIDRs only, but rules go to the security group 'sg-0123456789abcdef0'. Use CIDR sources for network ACLs, or attach the selection to a security group instead.",
      },
    ]);
  });

  test('a return covers only returns of its own protocol', () => {
    // tcp goes to 10.0.0.0/8 (push notifications) and 10.1.0.0/16 (https), udp only to 10.1.0.0/16.
    const policy = resolve({ products: ['PushNotifications', 'NetworkTime'], destinations: ['apple-network', '10.1.0.0/16'], appleNetworkPeers: ['10.0.0.0/8'] });
    expect(planNetworkAcl(policy, { pathMtuDiscovery: false }).filter((e) => e.purpose === 'return').map(text)).toEqual(['in return udp 1024-65535 10.1.0.0/16', 'in return tcp 1024-65535 10.0.0.0/8']);
  });

  test('a return entry another return of its protocol and family already covers is left out', () => {
    const policy = resolve({ products: ['iCloud', 'FaceTime'], ipv6: true, destinations: ['anywhere', '10.0.0.0/8', '2001:db8::/32'] });
    const returns = planNetworkAcl(policy).filter((e) => e.purpose === 'return').map(text).sort();
    expect(returns).toEqual(['in return tcp 1024-65535 0.0.0.0/0', 'in return tcp 1024-65535 ::/0', 'in return udp 1024-65535 0.0.0.0/0', 'in return udp 1024-65535 ::/0']);
    // Without anywhere, a narrower CIDR inside a wider one is covered too, and unrelated ones stay.
    const nested = resolve({ products: ['SSH'], direction: 'ingress', destinations: ['10.0.0.0/8', '10.1.0.0/16', '192.0.2.0/24'] });
    const nestedReturns = planNetworkAcl(nested, { pathMtuDiscovery: false }).filter((e) => e.purpose === 'return');
    expect(nestedReturns.map((e) => e.cidr).sort()).toEqual(['10.0.0.0/8', '192.0.2.0/24']);
    // The allows keep every CIDR: only the returns, which all go to the same ports, collapse.
    expect(planNetworkAcl(nested, { pathMtuDiscovery: false }).filter((e) => e.purpose === 'allow').map((e) => e.cidr).sort()).toEqual(['10.0.0.0/8', '10.1.0.0/16', '192.0.2.0/24']);
  });

  test('rule numbers are unique per direction, inside the range, on the step, and stable', () => {
    const options = { firstRuleNumber: 200, ruleNumberStep: 5, lastRuleNumber: 1200 };
    const plan = planNetworkAcl(resolve({ products: ['iCloud', 'FaceTime', 'Messages'], ipv6: true }), options);
    for (const egress of [true, false]) {
      const numbers = plan.filter((e) => e.egress === egress).map((e) => e.ruleNumber);
      expect(new Set(numbers).size).toBe(numbers.length);
      expect(numbers.every((n) => n >= 200 && n <= 1200 && (n - 200) % 5 === 0)).toBe(true);
    }
    expect(planNetworkAcl(resolve({ products: ['Messages', 'FaceTime', 'iCloud'], ipv6: true }), options)).toEqual(plan);
  });

  test('adding a product leaves the numbers of unchanged entries alone', () => {
    const before = planNetworkAcl(resolve({ products: ['iCloud'] }));
    const after = planNetworkAcl(resolve({ products: ['iCloud', 'WiFiCalling', 'NetworkTime'] }));
    const numbersAfter = new Map(after.map((e) => [e.id, e.ruleNumber]));
    for (const entry of before) {
      expect(numbersAfter.get(entry.id)).toBe(entry.ruleNumber);
    }
  });

  test('refuses peers a NACL cannot hold, bad options and too many entries', () => {
    const bySg = resolve({ products: ['SSH'], direction: 'ingress', destinations: ['sg-0123456789abcdef0'] });
    expect(problemsOf(bySg)).toEqual([
      {
        code: 'network-acl-peer',
        message: "Network ACL entries take CIDRs only, but rules go to the security group 'sg-0123456789abcdef0'. Use CIDR sources for network ACLs, or attach the selection to a security group instead.",
      },
    ]);
    const policy = resolve({ products: ['FaceTime'] });
    expect(problemsOf(policy, { firstRuleNumber: 0 })).toEqual([{ code: 'invalid-network-acl-option', message: 'firstRuleNumber 0 is outside 1-32766, the rule numbers a network ACL entry may take.' }]);
    expect(problemsOf(policy, { firstRuleNumber: 500, lastRuleNumber: 100 })).toEqual([option('firstRuleNumber 500 is above lastRuleNumber 100. Swap them.')]);
    expect(problemsOf(policy, { returnPorts: { fromPort: 65535, toPort: 1024 } })).toEqual([
      option("returnPorts 65535-1024 is not a port range. Use 'aws-nat-gateway', 'macos', or fromPort <= toPort within 1-65535."),
    ]);
    expect(problemsOf(policy, { firstRuleNumber: 100, lastRuleNumber: 120, ruleNumberStep: 10 })).toEqual([
      option('Rule numbers 100-120 in steps of 10 leave 3 numbers for 7 egress entries. Widen the range or shorten the step.'),
    ]);
    // 11 egress entries and 3 ingress: only the egress side is over, and 11 entries fit maxEntries 11.
    const legacy = resolve({ profiles: ['managed-mac', 'communications'], includeLegacy: true });
    expect(problemsOf(legacy, { maxEntries: 5 })).toEqual([
      {
        code: 'network-acl-quota',
        message:
          'The network ACL needs 10 IPv4 egress entries, more than the 4 allowed (maxEntries 5, less one entry for Path MTU Discovery). Resolve the policy with maxRules 4 so ports are widened to fit, name fewer CIDRs, or raise the quota and maxEntries (at most 39).',
      },
    ]);
    expect(planNetworkAcl(legacy, { maxEntries: 11 }).filter((e) => e.egress)).toHaveLength(11);
    expect(problemsOf(legacy, { maxEntries: 10 }).map((p) => p.code)).toEqual(['network-acl-quota']);
    expect(problemsOf(resolve({ products: ['FaceTime'] }), { maxEntries: 5 })).toEqual([
      {
        code: 'network-acl-quota',
        message:
          'The network ACL needs 6 IPv4 egress entries, more than the 4 allowed (maxEntries 5, less one entry for Path MTU Discovery). Resolve the policy with maxRules 4 so ports are widened to fit, name fewer CIDRs, or raise the quota and maxEntries (at most 39).',
      },
    ]);
    expect(problemsOf(resolve({ products: ['FaceTime'] }), { maxEntries: 5, pathMtuDiscovery: false })).toEqual([
      {
        code: 'network-acl-quota',
        message:
          'The network ACL needs 6 IPv4 egress entries, more than the 5 allowed (maxEntries 5). Resolve the policy with maxRules 5 so ports are widened to fit, name fewer CIDRs, or raise the quota and maxEntries (at most 39).',
      },
    ]);
  });

  test('a policy resolved with the rule budget fits the entry budget, widened', () => {
    const selection: PolicySelection = { products: ['GameCenter', 'Messages', 'Mail', 'iCloudMail', 'WiFiCalling', 'Kerberos', 'DNS', 'NetworkTime', 'LDAP', 'LDAPS'] };
    expect(resolve(selection).rules).toHaveLength(25);
    expect(networkAclRuleBudget()).toBe(18);
    expect(networkAclRuleBudget({ maxEntries: 30, pathMtuDiscovery: false })).toBe(30);
    expect([networkAclBudget(), networkAclBudget({ maxEntries: 30, pathMtuDiscovery: false })]).toEqual([
      { maxEntries: 19, pathMtuEntries: 1, forRules: 18 },
      { maxEntries: 30, pathMtuEntries: 0, forRules: 30 },
    ]);
    const policy = resolve({ ...selection, maxRules: networkAclRuleBudget() });
    const plan = planNetworkAcl(policy);
    expect(plan.filter((e) => e.egress)).toHaveLength(19);
    expect(plan.filter((e) => e.egress && e.purpose === 'allow')).toHaveLength(18);
    expect(policy.rules.filter((r) => r.widened.length > 0).length).toBeGreaterThan(0);
  });

  test('numbering depends on the entries, not on the order of the rules', () => {
    const policy = resolve({ products: ['GameCenter', 'Messages', 'Mail'], ipv6: true });
    const reversed = { ...policy, rules: [...policy.rules].reverse() };
    const options = { firstRuleNumber: 100, lastRuleNumber: 400, ruleNumberStep: 1 };
    expect(planNetworkAcl(reversed, options)).toEqual(planNetworkAcl(policy, options));
  });
});

describe('planNetworkAcl at the bounds of its options', () => {
  /** SSH from one CIDR: one allow inbound, one return outbound, and Path MTU Discovery each way. */
  const ssh = resolve({ products: ['SSH'], direction: 'ingress', destinations: ['203.0.113.0/24'] });
  const numbers = (plan: readonly NetworkAclEntryPlan[]) => plan.map((e) => [e.id, e.ruleNumber]);

  test('the whole plan of a small policy: ids, numbers stable across releases, descriptions, egress first', () => {
    // The numbers are a hash of each entry: a change here renumbers (replaces) entries in deployed ACLs.
    expect(planNetworkAcl(ssh)).toEqual([
      {
        id: 'OutPathMtu icmp 3:4 0.0.0.0/0',
        ruleNumber: 6470,
        egress: true,
        protocol: 'icmp',
        family: 'ipv4',
        cidr: '0.0.0.0/0',
        icmpType: 3,
        icmpCode: 4,
        purpose: 'path-mtu-discovery',
        description: 'Path MTU Discovery (icmp type 3 code 4, to 0.0.0.0/0)',
      },
      {
        id: 'OutReturn tcp 1024-65535 203.0.113.0/24',
        ruleNumber: 31700,
        egress: true,
        protocol: 'tcp',
        family: 'ipv4',
        cidr: '203.0.113.0/24',
        fromPort: 1024,
        toPort: 65535,
        purpose: 'return',
        description: 'Return traffic to 203.0.113.0/24 (tcp 1024-65535)',
      },
      {
        id: 'In tcp 22 203.0.113.0/24',
        ruleNumber: 17040,
        egress: false,
        protocol: 'tcp',
        family: 'ipv4',
        cidr: '203.0.113.0/24',
        fromPort: 22,
        toPort: 22,
        purpose: 'allow',
        description: 'Remote Login (SSH): SSH (tcp 22)',
      },
      {
        id: 'InPathMtu icmp 3:4 0.0.0.0/0',
        ruleNumber: 27020,
        egress: false,
        protocol: 'icmp',
        family: 'ipv4',
        cidr: '0.0.0.0/0',
        icmpType: 3,
        icmpCode: 4,
        purpose: 'path-mtu-discovery',
        description: 'Path MTU Discovery (icmp type 3 code 4, from 0.0.0.0/0)',
      },
    ]);
    expect(numbers(planNetworkAcl(resolve({ products: ['FaceTime'] })))).toEqual([
      ['Out udp 3478-3497 0.0.0.0/0', 6460],
      ['OutPathMtu icmp 3:4 0.0.0.0/0', 6470],
      ['Out udp 16393-16402 0.0.0.0/0', 17490],
      ['Out tcp 80 0.0.0.0/0', 17850],
      ['Out tcp 443 0.0.0.0/0', 18420],
      ['Out udp 16384-16387 0.0.0.0/0', 27170],
      ['Out tcp 5223 0.0.0.0/0', 27270],
      ['InReturn udp 1024-65535 0.0.0.0/0', 1170],
      ['InReturn tcp 1024-65535 0.0.0.0/0', 22010],
      ['InPathMtu icmp 3:4 0.0.0.0/0', 27020],
    ]);
  });

  test('the lowest and highest rule numbers, one-number ranges, and steps of one or wider than the range are taken', () => {
    const alone = { pathMtuDiscovery: false };
    expect(numbers(planNetworkAcl(ssh, { ...alone, firstRuleNumber: 1, lastRuleNumber: 1 }))).toEqual([
      ['OutReturn tcp 1024-65535 203.0.113.0/24', 1],
      ['In tcp 22 203.0.113.0/24', 1],
    ]);
    expect(numbers(planNetworkAcl(ssh, { ...alone, firstRuleNumber: 32766 }))).toEqual([
      ['OutReturn tcp 1024-65535 203.0.113.0/24', 32766],
      ['In tcp 22 203.0.113.0/24', 32766],
    ]);
    expect(numbers(planNetworkAcl(ssh, { ...alone, firstRuleNumber: 1, ruleNumberStep: 40000 }))).toEqual([
      ['OutReturn tcp 1024-65535 203.0.113.0/24', 1],
      ['In tcp 22 203.0.113.0/24', 1],
    ]);
    expect(numbers(planNetworkAcl(ssh, { ruleNumberStep: 1 }))).toEqual([
      ['OutReturn tcp 1024-65535 203.0.113.0/24', 5231],
      ['OutPathMtu icmp 3:4 0.0.0.0/0', 29906],
      ['In tcp 22 203.0.113.0/24', 7923],
      ['InPathMtu icmp 3:4 0.0.0.0/0', 11297],
    ]);
  });

  test('maxEntries from 1 to 39 and return ranges of one port or every port are taken', () => {
    expect(planNetworkAcl(ssh, { maxEntries: 1, pathMtuDiscovery: false })).toHaveLength(2);
    expect(planNetworkAcl(ssh, { maxEntries: 39 })).toEqual(planNetworkAcl(ssh));
    expect(planNetworkAcl(ssh, { returnPorts: { fromPort: 1024, toPort: 1024 } }).filter((e) => e.purpose === 'return').map(text)).toEqual(['out return tcp 1024 203.0.113.0/24']);
    expect(planNetworkAcl(ssh, { returnPorts: { fromPort: 1, toPort: 65535 } }).filter((e) => e.purpose === 'return').map(text)).toEqual(['out return tcp 1-65535 203.0.113.0/24']);
  });

  test.each<[string, NetworkAclOptions, string[]]>([
    [
      'a first rule number above the highest',
      { firstRuleNumber: 32767 },
      ['firstRuleNumber 32767 is outside 1-32766, the rule numbers a network ACL entry may take.', 'firstRuleNumber 32767 is above lastRuleNumber 32766. Swap them.'],
    ],
    ['a first rule number that is not whole', { firstRuleNumber: 1.5 }, ['firstRuleNumber 1.5 is outside 1-32766, the rule numbers a network ACL entry may take.']],
    ['a last rule number of 0', { lastRuleNumber: 0 }, ['lastRuleNumber 0 is outside 1-32766, the rule numbers a network ACL entry may take.', 'firstRuleNumber 100 is above lastRuleNumber 0. Swap them.']],
    ['a last rule number above the highest', { lastRuleNumber: 32767 }, ['lastRuleNumber 32767 is outside 1-32766, the rule numbers a network ACL entry may take.']],
    ['a last rule number that is not whole', { lastRuleNumber: 200.5 }, ['lastRuleNumber 200.5 is outside 1-32766, the rule numbers a network ACL entry may take.']],
    ['a step of 0', { ruleNumberStep: 0 }, ['ruleNumberStep 0 must be a whole number of at least 1.']],
    ['a step that is not whole', { ruleNumberStep: 2.5 }, ['ruleNumberStep 2.5 must be a whole number of at least 1.']],
    ['return ports from port 0', { returnPorts: { fromPort: 0, toPort: 100 } }, ["returnPorts 0-100 is not a port range. Use 'aws-nat-gateway', 'macos', or fromPort <= toPort within 1-65535."]],
    ['return ports beyond the last port', { returnPorts: { fromPort: 1024, toPort: 65536 } }, ["returnPorts 1024-65536 is not a port range. Use 'aws-nat-gateway', 'macos', or fromPort <= toPort within 1-65535."]],
    ['return ports one apart the wrong way', { returnPorts: { fromPort: 2000, toPort: 1999 } }, ["returnPorts 2000-1999 is not a port range. Use 'aws-nat-gateway', 'macos', or fromPort <= toPort within 1-65535."]],
    ['maxEntries 0', { maxEntries: 0 }, ['maxEntries 0 is outside 1-39: AWS allows at most 40 rules per direction and family, the default deny included.']],
    ['maxEntries 40', { maxEntries: 40 }, ['maxEntries 40 is outside 1-39: AWS allows at most 40 rules per direction and family, the default deny included.']],
    ['maxEntries that is not whole', { maxEntries: 2.5 }, ['maxEntries 2.5 is outside 1-39: AWS allows at most 40 rules per direction and family, the default deny included.']],
  ])('refuses %s', (_name, options, messages) => {
    expect(problemsOf(ssh, options)).toEqual(messages.map(option));
  });

  test('the rule numbers of a direction may be exactly as many as its entries, and not one fewer', () => {
    const faceTime = resolve({ products: ['FaceTime'] });
    // Seven egress entries take all seven numbers: every clash walks on to the next free number, wrapping around.
    const dense = { firstRuleNumber: 100, lastRuleNumber: 106, ruleNumberStep: 1 };
    const plan = planNetworkAcl(faceTime, dense);
    expect(numbers(plan)).toEqual([
      ['Out udp 3478-3497 0.0.0.0/0', 100],
      ['Out tcp 5223 0.0.0.0/0', 101],
      ['Out udp 16384-16387 0.0.0.0/0', 102],
      ['Out tcp 443 0.0.0.0/0', 103],
      ['Out udp 16393-16402 0.0.0.0/0', 104],
      ['OutPathMtu icmp 3:4 0.0.0.0/0', 105],
      ['Out tcp 80 0.0.0.0/0', 106],
      ['InReturn tcp 1024-65535 0.0.0.0/0', 101],
      ['InPathMtu icmp 3:4 0.0.0.0/0', 104],
      ['InReturn udp 1024-65535 0.0.0.0/0', 105],
    ]);
    // On a clash the smaller key keeps the number, whatever order the rules came in.
    expect(planNetworkAcl({ ...faceTime, rules: [...faceTime.rules].reverse() }, dense)).toEqual(plan);
    expect(problemsOf(faceTime, { ...dense, lastRuleNumber: 105 })).toEqual([option('Rule numbers 100-105 in steps of 1 leave 6 numbers for 7 egress entries. Widen the range or shorten the step.')]);
    expect(problemsOf(faceTime, { firstRuleNumber: 100, lastRuleNumber: 101, ruleNumberStep: 1 })).toEqual([
      option('Rule numbers 100-101 in steps of 1 leave 2 numbers for 7 egress entries. Widen the range or shorten the step.'),
      option('Rule numbers 100-101 in steps of 1 leave 2 numbers for 3 ingress entries. Widen the range or shorten the step.'),
    ]);
  });

  test('the entry budget is checked per direction and family, and says how many rules fit', () => {
    const ipv6 = resolve({ products: ['FaceTime'], ipv6: true, destinations: ['2001:db8::/32'] });
    expect(problemsOf(ipv6, { maxEntries: 5 })).toEqual([
      {
        code: 'network-acl-quota',
        message:
          'The network ACL needs 6 IPv6 egress entries, more than the 4 allowed (maxEntries 5, less one entry for Path MTU Discovery). Resolve the policy with maxRules 4 so ports are widened to fit, name fewer CIDRs, or raise the quota and maxEntries (at most 39).',
      },
    ]);
    expect(problemsOf(ipv6, { maxEntries: 5, pathMtuDiscovery: false })).toEqual([
      {
        code: 'network-acl-quota',
        message: 'The network ACL needs 6 IPv6 egress entries, more than the 5 allowed (maxEntries 5). Resolve the policy with maxRules 5 so ports are widened to fit, name fewer CIDRs, or raise the quota and maxEntries (at most 39).',
      },
    ]);
    const hosts = resolve({ products: ['SSH', 'ScreenSharing', 'FileSharing', 'AppleRemoteDesktop'], direction: 'ingress', destinations: ['203.0.113.0/24'] });
    expect(problemsOf(hosts, { maxEntries: 2 }).map((p) => p.message)).toEqual([
      'The network ACL needs 2 IPv4 egress entries, more than the 1 allowed (maxEntries 2, less one entry for Path MTU Discovery). Resolve the policy with maxRules 1 so ports are widened to fit, name fewer CIDRs, or raise the quota and maxEntries (at most 39).',
      'The network ACL needs 9 IPv4 ingress entries, more than the 1 allowed (maxEntries 2, less one entry for Path MTU Discovery). Resolve the policy with maxRules 1 so ports are widened to fit, name fewer CIDRs, or raise the quota and maxEntries (at most 39).',
    ]);
  });
});

describe('what the planners share about network ACLs', () => {
  test('the options with their defaults, from the AWS facts and the catalogue', () => {
    expect(resolveNetworkAclOptions()).toEqual({
      firstRuleNumber: NETWORK_ACL_NUMBERING.firstRuleNumber,
      ruleNumberStep: NETWORK_ACL_NUMBERING.ruleNumberStep,
      lastRuleNumber: AWS_QUOTAS.networkAclMaxRuleNumber,
      returnPorts: { fromPort: getEphemeralPorts('aws-nat-gateway').fromPort, toPort: getEphemeralPorts('aws-nat-gateway').toPort },
      maxEntries: DEFAULT_NETWORK_ACL_ENTRIES,
      pathMtuDiscovery: true,
    });
    const given = { firstRuleNumber: 7, ruleNumberStep: 3, lastRuleNumber: 70, returnPorts: 'macos', maxEntries: 4, pathMtuDiscovery: false } as const;
    expect(resolveNetworkAclOptions(given)).toEqual({ ...given, returnPorts: { fromPort: getEphemeralPorts('macos').fromPort, toPort: getEphemeralPorts('macos').toPort } });
  });

  test('Path MTU Discovery takes one entry per direction unless turned off, and the rule budget is what is left', () => {
    expect([pathMtuEntriesPerDirection(), pathMtuEntriesPerDirection({ pathMtuDiscovery: true }), pathMtuEntriesPerDirection({ pathMtuDiscovery: false })]).toEqual([1, 1, 0]);
    expect([networkAclRuleBudget(), networkAclRuleBudget({ maxEntries: 10 }), networkAclRuleBudget({ maxEntries: 10, pathMtuDiscovery: false })]).toEqual([DEFAULT_NETWORK_ACL_ENTRIES - 1, 9, 10]);
  });

  test('entries counted per direction and family for reviews, or none when a peer is not a CIDR', () => {
    const faceTime = resolve({ products: ['FaceTime'], ipv6: true });
    expect(countNetworkAclEntries(faceTime)).toEqual({ egress: { ipv4: 7, ipv6: 7 }, ingress: { ipv4: 3, ipv6: 3 } });
    expect(countNetworkAclEntries(faceTime, { pathMtuDiscovery: false })).toEqual({ egress: { ipv4: 6, ipv6: 6 }, ingress: { ipv4: 2, ipv6: 2 } });
    // One more IPv6 CIDR: six more IPv6 allows, and its returns are covered by ::/0's.
    expect(countNetworkAclEntries(resolve({ products: ['FaceTime'], ipv6: true, destinations: ['anywhere', '2001:db8::/32'] }))).toEqual({ egress: { ipv4: 7, ipv6: 13 }, ingress: { ipv4: 3, ipv6: 3 } });
    expect(countNetworkAclEntries(resolve({ products: ['SSH'], direction: 'ingress', destinations: ['sg-0123456789abcdef0'] }))).toBeUndefined();
  });

  test('an entry is ICMP or ports, and says what it lets through without its CIDR', () => {
    const [pathMtu, returns] = planNetworkAcl(resolve({ products: ['SSH'], direction: 'ingress', destinations: ['203.0.113.0/24'] }));
    expect([isIcmpEntry(pathMtu!), isIcmpEntry(returns!)]).toEqual([true, false]);
    expect([entryTraffic(pathMtu!), entryTraffic(returns!)]).toEqual(['icmp 3:4', 'tcp 1024-65535']);
    const ipv6 = planNetworkAcl(resolve({ products: ['SSH'], direction: 'ingress', destinations: ['2001:db8::/32'] }));
    expect(ipv6.filter(isIcmpEntry).map(entryTraffic)).toEqual(['icmpv6 2:0', 'icmpv6 2:0']);
  });
});
