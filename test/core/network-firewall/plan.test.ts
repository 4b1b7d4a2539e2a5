import { ApplePortsError, products, profiles, resolve } from '../../../lib/core';
import { hostGroups } from '../../../lib/core/catalogue';
import { DEFAULT_SID_BASE, FIREWALL_LIMITATIONS, formatSuricataRule, NETWORK_FIREWALL_KEYWORDS_SOURCE, NETWORK_FIREWALL_RULE_KEYWORDS, planDomainListRules, planFirewallRules, quoteRuleText, type FirewallRuleGroupPlan, type FirewallSelection } from '../../../lib/core/network-firewall';
import { parseSuricataRule, unquote, type ParsedRule } from './suricata-rule-parser';
import { thrown } from '../../thrown';

/** The name a TLS SNI or HTTP Host rule matches: `.push.apple.com` for a wildcard. */
const matched = (plan: FirewallRuleGroupPlan, kind: 'tls-sni' | 'http-host') =>
  plan.rules.filter((r) => r.kind === kind).map((r) => unquote(parseSuricataRule(r.text).options.find((o) => o.keyword === 'content')!.value!));

const portRules = (plan: FirewallRuleGroupPlan) => plan.rules.filter((r) => r.kind === 'port').map((r) => r.text);

describe('planFirewallRules: golden rule groups', () => {
  test('PushNotifications', () => {
    const plan = planFirewallRules({ products: ['PushNotifications'] });
    expect(plan.rulesString.split('\n')).toEqual([
      'pass tcp $HOME_NET any <> $EXTERNAL_NET 443 (flow:not_established; msg:"Apple Push Notification service: TCP handshake for TLS SNI rules (tcp 443)"; sid:1000000; rev:1;)',
      'pass tcp $HOME_NET any <> $EXTERNAL_NET 80 (flow:not_established; msg:"Apple Push Notification service: TCP handshake for HTTP Host rules (tcp 80)"; sid:1000001; rev:1;)',
      'pass tls $HOME_NET any -> $EXTERNAL_NET 443 (ssl_state:client_hello; tls.sni; dotprefix; content:".push.apple.com"; nocase; endswith; msg:"Apple Push Notification service: TLS SNI *.push.apple.com (tcp 443)"; flow:to_server, established; sid:1000002; rev:1;)',
      'pass http $HOME_NET any -> $EXTERNAL_NET 80 (http.host; dotprefix; content:".push.apple.com"; endswith; msg:"Apple Push Notification service: HTTP Host *.push.apple.com (tcp 80)"; flow:to_server, established; sid:1000003; rev:1;)',
      'pass tcp $HOME_NET any -> 17.0.0.0/8 2197 (msg:"Apple Push Notification service: APNs provider (tcp 2197)"; sid:1000004; rev:1;)',
      'pass tcp $HOME_NET any -> 17.0.0.0/8 5223 (msg:"Apple Push Notification service: APNs (tcp 5223)"; sid:1000005; rev:1;)',
    ]);
    expect([plan.requiredCapacity, plan.capacity, plan.ruleOrder]).toEqual([6, 100, 'STRICT_ORDER']);
    expect(plan.rules.map((r) => r.kind)).toEqual(['tcp-handshake', 'tcp-handshake', 'tls-sni', 'http-host', 'port', 'port']);
    expect(plan.rules.filter((r) => r.kind === 'port').map((r) => r.services)).toEqual([['apns-provider'], ['apns']]);
    expect(plan.notices).toEqual([
      {
        code: 'ports-beyond-port-table',
        message:
          "Apple's enterprise-network article lists *.push.apple.com on tcp 80 for PushNotifications, but its port table does not list that port for it: this rule group allows those hosts by name, while security groups from resolve() leave the port closed.",
        hosts: ['*.push.apple.com'],
        products: ['PushNotifications'],
      },
    ]);
    expect(plan.homeNet).toBeUndefined();
  });

  test('iCloud + FaceTime: one rule per host, exact names anchored, covered names folded into their wildcard', () => {
    const plan = planFirewallRules({ products: ['iCloud', 'FaceTime'] });
    expect(matched(plan, 'tls-sni')).toEqual([
      '.icloud.com.cn',
      'appleid.apple.com',
      '.gc.apple.com',
      'gsa.apple.com',
      '.icloud.apple.com',
      'idmsa.apple.com',
      '.iwork.apple.com',
      '.push.apple.com',
      '.apple-cloudkit.com',
      '.apple-livephotoskit.com',
      '.apzones.com',
      '.cdn-apple.com',
      '.icloud.com',
      '.icloud-content.com',
    ]);
    expect(matched(plan, 'http-host')).toEqual(['.push.apple.com']);
    expect(plan.covered).toEqual([
      { host: 'appleid.cdn-apple.com', kind: 'tls-sni', coveredBy: '*.cdn-apple.com' },
      { host: 'mask-api.icloud.com', kind: 'tls-sni', coveredBy: '*.icloud.com' },
      { host: 'mask-h2.icloud.com', kind: 'tls-sni', coveredBy: '*.icloud.com' },
    ]);
    expect(plan.rules.find((r) => r.hosts.includes('appleid.cdn-apple.com'))!.hosts).toEqual(['*.cdn-apple.com', 'appleid.cdn-apple.com']);
    expect(plan.rules.find((r) => r.kind === 'tls-sni' && r.hosts.includes('gsa.apple.com'))!.text).toBe(
      'pass tls $HOME_NET any -> $EXTERNAL_NET 443 (ssl_state:client_hello; tls.sni; content:"gsa.apple.com"; startswith; nocase; endswith; msg:"iCloud: TLS SNI gsa.apple.com (tcp 443)"; flow:to_server, established; sid:1000005; rev:1;)',
    );
    expect(plan.rules.find((r) => r.kind === 'tls-sni' && r.hosts.includes('*.push.apple.com'))!.products).toEqual(['FaceTime', 'iCloud']);
    expect(portRules(plan)).toEqual([
      'pass tcp $HOME_NET any -> 17.0.0.0/8 5223 (msg:"FaceTime, iCloud: APNs (tcp 5223)"; sid:1000017; rev:1;)',
      'pass udp $HOME_NET any -> $EXTERNAL_NET 3478:3497 (msg:"FaceTime: STUN/TURN (udp 3478-3497)"; sid:1000018; rev:1;)',
      'pass udp $HOME_NET any -> $EXTERNAL_NET 16384:16387 (msg:"FaceTime: RTP/RTCP (udp 16384-16387)"; sid:1000019; rev:1;)',
      'pass udp $HOME_NET any -> $EXTERNAL_NET 16393:16402 (msg:"FaceTime: RTP/RTCP (udp 16393-16402)"; sid:1000020; rev:1;)',
    ]);
    expect([plan.requiredCapacity, plan.capacity]).toEqual([21, 100]);
    expect(plan.notices.map((n) => [n.code, n.hosts])).toEqual([
      ['quic-not-matched', ['mask.icloud.com']],
      ['host-ports-not-opened', ['*.push.apple.com']],
    ]);
    expect(plan.notices[1]!.message).toBe(
      "Apple lists *.push.apple.com on tcp 2197, which the selected products' port-table services do not use, so no rule opens it. Select the product that uses it, or add an extra rule.",
    );
  });

  test('SoftwareUpdate: TLS and HTTP names only, and the port-table difference reported', () => {
    const plan = planFirewallRules({ products: ['SoftwareUpdate'] });
    expect(matched(plan, 'tls-sni')).toEqual([
      'configuration.apple.com',
      'gdmf.apple.com',
      'gg.apple.com',
      'gs.apple.com',
      'ig.apple.com',
      'ns.itunes.apple.com',
      'mesu.apple.com',
      'oscdn.apple.com',
      'osrecovery.apple.com',
      'skl.apple.com',
      'swcdn.apple.com',
      'swdist.apple.com',
      'swdownload.apple.com',
      'swscan.apple.com',
      'xp.apple.com',
      'updates.cdn-apple.com',
    ]);
    expect(matched(plan, 'http-host')).toEqual([
      'appldnld.apple.com',
      'gg.apple.com',
      'gs.apple.com',
      'mesu.apple.com',
      'oscdn.apple.com',
      'osrecovery.apple.com',
      'swcdn.apple.com',
      'swdownload.apple.com',
      'updates-http.cdn-apple.com',
    ]);
    expect(plan.rules.find((r) => r.kind === 'http-host')!.text).toBe(
      'pass http $HOME_NET any -> $EXTERNAL_NET 80 (http.host; content:"appldnld.apple.com"; startswith; endswith; msg:"Software Update: HTTP Host appldnld.apple.com (tcp 80)"; flow:to_server, established; sid:1000018; rev:1;)',
    );
    expect(portRules(plan)).toEqual([]);
    expect([plan.requiredCapacity, plan.capacity]).toEqual([2 + 16 + 9, 100]);
    // The catalogue gives Software Update its download hosts' tcp 80, so both articles agree.
    expect(plan.notices).toEqual([]);
  });

  test('host groups alone give name rules and no port rules', () => {
    const plan = planFirewallRules({ hostGroups: ['certificate-validation'] });
    expect(plan.policy).toBeUndefined();
    expect(plan.rules.map((r) => r.kind)).toEqual(['tcp-handshake', 'tcp-handshake', ...Array(3).fill('tls-sni'), ...Array(9).fill('http-host')]);
    expect(plan.rules[0]!.text).toContain('msg:"certificate-validation: TCP handshake for TLS SNI rules (tcp 443)"');
  });
});

