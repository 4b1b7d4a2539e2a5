import { appleNetworkPrefixList, planDnsFirewall, planDomainListRules, planFirewallRules, policyRecord, readPolicyRecord, resolve } from 'apple-ports';

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

  test('DNS Firewall rule groups and domain lists record the names they allow', () => {
    const domainList = planDomainListRules({ products: ['PushNotifications'] });
    const domainRecord = policyRecord({ type: 'AppleServicesDomainList', plan: domainList });
    expect(domainRecord).toEqual({
      version: 1,
      type: 'AppleServicesDomainList',
      products: ['PushNotifications'],
      profiles: [],
      hostGroups: ['apple-push-notifications'],
      capacity: 100,
      ruleOrder: 'STRICT_ORDER',
      targetTypes: ['TLS_SNI', 'HTTP_HOST'],
      hosts: ['.push.apple.com'],
    });
    const dns = planDnsFirewall({ products: ['PushNotifications'] }, { walledGarden: true, allowDomains: ['*.amazonaws.com'] });
    const dnsRecord = policyRecord({ type: 'AppleDnsFirewall', plan: dns });
    expect(dnsRecord).toEqual({
      version: 1,
      type: 'AppleDnsFirewall',
      products: ['PushNotifications'],
      profiles: [],
      hostGroups: ['apple-push-notifications'],
      walledGarden: true,
      rules: ['100 ALLOW apple', '200 ALLOW allowed', '300 BLOCK everything'],
      hosts: ['*.push.apple.com'],
      allowDomains: ['*.amazonaws.com'],
    });
    const { version: _v1, ...domainRead } = domainRecord;
    const { version: _v2, ...dnsRead } = dnsRecord;
    expect(readPolicyRecord(JSON.parse(JSON.stringify(domainRecord)))).toEqual(domainRead);
    expect(readPolicyRecord(JSON.parse(JSON.stringify(dnsRecord)))).toEqual(dnsRead);
  });

  test('a record of another version or type is refused with what to do', () => {
    expect(() => readPolicyRecord({ version: 2, type: 'AppleServicesEgress' })).toThrow(
      'the policy record has version 2; this apple-ports reads version 1. Use the apple-ports version that synthesized it, or a later one',
    );
    expect(() => readPolicyRecord({ version: 1, type: 'Other' })).toThrow(
      'not an apple-ports policy record: its type must be one of AppleServicesEgress, AppleServicesIngress, AppleServicesFirewallRules, AppleNetworkPrefixList, AppleServicesDomainList, AppleDnsFirewall',
    );
  });
});
