import { checkSecurityGroupQuota, countRulesByFamily, resolve } from '../../../lib/core';

describe('security-group quota', () => {
  const policy = resolve({ products: ['FaceTime'], ipv6: true, destinations: ['anywhere', 'sg-0123456789abcdef0'] });

  test('counts rules per address family; references count with IPv4', () => {
    expect(countRulesByFamily(policy)).toEqual({ ipv4: 12, ipv6: 6 });
  });

  test("a rule referencing a prefix list counts as the list's max entries, in the list's family", () => {
    const withList = resolve({
      products: ['iCloud'],
      destinations: ['apple-network'],
      appleNetworkPeers: [{ kind: 'prefix-list', id: 'pl-0123456789abcdef0', maxEntries: 5 }, { kind: 'prefix-list', id: 'pl-0123456789abcdef1', family: 'ipv6', maxEntries: 4 }],
    });
    expect(countRulesByFamily(withList)).toEqual({ ipv4: 2 + 5, ipv6: 4 });
  });

  test('passes at the quota and fails above it with the fix', () => {
    expect(() => checkSecurityGroupQuota(policy, 12)).not.toThrow();
    expect(() => checkSecurityGroupQuota(policy, 11)).toThrow(
      'The egress rules need 12 IPv4 security-group rules, more than the quota of 11. Set maxRules to 11 so ports are widened to fit, select fewer products, or raise the quota and pass it as securityGroupRuleQuota.',
    );
  });
});
