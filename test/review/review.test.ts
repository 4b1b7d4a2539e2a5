import { getHostGroup, renderReview, resolve, reviewPolicy, type PolicySelection, type ResolvedPolicy } from '../../lib';

const iCloudFaceTime = resolve({ products: ['iCloud', 'FaceTime'] });
const pushAndBonjour = resolve({ products: ['PushNotifications', 'Bonjour'] });
const budgeted = resolve({ products: ['FaceTime'], maxRules: 5 });
const adminIngress = resolve({ profiles: ['remote-admin-host'], destinations: ['sg-0123456789abcdef0'] });

/** The Markdown rule rows for a protocol and port range, e.g. ('tcp', '80'). */
function markdownRows(markdown: string, protocol: string, ports: string): string[] {
  return markdown.split('\n').filter((line) => line.includes(` | ${protocol} | ${ports} | `));
}

describe('renderReview as Markdown', () => {
  test('each rule says its direction, protocol, ports, peer, products, services, protocol name and RFC', () => {
    const markdown = renderReview(iCloudFaceTime);
    expect(markdownRows(markdown, 'tcp', '80')).toEqual([
      '| egress | tcp | 80 | 0.0.0.0/0 | FaceTime, iCloud → http: Hypertext Transfer Protocol (HTTP), RFC 9110 (Apple cites RFC 2616) |',
    ]);
    expect(markdownRows(markdown, 'udp', '3478-3497')).toEqual(['| egress | udp | 3478-3497 | 0.0.0.0/0 | FaceTime → facetime-nat-traversal: STUN/TURN, RFC 8489 |']);
    expect(markdown.split('\n').filter((line) => line.startsWith('| egress |'))).toHaveLength(6);
    expect(markdown).toContain('## Rules (6)\n');
    expect(markdown).toContain('- **Products**: FaceTime, iCloud\n');
    expect(markdown).toMatchSnapshot();
  });

  test('a rule that serves several services explains each on its own line, in port order', () => {
    const markdown = renderReview(resolve({ products: ['Messages', 'FaceTime'] }));
    const row = markdown.split('\n').find((line) => line.includes('| 16384-16403 |'));
    expect(row?.split(' | ')[4].split('<br>')).toEqual([
      'FaceTime → facetime-rtp: Real-Time Transport Protocol (RTP), Real-Time Control Protocol (RTCP), RFC 3550',
      'Messages → messages-rtp: Real-Time Transport Protocol (RTP), Real-Time Control Protocol (RTCP), RFC 3550',
      'FaceTime → facetime-rtp-extended: Real-Time Transport Protocol (RTP), Real-Time Control Protocol (RTCP), RFC 3550 |',
    ]);
  });

  test('what was left out says why: retired with the date, link-local, the local gateway, and the setting that keeps it', () => {
    const markdown = renderReview(pushAndBonjour);
    expect(markdown).toContain('## Left out (6)\n');
    expect(markdown).toContain(
      '| apns-legacy-provider: Apple Push Notification service (APNs) | tcp 2195 | Apple Push Notification service (PushNotifications) | retired by Apple: APNs legacy provider on 2021-03-31; set includeLegacy to keep it |',
    );
    expect(markdown).toContain('| mdns: Multicast DNS (MDNS) | udp 5353 | Bonjour | link-local multicast, which never crosses a VPC; set includeLinkLocal to keep it |');
    expect(markdown).toContain(
      '| nat-pmp: NAT Port Mapping Protocol | udp 5351 | Bonjour | sent to the local gateway, which in a VPC is the VPC router and does not answer it; set includeLinkLocal to keep it |',
    );
    expect(markdown).toMatchSnapshot();
  });

  test('a retired product is named with its own retirement date', () => {
    const review = reviewPolicy(resolve({ products: ['PhotoStream', 'iCloud'] }));
    expect(review.excluded).toEqual([]);
    const onlyRetired = reviewPolicy(resolve({ products: ['XcodeServer'], includeLegacy: false, extraRules: [{ protocol: 'tcp', fromPort: 8443, description: 'Build cache' }] }));
    const svn = onlyRetired.excluded.find((e) => e.service.id === 'svn');
    expect(svn).toMatchObject({
      reason: 'legacy',
      retired: [
        { id: 'svn', name: 'Subversion', date: '2022-09-12' },
        { id: 'XcodeServer', name: 'Xcode Server', date: '2022-09-12' },
      ],
      why: 'retired by Apple: Subversion on 2022-09-12, Xcode Server on 2022-09-12; set includeLegacy to keep it',
    });
  });

  test('services left out by direction and by exclude are listed with their reasons', () => {
    const ingress = reviewPolicy(resolve({ products: ['Messages'], direction: 'ingress', destinations: ['10.0.0.0/8'] }));
    expect(ingress.excluded.map((e) => [e.service.id, e.reason, e.why])).toEqual([
      ['http', 'direction', 'the devices only use it outbound, so ingress rules would not serve it'],
      ['https', 'direction', 'the devices only use it outbound, so ingress rules would not serve it'],
      ['apns', 'direction', 'the devices only use it outbound, so ingress rules would not serve it'],
      ['messages-rtp', 'direction', 'the devices only use it outbound, so ingress rules would not serve it'],
    ]);
    const excluded = reviewPolicy(resolve({ products: ['FaceTime'], exclude: ['facetime-rtp'] }));
    expect(excluded.excluded).toEqual([
      {
        service: { id: 'facetime-rtp', name: 'Real-Time Transport Protocol (RTP), Real-Time Control Protocol (RTCP)', rfc: 3550, appleRfc: null, ianaName: 'connected' },
        ports: [{ protocol: 'udp', fromPort: 16384, toPort: 16387 }],
        reason: 'user',
        products: [{ id: 'FaceTime', name: 'FaceTime' }],
        retired: [],
        why: 'left out by exclude',
      },
    ]);
  });

  test('ports widened by the rule budget are listed with their count, in the rule and in their own section', () => {
    const markdown = renderReview(budgeted);
    expect(markdown).toContain('maxRules 5 per address family: 5 ports are opened beyond the selection, by closing the smallest gaps between rules.');
    expect(markdown).toContain('| udp | 16388-16392 | 0.0.0.0/0 | 5 |');
    expect(markdownRows(markdown, 'udp', '16384-16402')).toEqual([
      '| egress | udp | 16384-16402 | 0.0.0.0/0 | FaceTime → facetime-rtp: Real-Time Transport Protocol (RTP), Real-Time Control Protocol (RTCP), RFC 3550<br>FaceTime → facetime-rtp-extended: Real-Time Transport Protocol (RTP), Real-Time Control Protocol (RTCP), RFC 3550<br>widened to fit maxRules 5: 16388-16392 (5 ports no selected service needs) |',
    ]);
    expect(markdown).toMatchSnapshot();
  });

  test('without a budget the section says so, and with a budget that fits it says nothing was widened', () => {
    expect(renderReview(iCloudFaceTime)).toContain('## Rule budget\n\nNo rule budget (maxRules) is set: every rule opens only ports the selection needs.\n');
    expect(renderReview(resolve({ products: ['FaceTime'], maxRules: 60 }))).toContain('maxRules 60 per address family: the rules fit without opening extra ports.');
  });

  test('rule counts are set against the security-group and network ACL quotas, per address family', () => {
    const markdown = renderReview(resolve({ products: ['FaceTime'], ipv6: true }));
    expect(markdown).toContain('| Security-group egress rules | 6 | 6 | 60 | yes |');
    expect(markdown).toContain('| Network ACL outbound entries (allows and ICMP for Path MTU Discovery), default deny included | 8 | 8 | 20 | yes |');
    expect(markdown).toContain('| Network ACL inbound entries (return traffic and ICMP for Path MTU Discovery), default deny included | 4 | 4 | 20 | yes |');
  });

  test('a policy over the quotas says so', () => {
    const cidrs = Array.from({ length: 11 }, (_, i) => `10.${i}.0.0/16`);
    const review = reviewPolicy(resolve({ products: ['FaceTime'], destinations: cidrs }));
    expect(review.quotas.securityGroupRules).toEqual({ ipv4: 66, ipv6: 0, limit: 60, withinLimit: false });
    expect(review.quotas.networkAclEntries).toEqual({
      outbound: { ipv4: 68, ipv6: 0, limit: 20, withinLimit: false },
      inbound: { ipv4: 24, ipv6: 0, limit: 20, withinLimit: false },
    });
    expect(renderReview(resolve({ products: ['FaceTime'], destinations: cidrs }))).toContain('| Security-group egress rules | 66 | 0 | 60 | no |');
  });

  test('ingress from a security group: the ACL counts are not applicable, and ingress rules count as ingress', () => {
    const markdown = renderReview(adminIngress);
    expect(markdown).toContain('- **Direction**: ingress (the Apple devices accept connections)\n');
    expect(markdown).toContain('- **Profiles**: Remotely administered Mac host (remote-admin-host)\n');
    // Rules to a security group count against both families' quotas.
    expect(markdown).toContain('| Security-group ingress rules | 6 | 6 | 60 | yes |');
    expect(markdown).toContain('Network ACLs: not applicable, because some rules go to security groups or prefix lists, which an ACL cannot hold.');
    expect(reviewPolicy(adminIngress).quotas.networkAclEntries).toBeNull();
    expect(markdown).toMatchSnapshot();
  });

  test('for ingress the ACL allows are inbound and the return entries outbound', () => {
    const review = reviewPolicy(resolve({ products: ['SSH'], direction: 'ingress', destinations: ['203.0.113.0/24'] }));
    expect(review.quotas.networkAclEntries).toEqual({
      outbound: { ipv4: 3, ipv6: 0, limit: 20, withinLimit: true },
      inbound: { ipv4: 3, ipv6: 0, limit: 20, withinLimit: true },
    });
  });

  test("notes carry the resolver's notices the other sections do not already say", () => {
    const open = renderReview(resolve({ products: ['SSH'], direction: 'ingress', destinations: ['0.0.0.0/0'] }));
    expect(open).toContain(
      '## Notes\n\n- Ingress is open to the whole internet (0.0.0.0/0). Name the admin CIDRs, a bastion security group or a prefix list instead.\n',
    );
    expect(renderReview(pushAndBonjour)).toContain('## Notes\n\nNone.\n');
    expect(renderReview(resolve({ products: ['DNS'] }))).toContain('- DNS to the Amazon-provided resolver');
  });

  test("the user's own rules are named in the rule they join", () => {
    const review = reviewPolicy(resolve({ products: ['iCloud'], extraRules: [{ protocol: 'tcp', fromPort: 8080, description: 'Corporate proxy' }] }));
    expect(review.rules.find((r) => r.fromPort === 8080)).toMatchObject({ extra: ['Corporate proxy'], reasons: [], why: ['your rule: Corporate proxy'] });
  });
});

