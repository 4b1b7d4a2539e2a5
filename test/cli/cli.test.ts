import { diffPolicies, getProduct, lookupPort, products, profiles, renderPolicyDiff, renderReview, resolve } from '../../lib';
import { assertBuilt, runCli } from './cli-process';

beforeAll(assertBuilt);

describe('apple-ports --help', () => {
  test('the program lists its commands', () => {
    const { status, stdout, stderr } = runCli('--help');
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.split('\n')[0]).toBe('Usage: apple-ports [options] [command]');
    for (const command of [
      'products [options]',
      'profiles [options]',
      'resolve [options] [products...]',
      'hosts [options] [products...]',
      'firewall [options] [products...]',
      'lookup [options] <port>',
      'diff [options]',
      'changes [options] [products...]',
      'catalogue',
    ]) {
      expect(stdout).toContain(`  ${command}`);
    }
  });

  test.each([
    ['products', 'Usage: apple-ports products [options]', '--format <format>'],
    ['profiles', 'Usage: apple-ports profiles [options]', '--format <format>'],
    ['resolve', 'Usage: apple-ports resolve [options] [products...]', '--max-rules <n>'],
    ['hosts', 'Usage: apple-ports hosts [options] [products...]', '--host-group <group>'],
    ['firewall', 'Usage: apple-ports firewall [options] [products...]', '--home-net <cidr>'],
    ['lookup', 'Usage: apple-ports lookup [options] <port>', '$ apple-ports lookup 3478/udp --format json'],
    ['diff', 'Usage: apple-ports diff [options]', '--from <products>'],
    ['changes', 'Usage: apple-ports changes [options] [products...]', '--fail-on-widen'],
  ])('%s --help explains the command', (command, usage, option) => {
    const { status, stdout, stderr } = runCli(command, '--help');
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.split('\n')[0]).toBe(usage);
    expect(stdout).toContain(option);
  });

  test('--version prints the package version', () => {
    expect(runCli('--version')).toEqual({ status: 0, stdout: '0.1.0\n', stderr: '' });
  });
});

describe('apple-ports products and profiles', () => {
  test('products prints one aligned row per product with both names, aliases, status and port count', () => {
    const { status, stdout, stderr } = runCli('products');
    expect(status).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Product\s+English\s+中文\s+Aliases\s+Status\s+Ports$/);
    expect(lines).toHaveLength(products.length + 1);
    expect(lines).toContainEqual(expect.stringMatching(/^FaceTime {2,}FaceTime {2,}FaceTime 通话 {2,}- {2,}current {2,}37$/));
    expect(lines).toContainEqual(expect.stringMatching(/^Messages {2,}Messages {2,}信息 {2,}iMessage, iMessage 信息 {2,}current {2,}24$/));
    expect(lines).toContainEqual(expect.stringMatching(/^iTunesRadio {2,}.* {2,}legacy \(retired 2016-01-29\) {2,}2000$/));
  });

  test('products --format json lists names, aliases, services and ports', () => {
    const { status, stdout } = runCli('products', '--format', 'json');
    expect(status).toBe(0);
    const listed = JSON.parse(stdout);
    expect(listed).toHaveLength(products.length);
    expect(listed.find((p: { id: string }) => p.id === 'FaceTime')).toEqual({
      id: 'FaceTime',
      name: { en: 'FaceTime', 'zh-CN': 'FaceTime 通话' },
      aliases: [],
      status: 'current',
      services: expect.arrayContaining(['apns', 'facetime-rtp']),
      portCount: 37,
      ports: [
        { protocol: 'tcp', fromPort: 80, toPort: 80 },
        { protocol: 'tcp', fromPort: 443, toPort: 443 },
        { protocol: 'tcp', fromPort: 5223, toPort: 5223 },
        { protocol: 'udp', fromPort: 3478, toPort: 3497 },
        { protocol: 'udp', fromPort: 16384, toPort: 16387 },
        { protocol: 'udp', fromPort: 16393, toPort: 16402 },
      ],
    });
  });

  test('profiles prints every profile with its names, direction, products and port count', () => {
    const { status, stdout, stderr } = runCli('profiles');
    expect(status).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Profile\s+English\s+中文\s+Direction\s+Products\s+Ports opened$/);
    expect(lines).toHaveLength(profiles.length + 3);
    expect(lines.slice(-2)).toEqual(['', 'Ports opened: what the profile opens by default, without --include-legacy or --include-link-local.']);
    expect(lines).toContainEqual(
      expect.stringMatching(/^remote-admin-host {2,}Remotely administered Mac host {2,}远程管理的 Mac 主机 {2,}ingress {4,}AppleRemoteDesktop, ScreenSharing, SSH {2,}6$/),
    );
    const json = JSON.parse(runCli('profiles', '--format', 'json').stdout);
    expect(json.map((p: { id: string }) => p.id)).toEqual(profiles.map((p) => p.id));
    expect(json.find((p: { id: string }) => p.id === 'remote-admin-host')).toMatchObject({ direction: 'ingress', portCount: 6 });
  });
});

