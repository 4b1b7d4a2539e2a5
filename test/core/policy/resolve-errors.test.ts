import { resolve, type PolicySelection } from '../../../lib/core';
import { thrown } from '../../thrown';

/** The problems `resolve` reports for a selection, as [code, message] pairs. */
function problemsOf(selection: PolicySelection): [string, string][] {
  return thrown(() => resolve(selection)).problems.map((p) => [p.code, p.message]);
}

describe('bad input gets one error naming every problem and its fix', () => {
  test('a misspelt product names the nearest valid products', () => {
    // @ts-expect-error a misspelt name, as JavaScript or a cast could pass it: checked at run time
    expect(problemsOf({ products: ['FaceTme'] })).toEqual([['unknown-product', "Unknown Apple product 'FaceTme'. Did you mean 'FaceTime'?"]]);
    // @ts-expect-error a misspelt name, as JavaScript or a cast could pass it: checked at run time
    expect(problemsOf({ products: ['icloudmial'] })).toEqual([['unknown-product', "Unknown Apple product 'icloudmial'. Did you mean 'iCloudMail'?"]]);
  });

  test('a product with no close match says where the list is', () => {
    // @ts-expect-error a misspelt name, as JavaScript or a cast could pass it: checked at run time
    expect(problemsOf({ products: ['Zune'] })).toEqual([['unknown-product', "Unknown Apple product 'Zune'. Run `apple-ports products` to list the valid products."]]);
  });

  test('a port given as a product says it is a port, and how to find the products that use it', () => {
    expect(problemsOf({ products: [5223 as never, '5223/tcp' as never, 'tcp/443' as never] })).toEqual([
      ['unknown-product', "'5223' is a port, not an Apple product. `apple-ports lookup 5223` lists the products that use it: select those, or open the port itself with an extra rule."],
      ['unknown-product', "'5223/tcp' is a port, not an Apple product. `apple-ports lookup 5223/tcp` lists the products that use it: select those, or open the port itself with an extra rule."],
      ['unknown-product', "'tcp/443' is a port, not an Apple product. `apple-ports lookup 443/tcp` lists the products that use it: select those, or open the port itself with an extra rule."],
    ]);
    // Not a port: beyond the port numbers, or two protocols.
    expect(problemsOf({ products: ['70000' as never, 'tcp/443/udp' as never] }).map(([, message]) => message.split('.')[0])).toEqual(["Unknown Apple product '70000'", "Unknown Apple product 'tcp/443/udp'"]);
  });

  test('an unknown profile names the nearest profiles', () => {
    // @ts-expect-error a misspelt name, as JavaScript or a cast could pass it: checked at run time
    expect(problemsOf({ profiles: ['managed-macs'] })).toEqual([['unknown-profile', "Unknown apple-ports profile 'managed-macs'. Did you mean 'managed-mac'?"]]);
  });

  test('an empty selection', () => {
    expect(problemsOf({})).toEqual([
      ['empty-selection', "Nothing is selected. Name at least one Apple product or profile, e.g. products: ['iCloud', 'FaceTime'] or profiles: ['managed-mac']."],
    ]);
  });

  test.each([
    ['10.0.0.0/33', "Invalid destination '10.0.0.0/33': the prefix length in '10.0.0.0/33' must be 0-32 for IPv4."],
    ['10.0.0.1', "Invalid destination '10.0.0.1': the CIDR mask is missing in '10.0.0.1'. Did you mean '10.0.0.1/32'?"],
    ['10.1.2.3/16', "Invalid destination '10.1.2.3/16': '10.1.2.3/16' has host bits set. Did you mean '10.1.0.0/16'?"],
    ['corp-proxy', "Invalid destination 'corp-proxy': use 'anywhere', 'apple-network', an IPv4 or IPv6 CIDR, a prefix-list id (pl-…) or a security-group id (sg-…)."],
    ['sg-123', "Invalid destination 'sg-123': a security-group id is 'sg-' and 8 or 17 hex digits, like 'sg-0123456789abcdef0'."],
    // AWS issues 8 or 17 hex digits; 9 to 16 pass a looser pattern and fail at deploy time.
    ['sg-0123456789abc', "Invalid destination 'sg-0123456789abc': a security-group id is 'sg-' and 8 or 17 hex digits, like 'sg-0123456789abcdef0'."],
    ['pl-0123456789', "Invalid destination 'pl-0123456789': a prefix-list id is 'pl-' and 8 or 17 hex digits, like 'pl-0123456789abcdef0'."],
    ['sg-0123456789ABCDEF0', "Invalid destination 'sg-0123456789ABCDEF0': AWS writes security-group ids in lower case. Did you mean 'sg-0123456789abcdef0'?"],
  ])('an invalid destination %s', (destination, message) => {
    expect(problemsOf({ products: ['iCloud'], destinations: [destination] })).toEqual([['invalid-destination', message]]);
  });

  test('an IPv6 CIDR given as IPv4', () => {
    expect(problemsOf({ products: ['iCloud'], destinations: [{ kind: 'ipv4', cidr: '2001:db8::/32' }] })).toEqual([
      ['invalid-destination', "Invalid destination '2001:db8::/32': it is an IPv6 CIDR given as IPv4. Use { kind: 'ipv6', cidr: '2001:db8::/32' }."],
    ]);
  });

  test('ingress without sources', () => {
    expect(problemsOf({ products: ['ScreenSharing'], direction: 'ingress' })).toEqual([
      [
        'ingress-without-sources',
        "Ingress needs sources: name who may connect in, e.g. a bastion security group ('sg-…'), an admin CIDR ('203.0.113.0/24') or a prefix list ('pl-…'). There is no default; 'anywhere' works but warns.",
      ],
    ]);
  });

  test('a product only used outbound, asked for as ingress', () => {
    // The products a Mac hosts, every one of them, in the catalogue's order of names.
    expect(problemsOf({ products: ['iCloud'], direction: 'ingress', destinations: ['10.0.0.0/8'] })).toEqual([
      [
        'direction-unsupported',
        "Apple product 'iCloud' is only used outbound: no Mac accepts inbound connections for it. Select it with direction 'egress', or select a product a Mac hosts: AirPlay, AppleRemoteDesktop, CameraAndScannerSharing, Classroom, FileSharing, iTunesMusicSharing, Kerberos, Messages, NetBIOS, PrinterSharing, Printing, RemoteAppleEvents, ScreenSharing, SSH, Xsan.",
      ],
    ]);
  });

  test.each<[PolicySelection['extraRules'], [string, string][]]>([
    [[{ protocol: 'tcp', fromPort: 70000, description: 'Proxy' }], [
      ['invalid-port', 'extraRules[0]: fromPort 70000 is not a port. Use a whole number from 1 to 65535.'],
      ['invalid-port', 'extraRules[0]: toPort 70000 is not a port. Use a whole number from 1 to 65535.'],
    ]],
    [[{ protocol: 'tcp', fromPort: 0, toPort: 10, description: 'Proxy' }], [['invalid-port', 'extraRules[0]: fromPort 0 is not a port. Use a whole number from 1 to 65535.']]],
    [[{ protocol: 'tcp', fromPort: 8443, toPort: 443, description: 'Proxy' }], [['reversed-port-range', 'extraRules[0]: the port range 8443-443 is reversed. Did you mean fromPort 443, toPort 8443?']]],
    [[{ protocol: 'icmp' as 'tcp', fromPort: 1, description: 'Ping' }], [['invalid-protocol', "extraRules[0]: protocol 'icmp' is not filtered by port. Use 'tcp' or 'udp'."]]],
    [[{ protocol: 'tcp', fromPort: 8080, description: "Bob's proxy & cache" }], [
      ['invalid-description', "extraRules[0]: AWS refuses ''', '&' in rule descriptions ('Bob's proxy & cache'). Use letters, digits, spaces and ._-:/()#,@[]+=;{}!$*."],
    ]],
  ])('an invalid extra rule %#', (extraRules, expected) => {
    expect(problemsOf({ products: ['iCloud'], extraRules })).toEqual(expected);
  });

  test('an extra rule port must be whole, and its description 1 to 100 characters once trimmed', () => {
    const rule = (fromPort: number, description: string) => ({ protocol: 'tcp' as const, fromPort, description });
    expect(problemsOf({ products: ['iCloud'], extraRules: [rule(80.5, 'Proxy')] })).toEqual([
      ['invalid-port', 'extraRules[0]: fromPort 80.5 is not a port. Use a whole number from 1 to 65535.'],
      ['invalid-port', 'extraRules[0]: toPort 80.5 is not a port. Use a whole number from 1 to 65535.'],
    ]);
    const tooLong = 'x'.repeat(101);
    expect(problemsOf({ products: ['iCloud'], extraRules: [rule(8080, tooLong), rule(8081, '   '), rule(8082, '')] })).toEqual([
      ['invalid-description', 'extraRules[0]: the description must be 1-100 characters, saying why the rule exists.'],
      ['invalid-description', 'extraRules[1]: the description must be 1-100 characters, saying why the rule exists.'],
      ['invalid-description', 'extraRules[2]: the description must be 1-100 characters, saying why the rule exists.'],
    ]);
    // 100 characters, and one with spaces around it, are taken; the rule's description keeps the trimmed text.
    const policy = resolve({ products: ['NetworkTime'], extraRules: [rule(8080, 'y'.repeat(100)), rule(8443, ' z ')] });
    expect(policy.rules.filter((r) => r.extra.length > 0).map((r) => [r.fromPort, r.extra])).toEqual([
      [8080, ['y'.repeat(100)]],
      [8443, ['z']],
    ]);
  });

  test('a budget that cannot hold one rule per protocol and peer', () => {
    expect(problemsOf({ products: ['FaceTime'], destinations: ['10.0.0.0/8', '192.168.0.0/16'], maxRules: 3 })).toEqual([
      [
        'budget-too-small',
        'maxRules 3 is too small for the IPv4 rules: this selection needs at least 4 (one per protocol and peer, even with every gap closed). Raise maxRules (within your quota: security groups take 60 rules per direction and family by default, network ACLs 20 entries) or name fewer peers.',
      ],
    ]);
    // AWS counts a rule to a prefix list as its max entries: two protocols to a list of 10 weigh 20.
    expect(problemsOf({ products: ['FaceTime'], destinations: [{ kind: 'prefix-list', id: 'pl-0123456789abcdef0', maxEntries: 10, family: 'ipv4' }], maxRules: 19 })).toEqual([
      [
        'budget-too-small',
        'maxRules 19 is too small for the IPv4 rules: this selection needs at least 20 (one per protocol and peer, even with every gap closed, a rule to a prefix list counted as its max entries). Raise maxRules (within your quota: security groups take 60 rules per direction and family by default, network ACLs 20 entries) or name fewer peers.',
      ],
    ]);
    // One prefix list among other peers is enough for the message to say how lists are counted.
    expect(problemsOf({ products: ['FaceTime'], destinations: [{ kind: 'prefix-list', id: 'pl-0123456789abcdef0', maxEntries: 10, family: 'ipv4' }, '10.0.0.0/8'], maxRules: 21 })).toEqual([
      [
        'budget-too-small',
        'maxRules 21 is too small for the IPv4 rules: this selection needs at least 22 (one per protocol and peer, even with every gap closed, a rule to a prefix list counted as its max entries). Raise maxRules (within your quota: security groups take 60 rules per direction and family by default, network ACLs 20 entries) or name fewer peers.',
      ],
    ]);
    expect(problemsOf({ products: ['FaceTime'], maxRules: 0 })).toEqual([['invalid-budget', 'maxRules 0 is not a rule count. Use a whole number of at least 1.']]);
  });

  test('a selection whose every service is left out', () => {
    expect(problemsOf({ products: ['iTunesRadio'] })).toEqual([
      ['nothing-to-open', 'Every service of the selection was left out (legacy). Set includeLegacy to keep retired services.'],
    ]);
    expect(problemsOf({ products: ['SSH'], exclude: ['ssh'] })).toEqual([['nothing-to-open', 'Every service of the selection was left out (user). Remove them from exclude.']]);
    expect(problemsOf({ products: ['Bonjour'] })).toEqual([
      [
        'nothing-to-open',
        'Every service of the selection was left out (link-local, local-gateway). Set includeLinkLocal to keep link-local multicast and requests to the local gateway.',
      ],
    ]);
    // One reason of the two: the fix names only what it keeps.
    expect(problemsOf({ products: ['HomeSharing'] })).toEqual([['nothing-to-open', 'Every service of the selection was left out (link-local). Set includeLinkLocal to keep link-local multicast.']]);
  });

  test('a selection whose every service is left out says so beside its other problems', () => {
    expect(problemsOf({ products: ['iTunesRadio'], maxRules: 0 })).toEqual([
      ['invalid-budget', 'maxRules 0 is not a rule count. Use a whole number of at least 1.'],
      ['nothing-to-open', 'Every service of the selection was left out (legacy). Set includeLegacy to keep retired services.'],
    ]);
  });

  test('extra rules alone are a selection', () => {
    const policy = resolve({ extraRules: [{ protocol: 'tcp', fromPort: 8443, description: 'Build cache' }] });
    expect(policy.rules.map((r) => [r.protocol, r.fromPort, r.toPort, r.description, r.products, r.extra])).toEqual([['tcp', 8443, 8443, 'Build cache (tcp 8443)', [], ['Build cache']]]);
    expect(problemsOf({ extraRules: [] })).toEqual([['empty-selection', expect.stringMatching(/^Nothing is selected\. Name at least one Apple product or profile, e\.g\. /)]]);
  });

  test('unknown services in exclude, and conflicting profile directions', () => {
    // @ts-expect-error a misspelt name, as JavaScript or a cast could pass it: checked at run time
    expect(problemsOf({ products: ['iCloud'], exclude: ['htps'] })).toEqual([['unknown-service', "exclude: Unknown Apple service 'htps'. Did you mean 'https'?"]]);
    expect(problemsOf({ profiles: ['managed-mac', 'remote-admin-host'], destinations: ['10.0.0.0/8'] })).toEqual([
      ['conflicting-profile-directions', "The profiles 'managed-mac', 'remote-admin-host' are meant for different directions. Set direction to 'egress' or 'ingress'."],
    ]);
  });

  test('an invalid direction, and egress with no destinations', () => {
    expect(problemsOf({ products: ['iCloud'], direction: 'outbound' as 'egress' })).toEqual([['invalid-direction', "Invalid direction 'outbound'. Use 'egress' or 'ingress'."]]);
    expect(problemsOf({ products: ['iCloud'], destinations: [] })).toEqual([
      [
        'empty-destinations',
        "destinations is empty, so nothing could leave. Leave it out for 'anywhere', or name where egress may go: 'apple-network', CIDRs, prefix lists ('pl-…') or security groups ('sg-…').",
      ],
    ]);
  });

  test('appleNetworkPeers without apple-network in destinations', () => {
    expect(problemsOf({ products: ['SSH'], appleNetworkPeers: ['pl-0123456789abcdef0'] })).toEqual([
      ['invalid-destination', "appleNetworkPeers stand for 'apple-network', which destinations does not name, so they would be ignored. Add 'apple-network' to destinations."],
    ]);
  });

  test('a profile used against its direction is one problem, not one per product it brings', () => {
    expect(problemsOf({ profiles: ['managed-mac'], direction: 'ingress', destinations: ['10.0.0.0/8'] }).map(([code]) => code)).toEqual(['profile-direction']);
  });

  test('a profile used against its direction', () => {
    expect(problemsOf({ profiles: ['remote-admin-host'], direction: 'egress' })).toEqual([
      [
        'profile-direction',
        "Profile 'remote-admin-host' is meant for ingress, not egress. Use it with direction 'ingress', or select its products (AppleRemoteDesktop, ScreenSharing, SSH) for egress.",
      ],
    ]);
  });

  test('every problem is reported at once, in one message', () => {
    // @ts-expect-error a misspelt name, as JavaScript or a cast could pass it: checked at run time
    expect(() => resolve({ products: ['FaceTme', 'iCloud'], destinations: ['10.0.0.0/33'], maxRules: -1 })).toThrow(
      [
        'Invalid apple-ports selection (3 problems):',
        "- Unknown Apple product 'FaceTme'. Did you mean 'FaceTime'?",
        '- maxRules -1 is not a rule count. Use a whole number of at least 1.',
        "- Invalid destination '10.0.0.0/33': the prefix length in '10.0.0.0/33' must be 0-32 for IPv4.",
      ].join('\n'),
    );
  });
});