describe('renderReview in Chinese (zh-CN)', () => {
  test("uses the catalogue's Chinese product and service names and Chinese headings", () => {
    const markdown = renderReview(iCloudFaceTime, { locale: 'zh-CN' });
    expect(markdown.split('\n')[0]).toBe('# Apple 网络策略审查');
    expect(markdown).toContain('- **方向**：出站（Apple 设备主动向外连接）\n');
    expect(markdown).toContain('- **产品**：FaceTime 通话 (FaceTime)、iCloud\n');
    expect(markdown).toContain('## 规则（6 条）\n');
    expect(markdownRows(markdown, 'tcp', '80')).toEqual(['| 出站 | tcp | 80 | 0.0.0.0/0 | FaceTime 通话、iCloud → http：超文本传输协议 (HTTP)，RFC 9110（Apple 文中为 RFC 2616） |']);
    expect(markdown).toContain('| 方向 | 协议 | 端口 | 对端 | 原因 |');
    expect(markdown).toContain('## 规则数与 AWS 配额\n');
    expect(markdown).toMatchSnapshot();
  });

  test('exclusions, widening and notices are in Chinese too', () => {
    const left = renderReview(pushAndBonjour, { locale: 'zh-CN' });
    expect(left).toContain('## 未纳入的服务（6 项）\n');
    expect(left).toContain('Apple 已停用：APNs legacy provider（2021-03-31）；设置 includeLegacy 可保留');
    expect(left).toContain('链路本地组播，不会跨越 VPC；设置 includeLinkLocal 可保留');
    expect(renderReview(budgeted, { locale: 'zh-CN' })).toContain('每个地址族 maxRules 5 条：通过合并间隙最小的相邻规则，额外开放了 5 个端口。');
    const open = reviewPolicy(resolve({ products: ['SSH'], direction: 'ingress', destinations: ['0.0.0.0/0'] }), { locale: 'zh-CN' });
    expect(open.notices).toEqual([{ code: 'open-ingress', message: '入站对整个互联网开放（0.0.0.0/0）。请改为指定管理员 CIDR、堡垒机安全组或前缀列表。' }]);
    const legacy = reviewPolicy(pushAndBonjour, { locale: 'zh-CN' });
    expect(legacy.notices.map((n) => n.message)).toEqual([
      '未纳入 Apple 已停用的服务（设置 includeLegacy 可保留）：apns-legacy-provider (tcp 2195); apns-legacy-feedback (tcp 2196)。',
      '未纳入链路本地组播，它不会跨越 VPC（设置 includeLinkLocal 可保留）：ssdp (udp 1900); nat-pmp-announcements (udp 5350); mdns (udp 5353)。',
      '未纳入发往本地网关的请求，在 VPC 中本地网关即 VPC 路由器，它不会应答（设置 includeLinkLocal 可保留）：nat-pmp (udp 5351)。',
    ]);
    const unused = reviewPolicy(resolve({ products: ['iCloud'], exclude: ['ssh', 'git'] }), { locale: 'zh-CN' });
    expect(unused.notices.filter((n) => n.code === 'exclude-unused')).toEqual([
      { code: 'exclude-unused', message: "exclude 列出了 'git'、'ssh'，但所选产品都不使用它，因此它不起作用。请将其删除，或选择使用它的产品。" },
    ]);
  });
});