describe('apple-ports resolve', () => {
  test('prints the review as aligned text by default', () => {
    const { status, stdout, stderr } = runCli('resolve', 'iCloud', 'FaceTime');
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(renderReview(resolve({ products: ['iCloud', 'FaceTime'] }), { format: 'text' }));
    expect(stdout).toContain('\negress     tcp       80           0.0.0.0/0  FaceTime, iCloud → http: Hypertext Transfer Protocol (HTTP), RFC 9110 (Apple cites RFC 2616)\n');
  });

  test('--format json prints the ResolvedPolicy', () => {
    const { status, stdout } = runCli('resolve', 'FaceTime,iCloud', '--ipv6', '--format', 'json');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual(resolve({ products: ['iCloud', 'FaceTime'], ipv6: true }));
  });

  test('--format markdown --lang zh-CN prints the Chinese review', () => {
    const { status, stdout } = runCli('resolve', 'FaceTime', '--profile', 'managed-mac', '--apple-network', '--max-rules', '8', '--format', 'markdown', '--lang', 'zh-CN');
    expect(status).toBe(0);
    expect(stdout).toBe(
      renderReview(resolve({ products: ['FaceTime'], profiles: ['managed-mac'], destinations: ['apple-network'], maxRules: 8 }), { format: 'markdown', locale: 'zh-CN' }),
    );
    expect(stdout.split('\n')[0]).toBe('# Apple 网络策略审查');
  });

  test('--format csv prints RFC 4180 CSV with CRLF line endings', () => {
    const { status, stdout } = runCli('resolve', 'PushNotifications', '--include-legacy', '--exclude', 'apns-provider', '--format', 'csv');
    expect(status).toBe(0);
    expect(stdout).toBe(renderReview(resolve({ products: ['PushNotifications'], includeLegacy: true, exclude: ['apns-provider'] }), { format: 'csv' }));
    expect(stdout.split('\r\n')[1]).toBe(
      'rule,egress,tcp,443,443,0.0.0.0/0,Apple Push Notification service,https,"Apple Push Notification service → https: Secure Sockets Layer (SSL or ""HTTPS""), RFC 9110 (Apple cites RFC 2818)"',
    );
  });

  test('--ingress with --source builds rules for connections into the Macs', () => {
    const { status, stdout } = runCli('resolve', 'ScreenSharing', '--ingress', '--source', 'sg-0123456789abcdef0', '--source', '203.0.113.0/24', '--format', 'json');
    expect(status).toBe(0);
    const policy = JSON.parse(stdout);
    expect(policy).toEqual(resolve({ products: ['ScreenSharing'], direction: 'ingress', destinations: ['sg-0123456789abcdef0', '203.0.113.0/24'] }));
    expect(policy.direction).toBe('ingress');
  });
});

describe('apple-ports lookup', () => {
  test('lists every service and product using a port', () => {
    const { status, stdout, stderr } = runCli('lookup', '5223');
    expect(status).toBe(0);
    expect(stderr).toBe('');
    const users = lookupPort(5223)[0].products.map((id) => getProduct(id)).map((p) => (p.retired ? `${p.name.en} (retired ${p.retired.date})` : p.name.en));
    expect(users).toEqual(expect.arrayContaining(['FaceTime', 'iCloud', 'Messages', 'My Photo Stream (retired 2023-07-26)']));
    expect(stdout).toBe(
      [
        'Apple services using port 5223:',
        '',
        'Ports     Service  Name                                    Status   Products',
        `tcp 5223  apns     Apple Push Notification service (APNs)  current  ${users.join(', ')}`,
        '',
      ].join('\n'),
    );
  });

  test('a protocol narrows the lookup, and --format json --lang zh-CN gives Chinese names', () => {
    const { status, stdout } = runCli('lookup', '16400/UDP', '--format', 'json', '--lang', 'zh-CN');
    expect(status).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.port).toBe(16400);
    expect(result.protocol).toBe('udp');
    expect(result.services.map((s: { id: string; fromPort: number; toPort: number }) => [s.id, s.fromPort, s.toPort])).toEqual([
      ['messages-rtp', 16384, 16403],
      ['facetime-rtp-extended', 16393, 16402],
      ['game-center-rtp', 16403, 16472],
    ].filter(([, from, to]) => (from as number) <= 16400 && 16400 <= (to as number)));
    expect(result.services[0].products).toEqual([{ id: 'Messages', name: '信息', status: 'current' }]);
  });

  test('the status says what the resolver leaves out by default: link-local multicast, the local gateway', () => {
    expect(runCli('lookup', '5351')).toEqual({
      status: 0,
      stderr: '',
      stdout: [
        'Apple services using port 5351:',
        '',
        'Ports     Service  Name                       Status              Products',
        'udp 5351  nat-pmp  NAT Port Mapping Protocol  local gateway only  Bonjour',
        '',
      ].join('\n'),
    });
    expect(runCli('lookup', '5350').stdout).toContain('udp 5350  nat-pmp-announcements  NAT Port Mapping Protocol Announcements  link-local multicast  Bonjour\n');
  });

  test('a port no service uses is an answer, not an error', () => {
    expect(runCli('lookup', '5223/udp')).toEqual({ status: 0, stdout: 'No Apple service in the catalogue uses udp 5223.\n', stderr: '' });
  });
});

