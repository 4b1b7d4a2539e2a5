import { resolve, type AppleProduct, type PolicyRule } from '../../../lib/core';
import { catalogue, getService, withCatalogue, type Catalogue, type ServiceEntry, type ServiceId } from '../../../lib/core/catalogue';
import { rulesText } from './rule-text';

const byText = (rules: readonly PolicyRule[], text: string) => rules.find((r) => `${r.protocol} ${r.fromPort === r.toPort ? r.fromPort : `${r.fromPort}-${r.toPort}`}` === text);

describe('golden cases', () => {
  test('FaceTime alone', () => {
    const policy = resolve({ products: ['FaceTime'] });
    expect(policy.direction).toBe('egress');
    expect(policy.products).toEqual(['FaceTime']);
    expect(policy.rules.map((r) => [r.protocol, r.fromPort, r.toPort, r.peer, r.description, r.services, r.products])).toEqual([
      ['tcp', 80, 80, { kind: 'ipv4', cidr: '0.0.0.0/0' }, 'FaceTime: HTTP (tcp 80)', ['http'], ['FaceTime']],
      ['tcp', 443, 443, { kind: 'ipv4', cidr: '0.0.0.0/0' }, 'FaceTime: HTTPS (tcp 443)', ['https'], ['FaceTime']],
      ['tcp', 5223, 5223, { kind: 'ipv4', cidr: '0.0.0.0/0' }, 'FaceTime: APNs (tcp 5223)', ['apns'], ['FaceTime']],
      ['udp', 3478, 3497, { kind: 'ipv4', cidr: '0.0.0.0/0' }, 'FaceTime: STUN/TURN (udp 3478-3497)', ['facetime-nat-traversal'], ['FaceTime']],
      ['udp', 16384, 16387, { kind: 'ipv4', cidr: '0.0.0.0/0' }, 'FaceTime: RTP/RTCP (udp 16384-16387)', ['facetime-rtp'], ['FaceTime']],
      ['udp', 16393, 16402, { kind: 'ipv4', cidr: '0.0.0.0/0' }, 'FaceTime: RTP/RTCP (udp 16393-16402)', ['facetime-rtp-extended'], ['FaceTime']],
    ]);
    expect(policy.notices).toEqual([]);
    expect(policy.excluded).toEqual([]);
  });

  test('iCloud + FaceTime share their web and push rules', () => {
    const policy = resolve({ products: ['iCloud', 'FaceTime'] });
    expect(rulesText(policy.rules)).toEqual([
      'tcp 80 0.0.0.0/0',
      'tcp 443 0.0.0.0/0',
      'tcp 5223 0.0.0.0/0',
      'udp 3478-3497 0.0.0.0/0',
      'udp 16384-16387 0.0.0.0/0',
      'udp 16393-16402 0.0.0.0/0',
    ]);
    expect(byText(policy.rules, 'tcp 443')).toMatchObject({ description: 'FaceTime, iCloud: HTTPS (tcp 443)', products: ['FaceTime', 'iCloud'], services: ['https'] });
  });

  test('Game Center merges its adjacent RTP ranges into one rule and keeps their provenance', () => {
    const policy = resolve({ products: ['GameCenter'] });
    expect(rulesText(policy.rules)).toEqual([
      'tcp 443 0.0.0.0/0',
      'tcp 5223 0.0.0.0/0',
      'udp 3478-3497 0.0.0.0/0',
      'udp 4398 0.0.0.0/0',
      'udp 16384-16387 0.0.0.0/0',
      'udp 16393-16472 0.0.0.0/0',
    ]);
    expect(byText(policy.rules, 'udp 16393-16472')).toMatchObject({
      services: ['facetime-rtp-extended', 'game-center-rtp'],
      description: 'Game Center: RTP/RTCP (udp 16393-16472)',
    });
  });

  test('Messages and FaceTime together need one RTP rule for 16384-16403', () => {
    const policy = resolve({ products: ['Messages', 'FaceTime'] });
    expect(byText(policy.rules, 'udp 16384-16403')).toMatchObject({
      services: ['facetime-rtp', 'facetime-rtp-extended', 'messages-rtp'],
      products: ['FaceTime', 'Messages'],
      description: 'FaceTime, Messages: RTP/RTCP (udp 16384-16403)',
    });
    expect(policy.rules.filter((r) => r.protocol === 'udp' && r.fromPort >= 16384)).toHaveLength(1);
  });

  test('every product with ipv6 (snapshot of the whole catalogue, compact)', () => {
    const listing = Object.fromEntries(
      require('../../../lib/core').products.map((p: { id: AppleProduct }) => {
        const policy = resolve({ products: [p.id], ipv6: true, includeLegacy: true, includeLinkLocal: true });
        return [p.id, policy.rules.map((r) => `${rulesText([r])[0]} | ${r.description}`)];
      }),
    );
    expect(listing.FaceTime).toContain('udp 16384-16387 ::/0 | FaceTime: RTP/RTCP (udp 16384-16387)');
    expect(Object.keys(listing)).toHaveLength(require('../../../lib/core').products.length);
    expect(listing).toMatchSnapshot();
  });
});

