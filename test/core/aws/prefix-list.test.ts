import { countRulesByFamily, resolve } from '../../../lib/core';
import { appleNetworkPrefixList, appleNetworkPrefixListPeer, MAX_PREFIX_LIST_ENTRIES } from '../../../lib/core/aws';

describe('appleNetworkPrefixList', () => {
  test('defaults to IPv4 17.0.0.0/8, one entry, max entries 1', () => {
    expect(appleNetworkPrefixList()).toEqual({
      name: 'apple-network-ipv4',
      family: 'ipv4',
      addressFamily: 'IPv4',
      scope: 'apple',
      entries: [{ cidr: '17.0.0.0/8', description: 'Apple network, assigned to Apple in full 17.0.0.0/8' }],
      maxEntries: 1,
      sources: ['https://support.apple.com/en-us/102266', 'https://support.apple.com/en-us/101555'],
    });
  });

  test('the APNs scope holds Apple’s published APNs subnets, in either family', () => {
    expect(appleNetworkPrefixList({ scope: 'apns' }).entries.map((e) => e.cidr)).toEqual([
      '17.57.144.0/22',
      '17.188.20.0/23',
      '17.188.128.0/18',
      '17.249.0.0/16',
      '17.252.0.0/16',
    ]);
    const ipv6 = appleNetworkPrefixList({ scope: 'apns', family: 'ipv6' });
    expect([ipv6.name, ipv6.addressFamily, ipv6.maxEntries]).toEqual(['apple-apns-ipv6', 'IPv6', 4]);
    expect(ipv6.entries).toEqual([
      { cidr: '2403:300:a42::/48', description: 'Apple Push Notification service (APNs) 2403:300:a42::/48' },
      { cidr: '2403:300:a51::/48', description: 'Apple Push Notification service (APNs) 2403:300:a51::/48' },
      { cidr: '2620:149:a44::/48', description: 'Apple Push Notification service (APNs) 2620:149:a44::/48' },
      { cidr: '2a01:b740:a42::/48', description: 'Apple Push Notification service (APNs) 2a01:b740:a42::/48' },
    ]);
  });

  test('max entries can leave room to grow, within AWS’s limit', () => {
    expect(appleNetworkPrefixList({ scope: 'apns', maxEntries: 10 }).maxEntries).toBe(10);
    // AWS's most entries per list is the most a list may reserve, and one more is refused.
    expect(appleNetworkPrefixList({ scope: 'apns', maxEntries: MAX_PREFIX_LIST_ENTRIES }).maxEntries).toBe(MAX_PREFIX_LIST_ENTRIES);
    expect(() => appleNetworkPrefixList({ scope: 'apns', maxEntries: 4 })).toThrow(
      'maxEntries 4 cannot hold the 5 apns entries. Use a whole number from 5 to 1000, or leave it out.',
    );
    expect(() => appleNetworkPrefixList({ maxEntries: 1001 })).toThrow('maxEntries 1001 cannot hold the 1 apple entries. Use a whole number from 1 to 1000, or leave it out.');
  });

  test('IPv6 for all of Apple’s network is refused: Apple publishes no such range', () => {
    expect(() => appleNetworkPrefixList({ family: 'ipv6' })).toThrow(
      "Apple publishes no IPv6 range for scope 'apple'. Use scope 'apns' for the APNs IPv6 subnets, or family 'ipv4' for 17.0.0.0/8.",
    );
  });

  test('unknown family or scope names the valid ones', () => {
    expect(() => appleNetworkPrefixList({ family: 'IPv4' as never })).toThrow("Invalid prefix-list family 'IPv4'. Use 'ipv4' or 'ipv6'.");
    expect(() => appleNetworkPrefixList({ scope: 'push' as never })).toThrow("Invalid prefix-list scope 'push'. Use 'apple' (17.0.0.0/8) or 'apns' (the APNs subnets).");
  });

  test('entry descriptions use only characters AWS takes in descriptions', () => {
    for (const plan of [appleNetworkPrefixList(), appleNetworkPrefixList({ scope: 'apns' }), appleNetworkPrefixList({ scope: 'apns', family: 'ipv6' })]) {
      expect(plan.entries.every((e) => /^[a-zA-Z0-9 ._\-:/()#,@[\]+=;{}!$*]{1,255}$/.test(e.description))).toBe(true);
    }
  });
});

describe('appleNetworkPrefixListPeer', () => {
  test('stands for apple-network in a selection, and counts as its max entries against the quota', () => {
    const plan = appleNetworkPrefixList({ scope: 'apns', maxEntries: 10 });
    const peer = appleNetworkPrefixListPeer('pl-0123456789abcdef0', plan);
    expect(peer).toEqual({ kind: 'prefix-list', id: 'pl-0123456789abcdef0', family: 'ipv4', maxEntries: 10 });
    const policy = resolve({ products: ['PushNotifications'], destinations: ['apple-network'], appleNetworkPeers: [peer] });
    expect(policy.rules.map((r) => `${r.protocol} ${r.fromPort} ${r.peer.kind === 'prefix-list' ? r.peer.id : ''}`)).toEqual([
      'tcp 443 ',
      'tcp 2197 pl-0123456789abcdef0',
      'tcp 5223 pl-0123456789abcdef0',
    ]);
    expect(countRulesByFamily(policy)).toEqual({ ipv4: 1 + 10 + 10, ipv6: 0 });
  });

  test('passes an unresolved id through for the adapters', () => {
    const token = '${Token[TOKEN.7]}';
    const peer = appleNetworkPrefixListPeer(token, appleNetworkPrefixList());
    const policy = resolve({ products: ['PushNotifications'], destinations: ['apple-network'], appleNetworkPeers: [peer] }, { isUnresolved: (v) => v === token });
    expect(policy.rules.filter((r) => r.peer.kind === 'prefix-list').map((r) => r.peer)).toEqual([peer, peer]);
  });
});
