import { getHostGroup, hostsFor, renderReview, resolve, reviewPolicy, type ResolvedPolicy } from '../../lib';

const iCloudFaceTime = resolve({ products: ['iCloud', 'FaceTime'] });
const pushNote = getHostGroup('apple-push-notifications').hosts[0].notes!;
const article = '"Use Apple products on enterprise networks" (https://support.apple.com/en-us/101555)';

/** The lines of a Markdown section, from its heading to the next one. */
function section(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  expect(start).toBeGreaterThan(-1);
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  return lines.slice(start, end === -1 ? undefined : end);
}

describe('the review lists the hosts Apple names beside the ports', () => {
  test('Markdown: a section after the rules with the article, Apple\'s statements and one row per host', () => {
    const markdown = renderReview(iCloudFaceTime);
    const headings = markdown.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual(['## Rules (6)', '## Hosts (18)', '## Left out (0)', '## Rule budget', '## Rule counts against AWS quotas', '## Notes']);
    const hosts = section(markdown, '## Hosts (18)');
    expect(hosts.slice(0, 9)).toEqual([
      '## Hosts (18)',
      '',
      `Apple lists these hosts for the selection in ${article}. Security groups and network ACLs filter addresses and ports, not names: allow the hosts in a proxy, a DNS firewall or an AWS Network Firewall rule group. Apple says of every host it lists:`,
      '',
      '- Network connections to the hosts below are initiated by the device, not by hosts operated by Apple.',
      '- Apple services will fail any connection that uses HTTPS Interception (SSL Inspection).',
      '',
      '| Host | Ports | Category | Products | Notes |',
      '|---|---|---|---|---|',
    ]);
    const rows = hosts.filter((line) => line.startsWith('| ') && !line.startsWith('| Host |'));
    expect(rows.map((row) => row.split(' | ')[0].slice(2))).toEqual(hostsFor({ products: ['iCloud', 'FaceTime'] }).hosts.map((h) => h.host));
    expect(rows).toContain('| appleid.apple.com | tcp 443 | Apple ID | iCloud |  |');
    expect(rows).toContain('| *.apzones.com | tcp 443 | iCloud | iCloud | China |');
    // FaceTime and iCloud open tcp 80, 443 and 5223 but not the provider port 2197 Apple also lists.
    expect(rows).toContain(`| *.push.apple.com | tcp 80, tcp 443, tcp 2197, tcp 5223 | Apple Push Notifications | FaceTime, iCloud | ${pushNote}<br>no rule of this policy opens tcp 2197 |`);
    // iCloud Private Relay's QUIC host: no rule opens udp 443.
    expect(rows).toContain('| mask.icloud.com | udp 443 | iCloud | iCloud | iCloud Private Relay<br>no rule of this policy opens udp 443 |');
  });

  test('JSON: each host with its ports, products, categories, system limits and the ports no rule opens', () => {
    const review = reviewPolicy(resolve({ products: ['NetworkTime', 'Maps'] }));
    expect(review.hosts).toEqual({
      source: { title: 'Use Apple products on enterprise networks', url: 'https://support.apple.com/en-us/101555' },
      statements: [
        'Network connections to the hosts below are initiated by the device, not by hosts operated by Apple.',
        'Apple services will fail any connection that uses HTTPS Interception (SSL Inspection).',
      ],
      hosts: ['time.apple.com', 'time-ios.apple.com', 'time-macos.apple.com'].map((host) => ({
        host,
        match: 'exact',
        ports: [{ protocol: 'udp', fromPort: 123, toPort: 123 }],
        products: [{ id: 'NetworkTime', name: 'Network time server synchronization' }],
        hostGroups: [{ id: 'device-setup', name: 'Device setup' }],
        descriptions: [],
        platforms: { 'time.apple.com': ['iOS', 'iPadOS', 'macOS', 'tvOS', 'visionOS'], 'time-ios.apple.com': ['iOS', 'iPadOS', 'tvOS', 'visionOS'], 'time-macos.apple.com': ['macOS'] }[host],
        notes: [],
        portsNotOpened: [],
        remarks: [{ 'time.apple.com': 'not watchOS', 'time-ios.apple.com': 'not macOS, watchOS', 'time-macos.apple.com': 'macOS only' }[host]],
        sources: ['https://support.apple.com/en-us/101555'],
      })),
      productsWithoutHosts: [{ id: 'Maps', name: 'Maps' }],
      platforms: ['iOS', 'iPadOS', 'macOS', 'tvOS', 'visionOS', 'watchOS'],
      hostsLeftOut: [],
    });
    expect(renderReview(resolve({ products: ['NetworkTime', 'Maps'] }))).toContain('| time-macos.apple.com | udp 123 | Device setup | Network time server synchronization | macOS only |\n\nApple lists no hosts for: Maps.\n');
  });

  test('a port the rules leave closed is named, and disappears once a product opens it', () => {
    const closed = reviewPolicy(resolve({ products: ['PushNotifications'] })).hosts!.hosts.find((h) => h.host === '*.push.apple.com')!;
    expect(closed.portsNotOpened).toEqual([{ protocol: 'tcp', fromPort: 80, toPort: 80 }]);
    expect(closed.remarks[closed.remarks.length - 1]).toBe('no rule of this policy opens tcp 80');
    // iCloud brings the http rule on tcp 80.
    const opened = reviewPolicy(resolve({ products: ['PushNotifications', 'iCloud'] })).hosts!.hosts.find((h) => h.host === '*.push.apple.com')!;
    expect(opened.portsNotOpened).toEqual([]);
    expect(opened.products.map((p) => p.id)).toEqual(['iCloud', 'PushNotifications']);
  });

  test('products Apple lists no hosts for get one sentence instead of an empty table', () => {
    expect(section(renderReview(resolve({ products: ['ScreenSharing'] })), '## Hosts (0)')).toEqual([
      '## Hosts (0)',
      '',
      `Apple lists no hosts for the selected products in ${article}.`,
      '',
    ]);
    expect(reviewPolicy(resolve({ products: ['ScreenSharing'] })).hosts!.productsWithoutHosts).toEqual([{ id: 'ScreenSharing', name: 'Screen Sharing' }]);
  });

  test('an ingress policy has no hosts: the devices reach them by connecting out', () => {
    const ingress = resolve({ products: ['Messages'], direction: 'ingress', destinations: ['10.0.0.0/8'] });
    expect(reviewPolicy(ingress).hosts).toBeNull();
    expect(section(renderReview(ingress), '## Hosts')).toEqual([
      '## Hosts',
      '',
      "Not applicable: the devices reach Apple's hosts by connecting out, and this policy is for ingress.",
      '',
    ]);
    expect(renderReview(ingress, { format: 'csv' })).not.toContain('\r\nhost,');
  });

  test('a policy that selects no product lists no hosts', () => {
    const empty: ResolvedPolicy = { direction: 'egress', products: [], profiles: [], rules: [], notices: [], excluded: [] };
    expect(reviewPolicy(empty).hosts).toMatchObject({ hosts: [], productsWithoutHosts: [] });
  });
});