describe('selection', () => {
  test('profiles expand to their products and set the direction', () => {
    const policy = resolve({ profiles: ['remote-admin-host'], destinations: ['sg-0123456789abcdef0'] });
    expect(policy.direction).toBe('ingress');
    expect(policy.profiles).toEqual(['remote-admin-host']);
    expect(policy.products).toEqual(['AppleRemoteDesktop', 'ScreenSharing', 'SSH']);
    expect(rulesText(policy.rules)).toEqual([
      'tcp 22 sg-0123456789abcdef0',
      'tcp 88 sg-0123456789abcdef0',
      'tcp 3283 sg-0123456789abcdef0',
      'tcp 5900 sg-0123456789abcdef0',
      'udp 3283 sg-0123456789abcdef0',
      'udp 5900 sg-0123456789abcdef0',
    ]);
  });

  test('Screen Sharing resolves as ingress and as egress', () => {
    expect(rulesText(resolve({ products: ['ScreenSharing'], direction: 'ingress', destinations: ['10.0.0.0/16'] }).rules)).toEqual([
      'tcp 88 10.0.0.0/16',
      'tcp 5900 10.0.0.0/16',
      'udp 5900 10.0.0.0/16',
    ]);
    expect(rulesText(resolve({ products: ['ScreenSharing'] }).rules)).toEqual(['tcp 88 0.0.0.0/0', 'tcp 5900 0.0.0.0/0', 'udp 5900 0.0.0.0/0']);
  });

  test('ingress keeps only the services a Mac hosts and reports the others', () => {
    const policy = resolve({ products: ['Messages'], direction: 'ingress', destinations: ['10.0.0.0/16'] });
    expect(rulesText(policy.rules)).toEqual(['tcp 5297 10.0.0.0/16']);
    expect(policy.excluded.map((e) => [e.service, e.reason])).toEqual([
      ['http', 'direction'],
      ['https', 'direction'],
      ['apns', 'direction'],
      ['messages-rtp', 'direction'],
    ]);
    expect(policy.notices.map((n) => n.code)).toEqual(['direction-excluded']);
  });

  test("'apple-network' narrows APNs to 17.0.0.0/8 and, with ipv6, to Apple's published APNs subnets", () => {
    const policy = resolve({ products: ['PushNotifications'], destinations: ['apple-network'], ipv6: true });
    expect(rulesText(policy.rules)).toEqual([
      'tcp 443 0.0.0.0/0',
      'tcp 443 ::/0',
      'tcp 2197 17.0.0.0/8',
      'tcp 2197 2403:300:a42::/48',
      'tcp 2197 2403:300:a51::/48',
      'tcp 2197 2620:149:a44::/48',
      'tcp 2197 2a01:b740:a42::/48',
      'tcp 5223 17.0.0.0/8',
      'tcp 5223 2403:300:a42::/48',
      'tcp 5223 2403:300:a51::/48',
      'tcp 5223 2620:149:a44::/48',
      'tcp 5223 2a01:b740:a42::/48',
    ]);
  });

  test("'apple-network' beside a CIDR sends the other services to that CIDR", () => {
    const policy = resolve({ products: ['iCloud'], destinations: ['apple-network', '10.20.0.0/16'] });
    expect(rulesText(policy.rules)).toEqual(['tcp 80 10.20.0.0/16', 'tcp 443 10.20.0.0/16', 'tcp 5223 17.0.0.0/8']);
  });

  test("'apple-network' can stand for a prefix list of Apple's network", () => {
    const prefixList = { kind: 'prefix-list' as const, id: 'pl-0123456789abcdef0', maxEntries: 1 };
    const policy = resolve({ products: ['iCloud'], destinations: ['apple-network'], appleNetworkPeers: [prefixList] });
    expect(rulesText(policy.rules)).toEqual(['tcp 80 0.0.0.0/0', 'tcp 443 0.0.0.0/0', 'tcp 5223 pl-0123456789abcdef0']);
    expect(policy.rules[2].peer).toEqual(prefixList);
    expect(() => resolve({ products: ['iCloud'], destinations: ['apple-network'], appleNetworkPeers: ['apple-network'] })).toThrow(
      "appleNetworkPeers: name the peers that stand for Apple's network (e.g. a prefix list 'pl-…'), not 'apple-network' itself.",
    );
  });

  test('legacy services are left out unless asked for, and each is reported', () => {
    const policy = resolve({ products: ['PushNotifications'] });
    expect(rulesText(policy.rules)).toEqual(['tcp 443 0.0.0.0/0', 'tcp 2197 0.0.0.0/0', 'tcp 5223 0.0.0.0/0']);
    expect(policy.excluded).toEqual([
      { service: 'apns-legacy-provider', reason: 'legacy', products: ['PushNotifications'] },
      { service: 'apns-legacy-feedback', reason: 'legacy', products: ['PushNotifications'] },
    ]);
    expect(policy.notices).toEqual([
      {
        code: 'legacy-excluded',
        message:
          'Left out services Apple has retired (set includeLegacy to keep them): apns-legacy-provider (tcp 2195) for PushNotifications, retired 2021-03-31; apns-legacy-feedback (tcp 2196) for PushNotifications, retired 2021-03-31.',
        services: ['apns-legacy-feedback', 'apns-legacy-provider'],
        products: ['PushNotifications'],
        widened: [],
      },
    ]);
    expect(rulesText(resolve({ products: ['PushNotifications'], includeLegacy: true }).rules)).toEqual([
      'tcp 443 0.0.0.0/0',
      'tcp 2195-2197 0.0.0.0/0',
      'tcp 5223 0.0.0.0/0',
    ]);
  });

  test('a legacy product is left out with all its services, while its shared ports stay for other products', () => {
    const policy = resolve({ products: ['XcodeServer', 'WorldWideWeb'] });
    expect(rulesText(policy.rules)).toEqual(['tcp 80 0.0.0.0/0', 'tcp 443 0.0.0.0/0']);
    expect(policy.rules[0].products).toEqual(['WorldWideWeb']);
    expect(policy.excluded.map((e) => e.service)).toEqual(['ssh', 'svn', 'git']);
    expect(policy.notices.map((n) => n.message)).toEqual([
      'Left out services Apple has retired (set includeLegacy to keep them): svn (tcp 3690, udp 3690) for XcodeServer, retired 2022-09-12; git (tcp 9418, udp 9418) for XcodeServer, retired 2022-09-12. Also left out products Apple has retired: XcodeServer (retired 2022-09-12; without it: ssh (tcp 22)).',
    ]);
  });

  test('a retired product is reported even when another product keeps its ports open', () => {
    const policy = resolve({ products: ['PhotoStream', 'iCloud'] });
    expect(rulesText(policy.rules)).toEqual(['tcp 80 0.0.0.0/0', 'tcp 443 0.0.0.0/0', 'tcp 5223 0.0.0.0/0']);
    expect(policy.rules.every((r) => !r.products.includes('PhotoStream'))).toBe(true);
    expect(policy.notices.map((n) => [n.code, n.message, n.products])).toEqual([
      ['legacy-excluded', 'Left out products Apple has retired (set includeLegacy to keep them): PhotoStream (retired 2023-07-26).', ['PhotoStream']],
      [
        'quic-closed',
        'Apple lists mask.icloud.com on udp 443 (QUIC, HTTP/3), which no rule opens: those connections fall back to TCP where they can, and iCloud Private Relay does not work. Add an extra rule for udp 443 if the devices need it.',
        ['iCloud'],
      ],
    ]);
  });

  test("'apple-network' says which services it narrows and which still go elsewhere", () => {
    const policy = resolve({ products: ['iCloud', 'FaceTime'], destinations: ['apple-network', '10.0.0.0/8'] });
    expect(policy.notices.find((n) => n.code === 'apple-network-partial')).toMatchObject({
      code: 'apple-network-partial',
      message:
        "'apple-network' narrows only the services that talk to Apple alone (apns) to Apple's network; http (tcp 80), https (tcp 443), facetime-nat-traversal (udp 3478-3497), facetime-rtp (udp 16384-16387), facetime-rtp-extended (udp 16393-16402) still go to 10.0.0.0/8. Name narrower destinations for them, or allow them by host name (a DNS firewall, a proxy, or a Network Firewall rule group).",
      peers: [{ kind: 'ipv4', cidr: '10.0.0.0/8' }],
      services: ['facetime-nat-traversal', 'facetime-rtp', 'facetime-rtp-extended', 'http', 'https'],
    });
    // Without 'apple-network', or for ingress, there is nothing to say.
    expect(resolve({ products: ['iCloud'] }).notices.map((n) => n.code)).not.toContain('apple-network-partial');
  });

  test('a prefix list of unknown size is counted as one rule, and named', () => {
    const policy = resolve({ products: ['SSH'], direction: 'ingress', destinations: ['pl-0123456789abcdef0', { kind: 'prefix-list', id: 'pl-0123456789abcdef1', maxEntries: 10 }] });
    expect(policy.notices.filter((n) => n.code === 'prefix-list-size-unknown').map((n) => [n.message, n.peers])).toEqual([
      [
        "The size of the prefix list pl-0123456789abcdef0 is unknown, so each rule to it is counted as one, but AWS counts a customer-managed list as its max entries and an AWS-managed list as its weight, and may refuse the rules at deploy time (RulesPerSecurityGroupLimitExceeded). Give the size with the id in destinations: { kind: 'prefix-list', id, maxEntries }.",
        [{ kind: 'prefix-list', id: 'pl-0123456789abcdef0' }],
      ],
    ]);
  });

  test('QUIC is never closed silently: hosts Apple lists on UDP 443 are named unless a rule opens it', () => {
    expect(resolve({ products: ['iCloud'] }).notices.find((n) => n.code === 'quic-closed')?.hosts).toEqual(['mask.icloud.com']);
    const opened = resolve({ products: ['iCloud'], extraRules: [{ protocol: 'udp', fromPort: 443, description: 'QUIC' }] });
    expect(opened.notices.map((n) => n.code)).not.toContain('quic-closed');
    expect(resolve({ products: ['FaceTime'] }).notices.map((n) => n.code)).not.toContain('quic-closed');
  });

  test('link-local multicast is left out unless asked for', () => {
    const policy = resolve({ products: ['AirPlay'] });
    expect(rulesText(policy.rules)).toEqual(['tcp 80 0.0.0.0/0', 'tcp 443 0.0.0.0/0', 'tcp 554 0.0.0.0/0', 'tcp 3689 0.0.0.0/0', 'udp 554 0.0.0.0/0']);
    expect(policy.notices.map((n) => n.code)).toEqual(['link-local-excluded']);
    expect(policy.notices[0].message).toBe(
      'Left out link-local multicast, which never crosses a VPC (set includeLinkLocal to keep it): mdns (udp 5353) for AirPlay.',
    );
    expect(rulesText(resolve({ products: ['AirPlay'], includeLinkLocal: true }).rules)).toContain('udp 5353 0.0.0.0/0');
  });

  test('exclude removes services and extraRules add the user’s own, merged with the catalogue', () => {
    const policy = resolve({
      products: ['iCloud'],
      exclude: ['http'],
      extraRules: [{ protocol: 'tcp', fromPort: 444, toPort: 450, description: 'Corporate proxy' }],
    });
    expect(rulesText(policy.rules)).toEqual(['tcp 443-450 0.0.0.0/0', 'tcp 5223 0.0.0.0/0']);
    expect(policy.rules[0]).toMatchObject({ description: 'iCloud: HTTPS, Corporate proxy (tcp 443-450)', extra: ['Corporate proxy'], services: ['https'] });
    expect(policy.excluded).toEqual([{ service: 'http', reason: 'user', products: ['iCloud'] }]);
  });

  test('exclude naming services no selected product uses changes nothing, and says so', () => {
    const policy = resolve({ products: ['iCloud'], exclude: ['ssh', 'http', 'git', 'ssh'] });
    expect(rulesText(policy.rules)).toEqual(['tcp 443 0.0.0.0/0', 'tcp 5223 0.0.0.0/0']);
    expect(policy.excluded).toEqual([{ service: 'http', reason: 'user', products: ['iCloud'] }]);
    expect(policy.notices.filter((n) => n.code === 'exclude-unused')).toEqual([
      {
        code: 'exclude-unused',
        message: "exclude names 'git', 'ssh', which no selected product uses, so they change nothing. Remove them, or select the product that uses them.",
        services: ['git', 'ssh'],
        products: [],
        widened: [],
      },
    ]);
    expect(resolve({ products: ['iCloud'], exclude: ['ssh'] }).notices.find((n) => n.code === 'exclude-unused')?.message).toBe(
      "exclude names 'ssh', which no selected product uses, so it changes nothing. Remove it, or select the product that uses it.",
    );
  });

  test('DNS and NTP note the Amazon-provided services that need no rules', () => {
    const policy = resolve({ products: ['DNS', 'NetworkTime'] });
    expect(rulesText(policy.rules)).toEqual(['tcp 53 0.0.0.0/0', 'udp 53 0.0.0.0/0', 'udp 123 0.0.0.0/0']);
    expect(policy.notices.map((n) => n.code)).toEqual(['amazon-dns', 'amazon-time-sync']);
  });

  test('the same prefix list named twice counts with its larger max entries, in any order', () => {
    const small = { kind: 'prefix-list' as const, id: 'pl-0123456789abcdef0', maxEntries: 5 };
    const large = { ...small, maxEntries: 50 };
    const a = resolve({ products: ['SSH'], destinations: [small, large] });
    const b = resolve({ products: ['SSH'], destinations: [large, small] });
    expect(a.rules.map((r) => r.peer)).toEqual([large]);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  test('ipv6 with only IPv4 destinations adds nothing, and says so', () => {
    const policy = resolve({ products: ['SSH'], direction: 'ingress', destinations: ['10.0.0.0/8'], ipv6: true });
    expect(rulesText(policy.rules)).toEqual(['tcp 22 10.0.0.0/8']);
    expect(policy.notices.map((n) => [n.code, n.message])).toEqual([
      [
        'ipv6-unused',
        "ipv6 is set, but no rule goes to an IPv6 peer: it adds ::/0 to 'anywhere' and Apple's IPv6 subnets to 'apple-network', and neither is a destination here. Name IPv6 CIDRs to allow IPv6.",
      ],
    ]);
    expect(resolve({ products: ['SSH'], direction: 'ingress', destinations: ['10.0.0.0/8', '2001:db8::/32'], ipv6: true }).notices).toEqual([]);
  });

  test('open ingress works but is reported', () => {
    const policy = resolve({ products: ['SSH'], direction: 'ingress', destinations: ['anywhere'], ipv6: true });
    expect(rulesText(policy.rules)).toEqual(['tcp 22 0.0.0.0/0', 'tcp 22 ::/0']);
    expect(policy.notices.map((n) => [n.code, n.message])).toEqual([
      ['open-ingress', 'Ingress is open to the whole internet (0.0.0.0/0, ::/0). Name the admin CIDRs, a bastion security group or a prefix list instead.'],
    ]);
    const reversed = resolve({ products: ['SSH'], direction: 'ingress', destinations: ['::/0', '0.0.0.0/0'] });
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(resolve({ products: ['SSH'], direction: 'ingress', destinations: ['0.0.0.0/0', '::/0'] })));
  });

  test('unresolved values pass through unvalidated', () => {
    const token = '${Token[TOKEN.42]}';
    const policy = resolve({ products: ['SSH'], direction: 'ingress', destinations: [token, { kind: 'ipv6', cidr: token }] }, { isUnresolved: (v) => v.startsWith('${Token[') });
    expect(policy.rules.map((r) => r.peer)).toEqual([
      { kind: 'ipv4', cidr: token },
      { kind: 'ipv6', cidr: token },
    ]);
  });
});

describe('budgets', () => {
  test('widening closes the smallest gaps first and reports every port it opens', () => {
    const exact = resolve({ products: ['GameCenter', 'Messages'] });
    expect(rulesText(exact.rules)).toEqual([
      'tcp 80 0.0.0.0/0',
      'tcp 443 0.0.0.0/0',
      'tcp 5223 0.0.0.0/0',
      'tcp 5297 0.0.0.0/0',
      'udp 3478-3497 0.0.0.0/0',
      'udp 4398 0.0.0.0/0',
      'udp 16384-16472 0.0.0.0/0',
    ]);
    const fitted = resolve({ products: ['GameCenter', 'Messages'], maxRules: 5 });
    expect(rulesText(fitted.rules)).toEqual(['tcp 80-443 0.0.0.0/0', 'tcp 5223-5297 0.0.0.0/0', 'udp 3478-3497 0.0.0.0/0', 'udp 4398 0.0.0.0/0', 'udp 16384-16472 0.0.0.0/0']);
    expect(fitted.rules[1].widened).toEqual([{ protocol: 'tcp', fromPort: 5224, toPort: 5296, peer: { kind: 'ipv4', cidr: '0.0.0.0/0' } }]);
    expect(fitted.rules[1].description).toBe('Game Center, Messages: APNs, Messages local (tcp 5223-5297, 73 ports widened to fit the rule budget)');
    expect(fitted.notices.find((n) => n.code === 'budget-widened')?.message).toBe(
      'Opened 435 ports beyond the selection to fit maxRules 5 per address family: tcp 81-442 to 0.0.0.0/0; tcp 5224-5296 to 0.0.0.0/0.',
    );
    expect(fitted.maxRules).toBe(5);
  });

  test('each address family has its own budget', () => {
    const policy = resolve({ products: ['FaceTime'], ipv6: true, maxRules: 6 });
    expect(policy.rules).toHaveLength(12);
    expect(policy.rules.every((r) => r.widened.length === 0)).toBe(true);
  });
});

describe('the order and wording of rules', () => {
  const summary = (rules: readonly PolicyRule[]) => rules.map((r) => [`${r.protocol} ${r.fromPort}-${r.toPort}`, r.peer.kind === 'ipv4' || r.peer.kind === 'ipv6' ? r.peer.cidr : r.peer.id, r.description]);

  test('products are named in the order of their English names, not their ids', () => {
    expect(resolve({ products: ['AppStore', 'AppleBusinessManager'] }).rules.map((r) => r.description)).toEqual([
      'App Store, Apple Business Manager: HTTP (tcp 80)',
      'App Store, Apple Business Manager: HTTPS (tcp 443)',
    ]);
  });

  test('rules sort by protocol, ports and then peer; the same ports with other services get their own wording', () => {
    const policy = resolve({ products: ['iCloud', 'PushNotifications'], destinations: ['apple-network', '10.0.0.0/8'], extraRules: [{ protocol: 'tcp', fromPort: 5223, toPort: 5230, description: 'Relay' }] });
    expect(summary(policy.rules)).toEqual([
      ['tcp 80-80', '10.0.0.0/8', 'iCloud: HTTP (tcp 80)'],
      ['tcp 443-443', '10.0.0.0/8', 'Apple Push Notification service, iCloud: HTTPS (tcp 443)'],
      ['tcp 2197-2197', '17.0.0.0/8', 'Apple Push Notification service: APNs provider (tcp 2197)'],
      ['tcp 5223-5223', '17.0.0.0/8', 'Apple Push Notification service, iCloud: APNs (tcp 5223)'],
      ['tcp 5223-5230', '10.0.0.0/8', 'Relay (tcp 5223-5230)'],
    ]);
  });

  test('the same ports to other peers for other reasons are described each by their own', () => {
    const policy = resolve({ products: ['PushNotifications'], destinations: ['apple-network', '10.0.0.0/8'], extraRules: [{ protocol: 'tcp', fromPort: 5223, description: 'Relay' }] });
    expect(summary(policy.rules)).toEqual([
      ['tcp 443-443', '10.0.0.0/8', 'Apple Push Notification service: HTTPS (tcp 443)'],
      ['tcp 2197-2197', '17.0.0.0/8', 'Apple Push Notification service: APNs provider (tcp 2197)'],
      ['tcp 5223-5223', '10.0.0.0/8', 'Relay (tcp 5223)'],
      ['tcp 5223-5223', '17.0.0.0/8', 'Apple Push Notification service: APNs (tcp 5223)'],
    ]);
  });

  test('a budget tie closes the gap of the earlier group: tcp before udp, then peers in order', () => {
    const extra = (protocol: 'tcp' | 'udp', fromPort: number, description: string) => ({ protocol, fromPort, description });
    const protocols = resolve({ products: ['NetworkTime'], extraRules: [extra('udp', 1000, 'c'), extra('udp', 1002, 'd'), extra('tcp', 1000, 'a'), extra('tcp', 1002, 'b')], maxRules: 4 });
    expect(summary(protocols.rules)).toEqual([
      ['tcp 1000-1002', '0.0.0.0/0', 'a, b (tcp 1000-1002, 1 port widened to fit the rule budget)'],
      ['udp 123-123', '0.0.0.0/0', 'Network time server synchronization: NTP (udp 123)'],
      ['udp 1000-1000', '0.0.0.0/0', 'c (udp 1000)'],
      ['udp 1002-1002', '0.0.0.0/0', 'd (udp 1002)'],
    ]);
    const peers = resolve({ products: ['NetworkTime'], destinations: ['192.168.0.0/16', '10.0.0.0/8'], extraRules: [extra('udp', 1000, 'a')], maxRules: 3 });
    expect(summary(peers.rules)).toEqual([
      ['udp 123-123', '192.168.0.0/16', 'Network time server synchronization: NTP (udp 123)'],
      ['udp 123-1000', '10.0.0.0/8', 'Network time server synchronization: NTP, a (udp 123-1000, 876 ports widened to fit the rule budget)'],
      ['udp 1000-1000', '192.168.0.0/16', 'a (udp 1000)'],
    ]);
  });

  test('services left out are listed in the catalogue’s order; a profile alone is a selection; no budget, no maxRules', () => {
    expect(resolve({ products: ['Messages', 'FaceTime', 'iTunesRadio'] }).excluded).toEqual([
      { service: 'web-service-8000', reason: 'legacy', products: ['iTunesRadio'] },
      { service: 'itunes-radio-streams', reason: 'legacy', products: ['iTunesRadio'] },
    ]);
    // FaceTime comes first by name, but NTP's port comes before APNs' in the catalogue.
    expect(resolve({ products: ['FaceTime', 'NetworkTime'], exclude: ['apns', 'ntp'] }).excluded).toEqual([
      { service: 'ntp', reason: 'user', products: ['NetworkTime'] },
      { service: 'apns', reason: 'user', products: ['FaceTime'] },
    ]);
    const profile = resolve({ profiles: ['managed-mac'] });
    expect([profile.profiles, profile.products.length > 0]).toEqual([['managed-mac'], true]);
    expect(Object.keys(resolve({ products: ['iCloud'] }))).not.toContain('maxRules');
    expect(resolve({ products: ['iCloud'], maxRules: 10 }).maxRules).toBe(10);
  });
});

describe('a rule that merges services lists them and their products in order, whatever the port order', () => {
  // Two services on adjacent ports, so one rule holds both: the lower port is Messages', the higher
  // FaceTime's, and the catalogue lists the higher first. The shipped catalogue has no such pair.
  const service = (id: string, port: number, label: string): ServiceEntry => ({ ...getService('apns'), id: id as ServiceId, label, ports: [{ protocol: 'tcp', fromPort: port, toPort: port }] });
  const uses = (id: string) => [{ service: id as ServiceId, usedBy: [] }];
  const data: Catalogue = {
    ...catalogue,
    services: [service('test-high', 40001, 'High'), service('test-low', 40000, 'Low'), ...catalogue.services],
    products: catalogue.products.map((p) => (p.id === 'FaceTime' ? { ...p, uses: uses('test-high') } : p.id === 'Messages' ? { ...p, uses: uses('test-low') } : p)),
  };

  test('products by id, names by name, labels in the catalogue order', () => {
    const policy = withCatalogue(data, () => resolve({ products: ['Messages', 'FaceTime'] }));
    expect(policy.rules.map((r) => [r.fromPort, r.toPort, r.services, r.products, r.description])).toEqual([[40000, 40001, ['test-high', 'test-low'], ['FaceTime', 'Messages'], 'FaceTime, Messages: High, Low (tcp 40000-40001)']]);
  });
});
