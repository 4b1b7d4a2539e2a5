import { checkSecurityGroupQuota, countRulesByFamily, resolve } from '../../../lib/core';

describe('security-group quota', () => {
  const policy = resolve({ products: ['FaceTime'], ipv6: true, destinations: ['anywhere', 'sg-0123456789abcdef0'] });

  test('counts rules per address family; a rule to a security group counts in both, never undercounting', () => {
    // 6 rules to 0.0.0.0/0, 6 to ::/0 and 6 to the group, which count for IPv4 and for IPv6.
    expect(policy.rules).toHaveLength(18);
    expect(countRulesByFamily(policy)).toEqual({ ipv4: 12, ipv6: 12 });
  });

  test("a rule referencing a prefix list counts as the list's max entries, in the list's family, or in both when its family is not given", () => {
    const withList = resolve({
      products: ['iCloud'],
      destinations: ['apple-network'],
      appleNetworkPeers: [{ kind: 'prefix-list', id: 'pl-0123456789abcdef0', maxEntries: 5 }, { kind: 'prefix-list', id: 'pl-0123456789abcdef1', family: 'ipv6', maxEntries: 4 }],
    });
    // tcp 80 and 443 to 0.0.0.0/0; tcp 5223 to each list: the first of unknown family counts in both.
    expect(countRulesByFamily(withList)).toEqual({ ipv4: 2 + 5, ipv6: 5 + 4 });
  });

  test('passes at the quota and fails above it with the fix', () => {
    expect(() => checkSecurityGroupQuota(policy, 12)).not.toThrow();
    expect(() => checkSecurityGroupQuota(policy, 11)).toThrow(
      'The egress rules need 12 IPv4 security-group rules, more than the quota of 11. Set maxRules to 11 so ports are widened to fit, select fewer products, or raise the quota and pass it as securityGroupRuleQuota.',
    );
  });
});
