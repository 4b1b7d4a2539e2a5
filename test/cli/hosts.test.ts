import { hostsFor } from '../../lib/core';
import { assertBuilt, runCli } from './cli-process';

beforeAll(assertBuilt);

const STATEMENTS = [
  '- Network connections to the hosts below are initiated by the device, not by hosts operated by Apple.',
  '- Apple services will fail any connection that uses HTTPS Interception (SSL Inspection).',
];

describe('apple-ports hosts', () => {
  test('prints what was selected, Apple\'s article and statements, and an aligned row per host', () => {
    expect(runCli('hosts', 'NetworkTime')).toEqual({
      status: 0,
      stderr: '',
      stdout: [
        'Apple hosts',
        '===========',
        '',
        'Products: Network time server synchronization (NetworkTime)',
        'Profiles: none',
        'Host groups: Device setup (device-setup)',
        '',
        'Hosts (3)',
        '---------',
        '',
        'Apple lists these hosts for the selection in "Use Apple products on enterprise networks" (https://support.apple.com/en-us/101555). Security groups and network ACLs filter addresses and ports, not names: allow the hosts in a proxy, a DNS firewall or an AWS Network Firewall rule group. Apple says of every host it lists:',
        '',
        ...STATEMENTS,
        '',
        'Host                  Ports    Category      Products                             Notes',
        'time.apple.com        udp 123  Device setup  Network time server synchronization  not watchOS',
        'time-ios.apple.com    udp 123  Device setup  Network time server synchronization  not macOS, watchOS',
        'time-macos.apple.com  udp 123  Device setup  Network time server synchronization  macOS only',
        '',
      ].join('\n'),
    });
  });

  test('wildcards, every port, products by alias and comma-separated, and the notes', () => {
    const { status, stdout } = runCli('hosts', 'APNs,iCloud', 'Maps');
    expect(status).toBe(0);
    const lines = stdout.split('\n');
    // Sorted by id, as the resolver sorts them.
    expect(lines).toContain('Products: iCloud, Maps, Apple Push Notification service (PushNotifications)');
    expect(lines).toContainEqual(
      expect.stringMatching(/^\*\.push\.apple\.com {2,}tcp 80, tcp 443, tcp 2197, tcp 5223 {2,}Apple Push Notifications {2,}iCloud, Apple Push Notification service {2,}Devices connect to APNs on TCP 5223\. /),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^mask\.icloud\.com {2,}udp 443 {2,}iCloud {2,}iCloud {2,}iCloud Private Relay$/));
    expect(lines.filter((line) => /^\S+\.\S+ {2,}(tcp|udp) /.test(line))).toHaveLength(hostsFor({ products: ['PushNotifications', 'iCloud'] }).hosts.length);
    expect(stdout.endsWith('\n\nApple lists no hosts for: Maps.\n')).toBe(true);
  });

  test('--host-group adds a category no product stands for; --format csv prints a record per host and port', () => {
    const { status, stdout, stderr } = runCli('hosts', 'macOSInternetRecovery', '--host-group', 'certificate-validation', '--format', 'csv');
    expect(status).toBe(0);
    expect(stderr).toBe('');
    const records = stdout.split('\r\n');
    expect(records[0]).toBe('host,match,protocol,from_port,to_port,host_groups,products,platforms,notes');
    expect(records).toContain('certs.apple.com,exact,tcp,443,443,certificate-validation,,,');
    expect(records).toContain('oscdn.apple.com,exact,tcp,80,80,software-updates,macOS Internet Recovery,macOS,macOS Recovery');
    expect(records.at(-1)).toBe('');
    const list = hostsFor({ products: ['macOSInternetRecovery'], hostGroups: ['certificate-validation'] });
    expect(records).toHaveLength(1 + list.hosts.reduce((n, h) => n + h.ports.length, 0) + 1);
  });

  test('--format json prints the HostList of hostsFor', () => {
    const { status, stdout } = runCli('hosts', 'MDM', '--host-group', 'device-setup,content-caching', '--format', 'json');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual(hostsFor({ products: ['DeviceManagement'], hostGroups: ['content-caching', 'device-setup'] }));
  });

  test('--profile with --format markdown --lang zh-CN prints the Chinese document', () => {
    const { status, stdout } = runCli('hosts', '--profile', 'managed-mac', '--format', 'markdown', '--lang', 'zh-CN');
    expect(status).toBe(0);
    const lines = stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual(['# Apple 主机', '']);
    expect(lines).toContain('- **预设**：受管理的 Mac (managed-mac)');
    expect(lines).toContain(`## 主机（${hostsFor({ profiles: ['managed-mac'] }).hosts.length} 个）`);
    expect(lines).toContain('| 主机 | 端口 | 类别 | 产品 | 说明 |');
    expect(lines).toContain('Apple 未列出以下产品的主机：域名系统 (DNS)。');
  });

  test('products Apple lists no hosts for are an answer, not an error', () => {
    const { status, stdout, stderr } = runCli('hosts', 'Maps');
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.endsWith('Hosts (0)\n---------\n\nApple lists no hosts for the selected products in "Use Apple products on enterprise networks" (https://support.apple.com/en-us/101555).\n')).toBe(true);
  });

  test('--help explains the command and lists every host group', () => {
    const { status, stdout, stderr } = runCli('hosts', '--help');
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.split('\n')[0]).toBe('Usage: apple-ports hosts [options] [products...]');
    expect(stdout).toContain('--host-group <group>');
    expect(stdout).toContain('\n  certificate-validation         Certificate validation\n');
    expect(stdout).toContain('$ apple-ports hosts SoftwareUpdate --host-group certificate-validation --format csv');
  });
});

