import { planNetworkAcl, resolve, type NetworkAclEntryPlan } from '../../../lib/core';

const text = (e: NetworkAclEntryPlan) => `${e.egress ? 'out' : 'in'} ${e.purpose} ${e.protocol} ${e.fromPort}-${e.toPort} ${e.cidr}`;

describe('planNetworkAcl', () => {
  test('every egress allow gets the inbound return entries for its protocol and CIDR', () => {
    const plan = planNetworkAcl(resolve({ products: ['FaceTime'] }));
    expect(plan.map(text).sort()).toEqual(
      [
        'out allow tcp 80-80 0.0.0.0/0',
        'out allow tcp 443-443 0.0.0.0/0',
        'out allow tcp 5223-5223 0.0.0.0/0',
        'out allow udp 3478-3497 0.0.0.0/0',
        'out allow udp 16384-16387 0.0.0.0/0',
        'out allow udp 16393-16402 0.0.0.0/0',
        'in return tcp 1024-65535 0.0.0.0/0',
        'in return udp 1024-65535 0.0.0.0/0',
      ].sort(),
    );
    expect(plan.find((e) => e.purpose === 'return' && e.protocol === 'udp')).toMatchObject({
      id: 'InReturn udp 1024-65535 0.0.0.0/0',
      description: 'Return traffic from 0.0.0.0/0 (udp 1024-65535)',
      family: 'ipv4',
    });
  });

  test('ingress allows get outbound return entries, and the return range is configurable', () => {
    const plan = planNetworkAcl(resolve({ products: ['SSH'], direction: 'ingress', destinations: ['203.0.113.0/24', '2001:db8::/32'] }), {
      returnPorts: { fromPort: 49152, toPort: 65535 },
    });
    expect(plan.map(text)).toEqual(
      expect.arrayContaining(['in allow tcp 22-22 203.0.113.0/24', 'in allow tcp 22-22 2001:db8::/32', 'out return tcp 49152-65535 203.0.113.0/24', 'out return tcp 49152-65535 2001:db8::/32']),
    );
    expect(plan).toHaveLength(4);
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
    expect(() => planNetworkAcl(bySg)).toThrow(
      "Network ACL entries take CIDRs only, but rules go to the security group 'sg-0123456789abcdef0'. Use CIDR sources for network ACLs, or attach the selection to a security group instead.",
    );
    const policy = resolve({ products: ['FaceTime'] });
    expect(() => planNetworkAcl(policy, { firstRuleNumber: 0 })).toThrow('firstRuleNumber 0 is outside 1-32766, the rule numbers a network ACL entry may take.');
    expect(() => planNetworkAcl(policy, { firstRuleNumber: 500, lastRuleNumber: 100 })).toThrow('firstRuleNumber 500 is above lastRuleNumber 100. Swap them.');
    expect(() => planNetworkAcl(policy, { returnPorts: { fromPort: 65535, toPort: 1024 } })).toThrow(
      'returnPorts 65535-1024 is not a port range. Use fromPort <= toPort within 1-65535, e.g. 1024-65535.',
    );
    expect(() => planNetworkAcl(policy, { firstRuleNumber: 100, lastRuleNumber: 120, ruleNumberStep: 10 })).toThrow(
      'Rule numbers 100-120 in steps of 10 leave 3 numbers for 6 egress entries. Widen the range or shorten the step.',
    );
    expect(() => planNetworkAcl(resolve({ profiles: ['managed-mac', 'communications'], includeLegacy: true }), { maxEntries: 5 })).toThrow(
      /^The network ACL needs 10 IPv4 egress entries, more than maxEntries 5\./,
    );
    expect(() => planNetworkAcl(resolve({ products: ['FaceTime'] }), { maxEntries: 5 })).toThrow(
      'The network ACL needs 6 IPv4 egress entries, more than maxEntries 5. Resolve the policy with maxRules 5 so ports are widened to fit, name fewer CIDRs, or raise the quota (up to 39).',
    );
  });

  test('a policy resolved with the NACL budget fits it, widened', () => {
    const selection = { products: ['GameCenter', 'Messages', 'Mail', 'iCloudMail', 'WiFiCalling', 'Kerberos', 'DNS', 'NetworkTime', 'LDAP', 'LDAPS'] };
    expect(resolve(selection).rules).toHaveLength(25);
    const policy = resolve({ ...selection, maxRules: 19 });
    const plan = planNetworkAcl(policy);
    expect(plan.filter((e) => e.egress)).toHaveLength(19);
    expect(policy.rules.filter((r) => r.widened.length > 0).length).toBeGreaterThan(0);
  });

  test('numbering depends on the entries, not on the order of the rules', () => {
    const policy = resolve({ products: ['GameCenter', 'Messages', 'Mail'], ipv6: true });
    const reversed = { ...policy, rules: [...policy.rules].reverse() };
    const options = { firstRuleNumber: 100, lastRuleNumber: 400, ruleNumberStep: 1 };
    expect(planNetworkAcl(reversed, options)).toEqual(planNetworkAcl(policy, options));
  });
});