describe('the hosts section in Chinese (zh-CN)', () => {
  test('Chinese headings, product names and sentences; the categories stay in English, as the catalogue has them', () => {
    const markdown = renderReview(iCloudFaceTime, { locale: 'zh-CN' });
    const hosts = section(markdown, '## 主机（18 个）');
    expect(hosts[2]).toBe(
      'Apple 在“Use Apple products on enterprise networks”(https://support.apple.com/en-us/101555) 中为所选内容列出了以下主机。安全组和网络 ACL 只按地址和端口过滤，无法按主机名过滤：请在代理、DNS 防火墙或 AWS Network Firewall 规则组中放行这些主机。Apple 对其列出的所有主机说明如下（英文原文）：',
    );
    expect(hosts).toContain('| 主机 | 端口 | 类别 | 产品 | 说明 |');
    expect(hosts).toContain(`| *.push.apple.com | tcp 80, tcp 443, tcp 2197, tcp 5223 | Apple Push Notifications | FaceTime 通话、iCloud | ${pushNote}<br>本策略没有规则开放 tcp 2197 |`);
    const time = renderReview(resolve({ products: ['NetworkTime', 'Maps'] }), { locale: 'zh-CN' });
    expect(time).toContain('| time-macos.apple.com | udp 123 | Device setup | 网络时间服务器同步 | 仅限 macOS |\n\nApple 未列出以下产品的主机：地图 (Maps)。\n');
    expect(renderReview(resolve({ products: ['SSH'], direction: 'ingress', destinations: ['10.0.0.0/8'] }), { locale: 'zh-CN' })).toContain(
      '## 主机\n\n不适用：设备主动向外连接 Apple 的主机，而本策略针对入站流量。\n',
    );
  });

  test('ids, codes and ports are the same in both locales', () => {
    const en = reviewPolicy(iCloudFaceTime).hosts!;
    const zh = reviewPolicy(iCloudFaceTime, { locale: 'zh-CN' }).hosts!;
    const codes = (hosts: typeof en) => hosts.hosts.map((h) => [h.host, h.match, h.ports, h.products.map((p) => p.id), h.hostGroups, h.portsNotOpened]);
    expect(codes(zh)).toEqual(codes(en));
    expect(zh.hosts.find((h) => h.host === 'mask.icloud.com')!.remarks).toEqual(['iCloud Private Relay', '本策略没有规则开放 udp 443']);
  });
});