describe('planFirewallRules: port rules follow the resolver', () => {
  test('ipv6 adds the APNs IPv6 subnets to the rules bound for Apple’s network, as one address group', () => {
    const plan = planFirewallRules({ products: ['PushNotifications'], ipv6: true });
    expect(portRules(plan)).toEqual([
      'pass tcp $HOME_NET any -> [17.0.0.0/8,2403:300:a42::/48,2403:300:a51::/48,2620:149:a44::/48,2a01:b740:a42::/48] 2197 (msg:"Apple Push Notification service: APNs provider (tcp 2197)"; sid:1000004; rev:1;)',
      'pass tcp $HOME_NET any -> [17.0.0.0/8,2403:300:a42::/48,2403:300:a51::/48,2620:149:a44::/48,2a01:b740:a42::/48] 5223 (msg:"Apple Push Notification service: APNs (tcp 5223)"; sid:1000005; rev:1;)',
    ]);
  });

  test('the port rules are exactly the resolver’s non-web rules for the same selection', () => {
    const selection: FirewallSelection = { products: ['FaceTime', 'Messages', 'GameCenter', 'NetworkTime'] };
    const policy = resolve({ ...selection, destinations: ['apple-network'] });
    const expected = policy.rules.filter((r) => !(r.services.length > 0 && r.services.every((s) => s === 'http' || s === 'https')));
    const plan = planFirewallRules(selection);
    expect(plan.policy).toEqual(policy);
    expect(plan.rules.filter((r) => r.kind === 'port').map((r) => [parseSuricataRule(r.text).protocol, parseSuricataRule(r.text).destinationPort])).toEqual(
      expected.map((r) => [r.protocol, r.fromPort === r.toPort ? `${r.fromPort}` : `${r.fromPort}:${r.toPort}`]),
    );
  });

  test('CIDR destinations are written into the rules; Apple’s network stays for APNs', () => {
    const plan = planFirewallRules({ products: ['FaceTime'], destinations: ['10.0.0.0/8', 'apple-network'] });
    expect(portRules(plan).map((text) => `${parseSuricataRule(text).destination} ${parseSuricataRule(text).destinationPort}`)).toEqual([
      '17.0.0.0/8 5223',
      '10.0.0.0/8 3478:3497',
      '10.0.0.0/8 16384:16387',
      '10.0.0.0/8 16393:16402',
    ]);
  });

  test('extra rules become port rules, their text escaped in msg; exclude removes a service', () => {
    const plan = planFirewallRules({ products: ['PushNotifications'], extraRules: [{ protocol: 'tcp', fromPort: 8080, description: 'Proxy; corp' }], exclude: ['apns-provider'] });
    expect(portRules(plan)).toEqual([
      'pass tcp $HOME_NET any -> 17.0.0.0/8 5223 (msg:"Apple Push Notification service: APNs (tcp 5223)"; sid:1000004; rev:1;)',
      'pass tcp $HOME_NET any -> $EXTERNAL_NET 8080 (msg:"Proxy\\; corp (tcp 8080)"; sid:1000005; rev:1;)',
    ]);
    expect(unquote(parseSuricataRule(portRules(plan)[1]!).options[0]!.value!)).toBe('Proxy; corp (tcp 8080)');
  });

  test('excluding http leaves the HTTP Host rules out with the port', () => {
    const plan = planFirewallRules({ products: ['SoftwareUpdate'], exclude: ['http'] });
    expect(new Set(plan.rules.map((r) => r.kind))).toEqual(new Set(['tcp-handshake', 'tls-sni']));
    expect(plan.rules.filter((r) => r.kind === 'tcp-handshake').map((r) => parseSuricataRule(r.text).destinationPort)).toEqual(['443']);
    expect(plan.notices.map((n) => [n.code, n.hosts.length])).toEqual([['host-ports-not-opened', 9]]);
    expect(plan.notices[0]!.message).toMatch(/^Apple lists appldnld\.apple\.com, .* on tcp 80, which/);
  });

  test('products Apple lists no hosts for are reported, their web ports named', () => {
    const plan = planFirewallRules({ products: ['Maps', 'SoftwareUpdate'] });
    expect(plan.notices.find((n) => n.code === 'products-without-hosts')).toEqual({
      code: 'products-without-hosts',
      message: "Apple's enterprise-network article lists no hosts for Maps, so their tcp 80, tcp 443 traffic gets no rule here. Allow it in a rule group of your own if they need it.",
      hosts: [],
      products: ['Maps'],
    });
  });

  test('a host on a port no selected service opens is reported: the SFTP upload host of Apple School Manager', () => {
    const plan = planFirewallRules({ products: ['ASM'] });
    expect(plan.notices).toEqual([
      {
        code: 'host-ports-not-opened',
        message:
          "Apple lists upload.appleschoolcontent.com on tcp 22, which the selected products' port-table services do not use, so no rule opens it. Select the product that uses it, or add an extra rule.",
        hosts: ['upload.appleschoolcontent.com'],
        products: ['AppleSchoolManager'],
      },
    ]);
    expect(planFirewallRules({ products: ['ASM', 'SSH'] }).notices).toEqual([]);
  });
});

