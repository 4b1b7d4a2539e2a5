import { appleNetworkPrefixList, planFirewallRules, policyRecord, readPolicyRecord, resolve } from 'apple-ports';

describe('policyRecord and readPolicyRecord', () => {
  test('a policy read back from its record is the policy', () => {
    const policy = resolve({ products: ['FaceTime', 'Messages', 'PushNotifications'], maxRules: 3, ipv6: true });
    const record = policyRecord({ type: 'AppleServicesEgress', policy });
    expect(readPolicyRecord(JSON.parse(JSON.stringify(record)))).toEqual({ type: 'AppleServicesEgress', policy });
    // Compact: no empty lists of extra rules or widened ports on the rules.
    expect(JSON.stringify(record)).not.toContain('"extra":[]');
  });


  test('rule groups and prefix lists record what their review shows', () => {
    const plan = planFirewallRules({ hostGroups: ['certificate-validation'] });
    expect(policyRecord({ type: 'AppleServicesFirewallRules', plan })).toEqual({
      version: 1,
      type: 'AppleServicesFirewallRules',
      products: [],
      profiles: [],
      hostGroups: ['certificate-validation'],
      capacity: plan.capacity,
      rules: plan.rules.length,
      hosts: plan.hosts.hosts.map((h) => h.host),
    });
    expect(policyRecord({ type: 'AppleNetworkPrefixList', plan: appleNetworkPrefixList() })).toEqual({
      version: 1,
      type: 'AppleNetworkPrefixList',
      scope: 'apple',
      family: 'ipv4',
      maxEntries: 1,
      entries: ['17.0.0.0/8'],
    });
  });

  test('a record of another version or type is refused with what to do', () => {
    expect(() => readPolicyRecord({ version: 2, type: 'AppleServicesEgress' })).toThrow(
      'the policy record has version 2; this apple-ports reads version 1. Use the apple-ports version that synthesized it, or a later one',
    );
    expect(() => readPolicyRecord({ version: 1, type: 'Other' })).toThrow(
      'not an apple-ports policy record: its type must be one of AppleServicesEgress, AppleServicesIngress, AppleServicesFirewallRules, AppleNetworkPrefixList',
    );
  });
});