describe('apple-ports hosts --format for proxies and appliances, --platform for the systems', () => {
  test('--platform macOS leaves out the hosts Apple limits to other systems and names them', () => {
    const { status, stdout } = runCli('hosts', 'SoftwareUpdate', '--platform', 'macOS');
    expect(status).toBe(0);
    expect(stdout).toContain('For macOS: 1 host that Apple limits to other systems is left out:\n\n- appldnld.apple.com (iOS, iPadOS, visionOS, watchOS)\n');
    expect(stdout).not.toContain('\nappldnld.apple.com ');
  });

  test('--format squid with --squid-acl, and --format pac with routes, write the core’s files', () => {
    const squid = runCli('hosts', 'PushNotifications', '--format', 'squid', '--squid-acl', 'apns');
    expect(squid.stdout.split('\n').slice(3)).toEqual(['acl apns dstdomain .push.apple.com', '']);
    const pac = runCli('hosts', 'PushNotifications', '--format', 'pac', '--pac-route', 'PROXY egress.example.com:8080', '--pac-otherwise', 'PROXY proxy.example.com:3128');
    expect(pac.stdout.split('\n').slice(4, 9)).toEqual(['  if (', '    dnsDomainIs(host, ".push.apple.com")', '  ) {', '    return "PROXY egress.example.com:8080";', '  }']);
  });

  test.each([
    ['wildcards', '*.push.apple.com\n'],
    ['domains', 'push.apple.com\n'],
    ['paloalto', '*.push.apple.com/\n'],
    ['zscaler', '.push.apple.com\n'],
    ['netskope', '*.push.apple.com\n'],
  ])('--format %s: for watchOS, no Device setup host (the OS column leaves watchOS out)', (format, stdout) => {
    expect(runCli('hosts', 'PushNotifications', '--host-group', 'device-setup', '--platform', 'watchOS', '--format', format)).toEqual({ status: 0, stdout, stderr: '' });
  });
});

describe('apple-ports hosts usage errors exit with code 2 and say what to do on stderr', () => {
  test.each([
    [['hosts', 'FaceTme'], "error: Unknown Apple product 'FaceTme'. Did you mean 'FaceTime'?\n"],
    [['hosts', '--host-group', 'certificate-validaton'], "error: Unknown Apple host group 'certificate-validaton'. Did you mean 'certificate-validation'?\n"],
    [['hosts', 'iCloud', '--profile', 'managed-mak'], "error: Unknown apple-ports profile 'managed-mak'. Did you mean 'managed-mac'?\n"],
    [
      ['hosts'],
      'error: Nothing is selected. Name at least one Apple product, profile or host group, e.g. `apple-ports hosts iCloud` or `apple-ports hosts --host-group certificate-validation`.\n',
    ],
    [['hosts', 'iCloud', '--format', 'xml'], "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are table, markdown, json, csv, domains, wildcards, squid, pac, paloalto, zscaler, netskope.\n(add --help for usage)\n"],
    [['hosts', 'iCloud', '--platform', 'tvos2'], "error: Unknown platform 'tvos2'. Did you mean 'tvOS'?\n"],
    [
      ['hosts', 'iCloud', '--format', 'pac', '--pac-otherwise', 'PROXY proxy'],
      "error: --pac-otherwise 'PROXY proxy' is not a PAC route. Use 'DIRECT' or 'PROXY host:port' (HTTPS, SOCKS and SOCKS5 work too), e.g. 'PROXY proxy.example.com:3128'.\n",
    ],
    [
      ['hosts', 'Maps', '--format', 'domains'],
      "error: Apple's enterprise-network article lists no hosts for Maps, so the domain list would be empty. Select products or host groups Apple lists hosts for, e.g. `apple-ports hosts iCloud` or `apple-ports hosts --host-group certificate-validation`.\n",
    ],
    [
      ['hosts', '--host-group', 'device-setup', '--platform', 'watchOS', '--format', 'pac'],
      'error: Apple limits every host of the selection to systems other than watchOS, so the PAC file would be empty. Add the systems the devices run to --platform, or leave --platform out for all.\n',
    ],
    [['hosts', 'iCloud', '--lang', 'fr'], "error: option '--lang <locale>' argument 'fr' is invalid. Allowed choices are en, zh-CN.\n(add --help for usage)\n"],
    [['hosts', 'iCloud', '--host-groups', 'icloud'], "error: unknown option '--host-groups'\n(Did you mean --host-group?)\n(add --help for usage)\n"],
    [['host', 'iCloud'], "error: unknown command 'host'\n(Did you mean hosts?)\n(add --help for usage)\n"],
  ])('apple-ports %j', (args, stderr) => {
    expect(runCli(...args)).toEqual({ status: 2, stdout: '', stderr });
  });

  test('every problem of the selection is reported at once', () => {
    expect(runCli('hosts', 'FaceTme', '--host-group', 'icloude')).toEqual({
      status: 2,
      stdout: '',
      stderr: "error: Invalid apple-ports selection (2 problems):\n- Unknown Apple product 'FaceTme'. Did you mean 'FaceTime'?\n- Unknown Apple host group 'icloude'. Did you mean 'icloud'?\n",
    });
  });
});