describe('planFirewallRules: ids, capacity, HOME_NET', () => {
  test('sids are unique, consecutive from sidBase, and independent of the selection’s order', () => {
    const a = planFirewallRules({ products: ['iCloud', 'FaceTime', 'SoftwareUpdate'], hostGroups: ['content-caching'] });
    // @ts-expect-error another case than the catalogue's, as JavaScript or a cast could pass it: matched at run time
    const b = planFirewallRules({ products: ['softwareupdate', 'FaceTime', 'iCloud'], hostGroups: ['content-caching'] });
    expect(b.rulesString).toBe(a.rulesString);
    const sids = a.rules.map((r) => r.sid);
    expect(new Set(sids).size).toBe(sids.length);
    expect(sids).toEqual(a.rules.map((_, i) => DEFAULT_SID_BASE + i));
    const shifted = planFirewallRules({ products: ['iCloud', 'FaceTime', 'SoftwareUpdate'], hostGroups: ['content-caching'] }, { sidBase: 42 });
    expect(shifted.rules.map((r) => r.sid)).toEqual(a.rules.map((_, i) => 42 + i));
    expect(shifted.rules.map((r) => r.text.replace(/sid:\d+/, ''))).toEqual(a.rules.map((r) => r.text.replace(/sid:\d+/, '')));
  });

  test('capacity is one per rule, as AWS counts a stateful rule group, unless more is reserved', () => {
    const plan = planFirewallRules({ products: ['PushNotifications'] }, { capacity: 100 });
    expect([plan.requiredCapacity, plan.capacity]).toEqual([plan.rules.length, 100]);
    expect(plan.rulesString.split('\n')).toHaveLength(plan.requiredCapacity);
  });

  test('homeNet is carried for the rule group’s HOME_NET variable, tokens unchecked', () => {
    expect(planFirewallRules({ products: ['PushNotifications'] }, { homeNet: ['10.1.0.0/16', '10.2.0.0/16'] }).homeNet).toEqual(['10.1.0.0/16', '10.2.0.0/16']);
    const token = '${Token[TOKEN.12]}';
    expect(planFirewallRules({ products: ['PushNotifications'] }, { homeNet: [token], isUnresolved: (v) => v.startsWith('${Token') }).homeNet).toEqual([token]);
  });
});