describe('what the resolver refuses around Apple’s network and left-out services', () => {
  test("'apple-network' is no ingress source, and appleNetworkPeers must name other peers", () => {
    expect(problemsOf({ products: ['SSH'], direction: 'ingress', destinations: ['apple-network'] })).toEqual([
      ['invalid-destination', "Invalid destination 'apple-network': it narrows egress to Apple's servers, which never connect in. Name the ingress sources instead."],
    ]);
    const itself = "appleNetworkPeers: name the peers that stand for Apple's network (e.g. a prefix list 'pl-…'), not 'apple-network' itself.";
    expect(problemsOf({ products: ['PushNotifications'], destinations: ['apple-network'], appleNetworkPeers: ['apple-network'] })).toEqual([['invalid-destination', itself]]);
    expect(problemsOf({ products: ['PushNotifications'], destinations: ['apple-network'], appleNetworkPeers: [] })).toEqual([['invalid-destination', itself]]);
    expect(problemsOf({ products: ['PushNotifications'], destinations: ['apple-network'], appleNetworkPeers: ['bogus'] })).toEqual([
      ['invalid-destination', "appleNetworkPeers: Invalid destination 'bogus': use 'anywhere', 'apple-network', an IPv4 or IPv6 CIDR, a prefix-list id (pl-…) or a security-group id (sg-…)."],
      ['invalid-destination', itself],
    ]);
  });

  test('every reason services were left out is named with its fix, once, and not beside the names that are unknown', () => {
    // Messages hosts one service; excluding it leaves the outbound-only ones, which ingress drops.
    expect(problemsOf({ products: ['Messages'], direction: 'ingress', destinations: ['10.0.0.0/8'], exclude: ['messages-local'] })).toEqual([
      ['nothing-to-open', "Every service of the selection was left out (direction, user). Use direction 'egress', or select products a Mac hosts. Remove them from exclude."],
    ]);
    // @ts-expect-error a misspelt name, as JavaScript or a cast could pass it: checked at run time
    expect(problemsOf({ products: ['FaceTme', 'iTunesRadio'] })).toEqual([['unknown-product', "Unknown Apple product 'FaceTme'. Did you mean 'FaceTime'?"]]);
    // An extra rule is something to open, even when every product's services are left out.
    expect(resolve({ products: ['iTunesRadio'], extraRules: [{ protocol: 'tcp', fromPort: 8080, description: 'Proxy' }] }).rules.map((r) => r.description)).toEqual(['Proxy (tcp 8080)']);
  });
});
