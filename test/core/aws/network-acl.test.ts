import { getEphemeralPorts, networkAclRuleBudget, planNetworkAcl, resolve, type NetworkAclEntryPlan, type NetworkAclOptions, type PolicySelection, type ResolvedPolicy } from '../../../lib/core';
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
    expect(plan.find((e) => e.purpose === 'path-mtu-discovery' && !e.egress)).toEqual({
      id: 'InPathMtu icmp 3:4 0.0.0.0/0',
      ruleNumber: expect.any(Number),
      egress: false,
      protocol: 'icmp',
      family: 'ipv4',
      cidr: '0.0.0.0/0',
      icmpType: 3,
      icmpCode: 4,
      purpose: 'path-mtu-discovery',
      description: 'Path MTU Discovery (icmp type 3 code 4, from 0.0.0.0/0)',
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
    expect(() => planNetworkAcl(policy, { pathMtuDiscovery: 'yes' as unknown as boolean })).toThrow("pathMtuDiscovery 'yes' is not true or false. Leave it out to allow Path MTU Discovery, or pass false.");
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
    expect(() => planNetworkAcl(policy, { returnPorts: 'linux' as 'macos' })).toThrow("returnPorts 'linux' is not a return range. Use 'aws-nat-gateway', 'macos' or { fromPort, toPort }.");
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
          'The network ACL needs 11 IPv4 egress entries, more than maxEntries 5. Resolve the policy with maxRules 4 (one entry is for Path MTU Discovery) so ports are widened to fit, name fewer CIDRs, or raise the quota (up to 39).',
      },
    ]);
    expect(planNetworkAcl(legacy, { maxEntries: 11 }).filter((e) => e.egress)).toHaveLength(11);
    expect(problemsOf(legacy, { maxEntries: 10 }).map((p) => p.code)).toEqual(['network-acl-quota']);
    expect(problemsOf(resolve({ products: ['FaceTime'] }), { maxEntries: 5 })).toEqual([
      {
        code: 'network-acl-quota',
        message:
          'The network ACL needs 7 IPv4 egress entries, more than maxEntries 5. Resolve the policy with maxRules 4 (one entry is for Path MTU Discovery) so ports are widened to fit, name fewer CIDRs, or raise the quota (up to 39).',
      },
    ]);
  });

  test('a policy resolved with the rule budget fits the entry budget, widened', () => {
    const selection: PolicySelection = { products: ['GameCenter', 'Messages', 'Mail', 'iCloudMail', 'WiFiCalling', 'Kerberos', 'DNS', 'NetworkTime', 'LDAP', 'LDAPS'] };
    expect(resolve(selection).rules).toHaveLength(25);
    expect(networkAclRuleBudget()).toBe(18);
    expect(networkAclRuleBudget({ maxEntries: 30, pathMtuDiscovery: false })).toBe(30);
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