describe('planFirewallRules: every rule uses only what AWS documents', () => {
  const selections: FirewallSelection[] = [
    ...products.map((p) => ({ products: [p.id], includeLegacy: true })),
    ...profiles.filter((p) => p.direction === 'egress').map((p) => ({ profiles: [p.id], ipv6: true })),
    ...hostGroups.map((g) => ({ hostGroups: [g.id] })),
    { products: products.map((p) => p.id), hostGroups: hostGroups.map((g) => g.id), ipv6: true },
  ];
  const plans = selections.flatMap((selection) => {
    try {
      return [planFirewallRules(selection)];
    } catch (error) {
      // Ingress-only and web-only products Apple lists no hosts for have no rule group.
      if (error instanceof ApplePortsError && error.problems.every((p) => ['nothing-to-open', 'invalid-direction'].includes(p.code))) {
        return [];
      }
      throw error;
    }
  });
  const rules: ParsedRule[] = plans.flatMap((plan) => plan.rules.map((r) => parseSuricataRule(r.text)));

  test('the selections cover every product, egress profile and host group', () => {
    expect(plans.length).toBeGreaterThan(hostGroups.length + 30);
    expect(new Set(plans.flatMap((p) => p.rules.map((r) => r.kind)))).toEqual(new Set(['tcp-handshake', 'tls-sni', 'http-host', 'port']));
    expect(rules.length).toBeGreaterThan(500);
  });

  test('every rule parses, passes from HOME_NET, and has a quoted msg, a sid and rev 1', () => {
    for (const rule of rules) {
      const option = (keyword: string) => rule.options.filter((o) => o.keyword === keyword);
      expect([rule.action, rule.source, rule.sourcePort]).toEqual(['pass', '$HOME_NET', 'any']);
      expect(['tcp', 'udp', 'tls', 'http']).toContain(rule.protocol);
      expect(rule.destination).toMatch(/^(\$EXTERNAL_NET|[0-9a-f.:/]+|\[[0-9a-f.:/,]+\])$/);
      expect(rule.destinationPort).toMatch(/^\d+(:\d+)?$/);
      expect(option('msg')).toHaveLength(1);
      expect(unquote(option('msg')[0]!.value!).length).toBeGreaterThan(0);
      expect(option('sid')).toHaveLength(1);
      expect(option('sid')[0]!.value).toMatch(/^\d+$/);
      expect(option('rev')).toEqual([{ keyword: 'rev', value: '1' }]);
    }
  });

  test('every keyword is one AWS documents for Network Firewall, with the values AWS uses, and each is written', () => {
    const used = new Set<string>(rules.flatMap((r) => r.options.map((o) => o.keyword)));
    const undocumented = [...used].filter((k) => !(NETWORK_FIREWALL_RULE_KEYWORDS as readonly string[]).includes(k));
    expect(undocumented.map((k) => `${k} is not among the keywords of ${NETWORK_FIREWALL_KEYWORDS_SOURCE}`)).toEqual([]);
    // No keyword is listed that no rule writes: the list is exactly what the planner writes.
    expect([...used].sort()).toEqual([...NETWORK_FIREWALL_RULE_KEYWORDS].sort());
    const values = (keyword: string) => [...new Set(rules.flatMap((r) => r.options.filter((o) => o.keyword === keyword).map((o) => o.value)))].sort();
    expect(values('flow')).toEqual(['not_established', 'to_server, established']);
    expect(values('ssl_state')).toEqual(['client_hello']);
    expect(values('dotprefix')).toEqual([undefined]);
  });

  test('a name match always follows its buffer, and content is a lower-case host', () => {
    for (const rule of rules.filter((r) => r.protocol === 'tls' || r.protocol === 'http')) {
      const keywords = rule.options.map((o) => o.keyword);
      const buffer = rule.protocol === 'tls' ? 'tls.sni' : 'http.host';
      const contents = rule.options.filter((o) => o.keyword === 'content');
      expect(contents).toHaveLength(1);
      const host = unquote(contents[0]!.value!);
      expect(host).toMatch(/^\.?[a-z0-9.-]+$/);
      // The sticky buffer, then `dotprefix` for a domain and its subdomains, then the match.
      const match = host.startsWith('.') ? [buffer, 'dotprefix', 'content'] : [buffer, 'content'];
      expect(keywords.filter((k) => k === buffer)).toEqual([buffer]);
      expect(keywords.slice(keywords.indexOf(buffer), keywords.indexOf(buffer) + match.length)).toEqual(match);
    }
  });

  test('sids are unique within each rule group', () => {
    for (const plan of plans) {
      expect(new Set(plan.rules.map((r) => r.sid)).size).toBe(plan.rules.length);
    }
  });
});