describe('the hosts in text and CSV', () => {
  test('text: an aligned table under the section heading', () => {
    const text = renderReview(resolve({ products: ['NetworkTime'] }), { format: 'text' });
    expect(text).toContain(
      [
        'Hosts (3)',
        '---------',
        '',
        `Apple lists these hosts for the selection in ${article}. Security groups and network ACLs filter addresses and ports, not names: allow the hosts in a proxy, a DNS firewall or an AWS Network Firewall rule group. Apple says of every host it lists:`,
        '',
        '- Network connections to the hosts below are initiated by the device, not by hosts operated by Apple.',
        '- Apple services will fail any connection that uses HTTPS Interception (SSL Inspection).',
        '',
        'Host                  Ports    Category      Products                             Notes',
        'time.apple.com        udp 123  Device setup  Network time server synchronization  not watchOS',
        'time-ios.apple.com    udp 123  Device setup  Network time server synchronization  not macOS, watchOS',
        'time-macos.apple.com  udp 123  Device setup  Network time server synchronization  macOS only',
        '',
      ].join('\n'),
    );
  });

  test('CSV: one host record per port, after the rules and the left-out services', () => {
    const lines = renderReview(resolve({ products: ['NetworkTime', 'macOSInternetRecovery'] }), { format: 'csv' }).split('\r\n');
    expect(lines.filter((line) => line.startsWith('host,'))).toEqual([
      'host,egress,tcp,80,80,oscdn.apple.com,macOS Internet Recovery,software-updates,Software updates; macOS Recovery; macOS only',
      'host,egress,tcp,443,443,oscdn.apple.com,macOS Internet Recovery,software-updates,Software updates; macOS Recovery; macOS only',
      'host,egress,tcp,80,80,osrecovery.apple.com,macOS Internet Recovery,software-updates,Software updates; macOS Recovery; macOS only',
      'host,egress,tcp,443,443,osrecovery.apple.com,macOS Internet Recovery,software-updates,Software updates; macOS Recovery; macOS only',
      'host,egress,udp,123,123,time.apple.com,Network time server synchronization,device-setup,Device setup; not watchOS',
      'host,egress,udp,123,123,time-ios.apple.com,Network time server synchronization,device-setup,"Device setup; not macOS, watchOS"',
      'host,egress,udp,123,123,time-macos.apple.com,Network time server synchronization,device-setup,Device setup; macOS only',
    ]);
    const kinds = lines.slice(1, -1).map((line) => line.split(',')[0]);
    expect(kinds.join(' ')).toMatch(/^(rule )+(host ?)+$/);
  });
});