describe('apple-ports diff', () => {
  test('prints what adding a product opens, and why', () => {
    const { status, stdout, stderr } = runCli('diff', '--from', 'iCloud', '--to', 'iCloud,FaceTime');
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(renderPolicyDiff(diffPolicies(resolve({ products: ['iCloud'] }), resolve({ products: ['iCloud', 'FaceTime'] })), { format: 'text' }));
    expect(stdout).toContain('+ added egress udp 3478-3497 to 0.0.0.0/0\n    opens udp 3478-3497: FaceTime → facetime-nat-traversal: STUN/TURN, RFC 8489\n');
  });

  test('an empty side means no products, and the selection flags apply to both sides', () => {
    const { status, stdout } = runCli('diff', '--from', '', '--to', 'GameCenter', '--max-rules', '5', '--format', 'markdown');
    expect(status).toBe(0);
    expect(stdout).toContain('- **Products added**: Game Center (GameCenter)\n- **Products removed**: none\n\nOpens 112 ports in 5 ranges; closes none.\n');
    expect(stdout).not.toContain('Rule budget');
    expect(stdout).toContain('| added | egress | udp | 16384-16472 | 0.0.0.0/0 | opens udp 16384-16387: Game Center → facetime-rtp:');
    expect(stdout).toContain('<br>opens udp 16388-16392: widened to fit maxRules 5<br>');
  });
});

describe('usage errors exit with code 2 and say what to do on stderr', () => {
  test.each([
    [['resolve', 'FaceTme'], "error: Unknown Apple product 'FaceTme'. Did you mean 'FaceTime'?\n"],
    [['resolve', 'iCloud', '--profile', 'managed-mak'], "error: Unknown apple-ports profile 'managed-mak'. Did you mean 'managed-mac'?\n"],
    [
      ['resolve'],
      'error: Nothing is selected. Name at least one Apple product or profile, e.g. `apple-ports resolve iCloud FaceTime` or `apple-ports resolve --profile managed-mac`.\n',
    ],
    [['resolve', 'iCloud', '--destination', '10.0.0.0/33'], "error: Invalid --destination '10.0.0.0/33': the prefix length in '10.0.0.0/33' must be 0-32 for IPv4.\n"],
    [['resolve', 'iCloud', '--source', '10.0.0.0/8'], 'error: --source names who may connect in, so it needs --ingress. Use --destination for where egress may go.\n'],
    [['resolve', 'SSH', '--ingress', '--destination', '10.0.0.0/8'], 'error: --destination is where egress may go. With --ingress, name who may connect in with --source.\n'],
    [['diff', '--from', 'iCloud', '--to', 'FaceTme'], "error: Unknown Apple product 'FaceTme'. Did you mean 'FaceTime'?\n"],
    [['lookup', '70000'], "error: command-argument value '70000' is invalid for argument 'port'. Use a port from 1 to 65535, optionally with /tcp or /udp, e.g. 5223 or 5223/tcp.\n(add --help for usage)\n"],
    [['lookup', '443/icmp'], "error: command-argument value '443/icmp' is invalid for argument 'port'. Use a port from 1 to 65535, optionally with /tcp or /udp, e.g. 5223 or 5223/tcp.\n(add --help for usage)\n"],
    [['lookup'], "error: missing required argument 'port'\n(add --help for usage)\n"],
    [['resolve', 'iCloud', '--bogus'], "error: unknown option '--bogus'\n(add --help for usage)\n"],
    [['resolve', 'iCloud', '--max-rule', '5'], "error: unknown option '--max-rule'\n(Did you mean --max-rules?)\n(add --help for usage)\n"],
    [['resolve', 'iCloud', '--format', 'xml'], "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are table, markdown, json, csv.\n(add --help for usage)\n"],
    [['resolve', 'iCloud', '--max-rules', '0'], 'error: --max-rules 0 is not a rule count. Use a whole number of at least 1.\n'],
    [['resolve', 'iCloud', '--max-rules', 'x'], "error: option '--max-rules <n>' argument 'x' is invalid. Use a whole number, e.g. --max-rules 20.\n(add --help for usage)\n"],
    [['diff', '--from', 'iCloud'], "error: required option '--to <products>' not specified\n(add --help for usage)\n"],
    [['resolv', 'iCloud'], "error: unknown command 'resolv'\n(Did you mean resolve?)\n(add --help for usage)\n"],
  ])('apple-ports %j', (args, stderr) => {
    expect(runCli(...args)).toEqual({ status: 2, stdout: '', stderr });
  });

  test('no command prints the help on stderr', () => {
    const { status, stdout, stderr } = runCli();
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe('Usage: apple-ports [options] [command]');
  });
});