describe('planFirewallRules errors', () => {
  test('an unknown product fails exactly as resolve fails', () => {
    // @ts-expect-error a misspelt name, as JavaScript or a cast could pass it: checked at run time
    const ours = thrown(() => planFirewallRules({ products: ['iCloudd'] }));
    // @ts-expect-error a misspelt name, as JavaScript or a cast could pass it: checked at run time
    expect(ours.message).toBe(thrown(() => resolve({ products: ['iCloudd'] })).message);
    expect(ours.problems.map((p) => p.code)).toEqual(['unknown-product']);
  });

  test('an ingress profile is refused with the way out', () => {
    expect(() => planFirewallRules({ profiles: ['remote-admin-host'] })).toThrow(
      "Profile 'remote-admin-host' is meant for ingress, but the rule group allows the Apple devices' outbound traffic. Select egress products or profiles, and control ingress with security groups.",
    );
  });

  test('a prefix-list destination cannot be written into a rules string, reported once', () => {
    expect(thrown(() => planFirewallRules({ products: ['PushNotifications'], destinations: ['pl-0123456789abcdef0'] })).problems).toEqual([
      {
        code: 'invalid-destination',
        message: "Invalid destination 'pl-0123456789abcdef0': a Network Firewall rules string takes CIDRs, not prefix lists. Use 'anywhere', 'apple-network' or CIDRs.",
      },
    ]);
  });

  test('a selection with nothing to allow says why, as every output built from hosts does', () => {
    expect(thrown(() => planFirewallRules({ products: ['Maps'] })).problems).toEqual([
      {
        code: 'nothing-to-open',
        message: "Apple's enterprise-network article lists no hosts for Maps, so the rule group would have no rules: they need no traffic besides HTTP and HTTPS. Select products or host groups Apple lists hosts for, e.g. products: ['iCloud'] or hostGroups: ['certificate-validation'].",
      },
    ]);
    expect(thrown(() => planFirewallRules({ hostGroups: ['device-setup'], platforms: ['watchOS'] })).problems).toEqual([
      {
        code: 'nothing-to-open',
        message: 'Apple limits every host of the selection to systems other than watchOS, so the rule group would have no rules: they need no traffic besides HTTP and HTTPS. Add the systems the devices run to platforms, or leave platforms out for all.',
      },
    ]);
    expect(thrown(() => planFirewallRules({ hostGroups: ['icloud'], exclude: ['https', 'http'] })).message).toBe(
      "The selection gives the rule group no rules: exclude leaves out the HTTP and HTTPS rules of its hosts, and it needs no other traffic. Keep 'http' or 'https' out of exclude.",
    );
    expect(thrown(() => planDomainListRules({ products: ['NetworkTime'] })).message).toBe(
      "The selection gives the domain list no targets: Apple's enterprise-network article lists no HTTP or HTTPS hosts for it. Select products or host groups Apple lists HTTP or HTTPS hosts for.",
    );
  });

  test('bad options are all reported together, with the fix', () => {
    expect(thrown(() => planFirewallRules({ products: ['PushNotifications'] }, { sidBase: 0, capacity: 2.5, homeNet: ['10.0.0.0/33'] })).problems).toEqual([
      { code: 'invalid-firewall-option', message: 'sidBase 0 is not a signature id. Use a whole number from 1 to 4294967295.' },
      { code: 'invalid-capacity', message: 'capacity 2.5 is not a rule-group capacity. Use a whole number from 1 to 30000, at least what the rules need, or leave it out.' },
      { code: 'invalid-firewall-option', message: expect.stringMatching(/^homeNet: '10\.0\.0\.0\/33' is not a CIDR: /) },
    ]);
    expect(() => planFirewallRules({ products: ['PushNotifications'] }, { homeNet: [] })).toThrow(/^homeNet is empty\./);
  });

  test('a capacity below the rule count, or sids past the 32-bit limit, are refused', () => {
    expect(() => planFirewallRules({ products: ['PushNotifications'] }, { capacity: 5 })).toThrow('capacity 5 is below the 6 this selection needs. Use at least 6 (100 leaves room to grow), or leave it out; a deployed rule group cannot grow in place, so a new capacity replaces it.');
    expect(() => planFirewallRules({ products: ['PushNotifications'] }, { sidBase: 4294967291 })).toThrow(
      'sidBase 4294967291 leaves no room for 6 rules: the last sid would be 4294967296, above 4294967295. Use a smaller sidBase.',
    );
    expect(planFirewallRules({ products: ['PushNotifications'] }, { sidBase: 4294967290 }).rules.at(-1)!.sid).toBe(4294967295);
  });
});