describe('renderReview as JSON', () => {
  test('prints the documented PolicyReview structure', () => {
    const json = renderReview(iCloudFaceTime, { format: 'json' });
    expect(json.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(json);
    expect(parsed).toEqual(reviewPolicy(iCloudFaceTime));
    // Fields are only ever added within a schema version, so the hosts come last.
    expect(Object.keys(parsed)).toEqual(['schemaVersion', 'locale', 'direction', 'products', 'profiles', 'rules', 'excluded', 'budget', 'quotas', 'notices', 'hosts']);
    expect(parsed.schemaVersion).toBe(1);
    expect(parsed.rules[0]).toEqual({
      direction: 'egress',
      protocol: 'tcp',
      fromPort: 80,
      toPort: 80,
      peer: { kind: 'ipv4', cidr: '0.0.0.0/0' },
      family: 'ipv4',
      description: 'FaceTime, iCloud: HTTP (tcp 80)',
      products: [
        { id: 'FaceTime', name: 'FaceTime' },
        { id: 'iCloud', name: 'iCloud' },
      ],
      reasons: [
        {
          service: { id: 'http', name: 'Hypertext Transfer Protocol (HTTP)', rfc: 9110, appleRfc: 2616, ianaName: 'http' },
          products: [
            { id: 'FaceTime', name: 'FaceTime' },
            { id: 'iCloud', name: 'iCloud' },
          ],
        },
      ],
      extra: [],
      widened: [],
      why: ['FaceTime, iCloud → http: Hypertext Transfer Protocol (HTTP), RFC 9110 (Apple cites RFC 2616)'],
    });
    expect(parsed.budget).toEqual({ maxRules: null, widened: [], widenedPorts: 0 });
    expect(parsed.quotas.securityGroupRules).toEqual({ ipv4: 6, ipv6: 0, limit: 60, withinLimit: true });
    expect(json).toMatchSnapshot();
  });

  test('zh-CN changes names and sentences, never ids or codes', () => {
    const en = reviewPolicy(budgeted);
    const zh = reviewPolicy(budgeted, { locale: 'zh-CN' });
    expect(zh.locale).toBe('zh-CN');
    expect(zh.products).toEqual([{ id: 'FaceTime', name: 'FaceTime 通话' }]);
    expect(zh.rules.map((r) => [r.protocol, r.fromPort, r.toPort, r.reasons.map((x) => x.service.id)])).toEqual(
      en.rules.map((r) => [r.protocol, r.fromPort, r.toPort, r.reasons.map((x) => x.service.id)]),
    );
    expect(zh.budget).toEqual({
      maxRules: 5,
      widened: [{ protocol: 'udp', fromPort: 16388, toPort: 16392, peer: { kind: 'ipv4', cidr: '0.0.0.0/0' }, ports: 5 }],
      widenedPorts: 5,
    });
    expect(zh.budget).toEqual(en.budget);
    expect(renderReview(budgeted, { format: 'json', locale: 'zh-CN' })).toMatchSnapshot();
  });
});

describe('renderReview as CSV', () => {
  test('one RFC 4180 record per rule, per left-out port range and per host port, CRLF-terminated', () => {
    const csv = renderReview(resolve({ products: ['ScreenSharing', 'PushNotifications'], direction: 'egress', exclude: ['kerberos'] }), { format: 'csv' });
    const pushNote = getHostGroup('apple-push-notifications').hosts[0].notes!;
    expect(pushNote).toMatch(/^Devices connect to APNs on TCP 5223\. .*, connect on TCP 443 or 2197 \(article 102266\)\./);
    const hostRecord = (port: number, closed: string) =>
      `host,egress,tcp,${port},${port},*.push.apple.com,Apple Push Notification service,apple-push-notifications,"Apple Push Notifications; ${pushNote}${closed}"`;
    expect(csv.split('\r\n')).toEqual([
      'kind,direction,protocol,from_port,to_port,peer,products,services,why',
      'rule,egress,tcp,443,443,0.0.0.0/0,Apple Push Notification service,https,"Apple Push Notification service → https: Secure Sockets Layer (SSL or ""HTTPS""), RFC 9110 (Apple cites RFC 2818)"',
      'rule,egress,tcp,2197,2197,0.0.0.0/0,Apple Push Notification service,apns-provider,Apple Push Notification service → apns-provider: Apple Push Notification service (APNs)',
      'rule,egress,tcp,5223,5223,0.0.0.0/0,Apple Push Notification service,apns,Apple Push Notification service → apns: Apple Push Notification service (APNs)',
      'rule,egress,tcp,5900,5900,0.0.0.0/0,Screen Sharing,rfb,"Screen Sharing → rfb: Remote Frame Buffer, RFC 6143"',
      'rule,egress,udp,5900,5900,0.0.0.0/0,Screen Sharing,rfb,"Screen Sharing → rfb: Remote Frame Buffer, RFC 6143"',
      'excluded,egress,tcp,88,88,,Screen Sharing,kerberos,left out by exclude',
      'excluded,egress,tcp,2195,2195,,Apple Push Notification service,apns-legacy-provider,retired by Apple: APNs legacy provider on 2021-03-31; set includeLegacy to keep it',
      'excluded,egress,tcp,2196,2196,,Apple Push Notification service,apns-legacy-feedback,retired by Apple: APNs legacy feedback on 2021-03-31; set includeLegacy to keep it',
      // Apple's article lists the push hosts on tcp 80 too, which the port table gives APNs no rule for.
      hostRecord(80, '; no rule of this policy opens tcp 80'),
      hostRecord(443, ''),
      hostRecord(2197, ''),
      hostRecord(5223, ''),
      '',
    ]);
  });

  test('zh-CN has Chinese headers and names, and the same codes', () => {
    const csv = renderReview(budgeted, { format: 'csv', locale: 'zh-CN' });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('类型,方向,协议,起始端口,结束端口,对端,产品,服务,原因');
    // Chinese punctuation (，；) needs no quoting; only ASCII commas, quotes and line breaks do.
    expect(lines[1]).toBe('rule,egress,tcp,80,80,0.0.0.0/0,FaceTime 通话,http,FaceTime 通话 → http：超文本传输协议 (HTTP)，RFC 9110（Apple 文中为 RFC 2616）');
    expect(csv).toMatchSnapshot();
  });
});

describe('renderReview as text', () => {
  test('lines the columns up, counting Chinese characters as two columns', () => {
    const text = renderReview(iCloudFaceTime, { format: 'text', locale: 'zh-CN' });
    const lines = text.split('\n');
    const header = lines.find((l) => l.startsWith('方向  '))!;
    const first = lines.find((l) => l.startsWith('出站'))!;
    expect(header).toBe('方向  协议  端口         对端       原因');
    expect(first.startsWith('出站  tcp   80           0.0.0.0/0  FaceTime 通话、iCloud → http：')).toBe(true);
    expect(text).toMatchSnapshot();
  });
});

describe('determinism', () => {
  const selections: PolicySelection[] = [
    { products: ['iCloud', 'FaceTime', 'Bonjour', 'PushNotifications'], maxRules: 5, ipv6: true },
    { profiles: ['managed-mac', 'communications'], destinations: ['apple-network'] },
  ];

  test.each(selections)('the same selection in any order renders the same review in every format and locale (%#)', (selection) => {
    const reversed: PolicySelection = { ...selection, products: [...(selection.products ?? [])].reverse(), profiles: [...(selection.profiles ?? [])].reverse() };
    for (const format of ['markdown', 'json', 'csv', 'text'] as const) {
      for (const locale of ['en', 'zh-CN'] as const) {
        expect(renderReview(resolve(reversed), { format, locale })).toBe(renderReview(resolve(selection), { format, locale }));
      }
    }
  });

  test('markdown is the default format and English the default locale', () => {
    expect(renderReview(iCloudFaceTime)).toBe(renderReview(iCloudFaceTime, { format: 'markdown', locale: 'en' }));
  });

  test('a review does not depend on the clock', () => {
    jest.useFakeTimers({ now: new Date('2001-01-01T00:00:00Z') });
    try {
      const before = renderReview(budgeted, { format: 'json' }) + renderReview(budgeted);
      jest.setSystemTime(new Date('2099-12-31T23:59:59Z'));
      expect(renderReview(budgeted, { format: 'json' }) + renderReview(budgeted)).toBe(before);
    } finally {
      jest.useRealTimers();
    }
  });

  test('an unknown format or locale is refused with the valid choices', () => {
    const policy: ResolvedPolicy = iCloudFaceTime;
    expect(() => renderReview(policy, { format: 'html' as never })).toThrow("Unknown review format 'html'. Use 'markdown', 'json', 'csv' or 'text'.");
    expect(() => renderReview(policy, { locale: 'fr' as never })).toThrow("Unknown locale 'fr'. Use 'en' or 'zh-CN'.");
  });
});

describe('retired products in the Chinese review', () => {
  test('a retired product kept out while another keeps its ports is named with its date', () => {
    expect(reviewPolicy(resolve({ products: ['PhotoStream', 'iCloud'] }), { locale: 'zh-CN' }).notices.map((n) => n.message)).toEqual([
      '未纳入 Apple 已停用的产品（设置 includeLegacy 可保留）：照片流（2023-07-26）。',
      'Apple 为 mask.icloud.com 列出了 udp 443（QUIC、HTTP/3），但没有规则开放它：这些连接会尽可能退回 TCP，iCloud 专用代理将无法工作。如设备需要，请为 udp 443 添加自定义规则。',
    ]);
    expect(reviewPolicy(resolve({ products: ['XcodeServer', 'WorldWideWeb'] }), { locale: 'zh-CN' }).notices.map((n) => n.message)).toEqual([
      '未纳入 Apple 已停用的服务（设置 includeLegacy 可保留）：svn (tcp 3690, udp 3690); git (tcp 9418, udp 9418)。未纳入 Apple 已停用的产品（设置 includeLegacy 可保留）：Xcode 服务器（2022-09-12）。',
    ]);
  });
});