describe('limitations and rule text', () => {
  test('what a rule group cannot do is data, each with its source', () => {
    expect(FIREWALL_LIMITATIONS.map((l) => l.code)).toEqual(['quic', 'sni-required', 'no-tls-interception', 'home-net', 'default-action', 'unlisted-hosts']);
    expect(FIREWALL_LIMITATIONS.every((l) => l.source.startsWith('https://'))).toBe(true);
    expect(planFirewallRules({ products: ['PushNotifications'] }).limitations).toBe(FIREWALL_LIMITATIONS);
  });

  test('quoted text escapes what Suricata needs escaped, and the parser reads it back', () => {
    expect(quoteRuleText('a "b"; c\\d')).toBe('"a \\"b\\"\\; c\\\\d"');
    const text = formatSuricataRule({
      action: 'pass',
      protocol: 'tcp',
      source: '$HOME_NET',
      sourcePort: 'any',
      direction: '->',
      destination: '[17.0.0.0/8,2620:149:a44::/48]',
      destinationPort: '5223',
      options: [
        { keyword: 'msg', value: quoteRuleText('a "b"; c') },
        { keyword: 'sid', value: '7' },
      ],
    });
    expect(parseSuricataRule(text)).toEqual({
      action: 'pass',
      protocol: 'tcp',
      source: '$HOME_NET',
      sourcePort: 'any',
      direction: '->',
      destination: '[17.0.0.0/8,2620:149:a44::/48]',
      destinationPort: '5223',
      options: [
        { keyword: 'msg', value: '"a \\"b\\"\\; c"' },
        { keyword: 'sid', value: '7' },
      ],
    });
    expect(() => parseSuricataRule('pass tcp any any -> any any (sid:1)')).toThrow(/option not terminated/);
    expect(() => parseSuricataRule('pass tcp any -> any any (sid:1;)')).toThrow(/not a Suricata rule/);
  });
});
