/**
 * The command line speaks its own language: errors name its flags, `--lang zh-CN` translates what
 * every command prints, `lookup` marks what Apple retired and `profiles` says what it counts.
 */
import { products, profiles, resolve } from '../../lib/core';
import { assertBuilt, runCli } from './cli-process';

beforeAll(assertBuilt);

describe('errors name the command line flags, not the API fields', () => {
  test.each([
    [
      ['resolve'],
      'error: Nothing is selected. Name at least one Apple product or profile, e.g. `apple-ports resolve iCloud FaceTime` or `apple-ports resolve --profile managed-mac`.\n',
    ],
    [
      ['resolve', '--profile', 'remote-admin-host'],
      'error: Ingress needs --source: name who may connect in, e.g. `--ingress --source sg-0123456789abcdef0` for a bastion security group, `--source 203.0.113.0/24` for an admin CIDR or `--source pl-0123456789abcdef0` for a prefix list. There is no default; --source anywhere works but warns.\n',
    ],
    [
      ['resolve', 'iCloud', '--max-rules', '1', '--destination', '10.0.0.0/8,10.1.0.0/16'],
      'error: --max-rules 1 is too small for the IPv4 rules: this selection needs at least 2 (one per protocol and peer, even with every gap closed). Raise --max-rules (within your quota: security groups take 60 rules per direction and family by default, network ACLs 20 entries) or name fewer peers.\n',
    ],
    [
      ['resolve', 'Bonjour'],
      'error: Every service of the selection was left out (link-local, local-gateway). Pass --include-link-local to keep link-local multicast and requests to the local gateway.\n',
    ],
    [['resolve', 'iTunesRadio'], 'error: Every service of the selection was left out (legacy). Pass --include-legacy to keep retired services.\n'],
    [['resolve', 'iCloud', '--exclude', 'http,https,apns'], 'error: Every service of the selection was left out (user). Remove them from --exclude.\n'],
    [['resolve', 'iCloud', '--exclude', 'htps'], "error: --exclude: Unknown Apple service 'htps'. Did you mean 'https'?\n"],
    [['resolve', 'SSH', '--ingress', '--source', '10.0.0.0/33'], "error: Invalid --source '10.0.0.0/33': the prefix length in '10.0.0.0/33' must be 0-32 for IPv4.\n"],
    [
      ['resolve', 'SSH', '--ingress', '--source', '10.0.0.0/8', '--apple-network'],
      "error: Invalid --apple-network: it narrows egress to Apple's servers, which never connect in. Name the ingress sources instead.\n",
    ],
    [
      ['resolve', '--profile', 'managed-mac', '--profile', 'remote-admin-host'],
      "error: The profiles 'managed-mac', 'remote-admin-host' are meant for different directions. Name the profiles of one direction in each run, with --ingress for the ingress ones.\n",
    ],
    [
      ['resolve', 'iCloud', '--ingress', '--source', '10.0.0.0/8'],
      "error: Apple product 'iCloud' is only used outbound: no Mac accepts inbound connections for it. Select it with egress (without --ingress), or select a product a Mac hosts: AirPlay, AppleRemoteDesktop, CameraAndScannerSharing, Classroom, FileSharing, iTunesMusicSharing, Kerberos, Messages, NetBIOS, PrinterSharing, Printing, RemoteAppleEvents, ScreenSharing, SSH, Xsan.\n",
    ],
    [
      ['firewall'],
      'error: Nothing is selected. Name at least one Apple product, profile or host group, e.g. `apple-ports firewall iCloud` or `apple-ports firewall --host-group certificate-validation`.\n',
    ],
    [['firewall', 'iCloud', '--capacity', '0'], 'error: --capacity 0 is not a rule-group capacity. Use a whole number from 1 to 30000, at least what the rules need, or leave it out.\n'],
    [
      ['hosts', 'iCloud', '--format', 'pac', '--pac-route', 'PROXY proxy', '--pac-otherwise', 'DIRECT; SOCKS'],
      [
        'error: Invalid apple-ports selection (2 problems):',
        "- --pac-route 'PROXY proxy' is not a PAC route. Use 'DIRECT' or 'PROXY host:port' (HTTPS, SOCKS and SOCKS5 work too), e.g. 'PROXY proxy.example.com:3128'.",
        "- --pac-otherwise 'DIRECT; SOCKS' is not a PAC route. Use 'DIRECT' or 'PROXY host:port' (HTTPS, SOCKS and SOCKS5 work too), e.g. 'PROXY proxy.example.com:3128'.",
        '',
      ].join('\n'),
    ],
    [['hosts', 'iCloud', '--platform', ','], 'error: --platform is empty, so no host would be for any system. Name at least one of iOS, iPadOS, macOS, tvOS, visionOS, watchOS, or leave --platform out for all.\n'],
  ])('apple-ports %j', (args, stderr) => {
    expect(runCli(...args)).toEqual({ status: 2, stdout: '', stderr });
  });

  test('notices in the review name the flags too', () => {
    const { status, stdout } = runCli('resolve', 'iCloud', '--ipv6', '--destination', '10.0.0.0/8');
    expect(status).toBe(0);
    expect(stdout).toContain(
      "\n- --ipv6 is set, but no rule goes to an IPv6 peer: it adds ::/0 to 'anywhere' and Apple's IPv6 subnets to 'apple-network', and neither is a destination here. Name IPv6 CIDRs to allow IPv6.\n",
    );
  });
});

describe('usage errors end in one full stop and name the range the value must be in', () => {
  test.each([
    // The CIDR's reason ends in a question; no full stop follows it.
    [['firewall', 'iCloud', '--home-net', '10.0.0.1/8'], "error: --home-net: '10.0.0.1/8' is not a CIDR: '10.0.0.1/8' has host bits set. Did you mean '10.0.0.0/8'?\n"],
    [['resolve', 'iCloud', '--destination', '10.0.0.1'], "error: Invalid --destination '10.0.0.1': the CIDR mask is missing in '10.0.0.1'. Did you mean '10.0.0.1/32'?\n"],
    // -5 is a whole number: the message says which ones are signature ids.
    [['firewall', 'iCloud', '--sid-base', '-5'], 'error: --sid-base -5 is not a signature id. Use a whole number from 1 to 4294967295.\n'],
    [['firewall', 'iCloud', '--capacity', '-1'], 'error: --capacity -1 is not a rule-group capacity. Use a whole number from 1 to 30000, at least what the rules need, or leave it out.\n'],
    [['resolve', 'iCloud', '--max-rules', '-3'], 'error: --max-rules -3 is not a rule count. Use a whole number of at least 1.\n'],
    [['firewall', 'iCloud', '--sid-base', '1e3'], "error: option '--sid-base <n>' argument '1e3' is invalid. Use a whole number, e.g. --sid-base 1000000.\n(add --help for usage)\n"],
    [['lookup', '0'], "error: command-argument value '0' is invalid for argument 'port'. Use a port from 1 to 65535, optionally with /tcp or /udp, e.g. 5223 or 5223/tcp.\n(add --help for usage)\n"],
    [['review'], "error: missing required argument 'assembly'\n(add --help for usage)\n"],
    [['completion', 'fish'], "error: command-argument value 'fish' is invalid for argument 'shell'. Allowed choices are bash, zsh.\n(add --help for usage)\n"],
  ])('apple-ports %j', (args, stderr) => {
    expect(runCli(...args)).toEqual({ status: 2, stdout: '', stderr });
  });
});

describe('lookup marks what Apple retired', () => {
  test('a retired service has its date in the status; a retired product in the products', () => {
    expect(runCli('lookup', '2195')).toEqual({
      status: 0,
      stderr: '',
      stdout: [
        'Apple services using port 2195:',
        '',
        'Ports     Service               Name                                    Status                       Products',
        'tcp 2195  apns-legacy-provider  Apple Push Notification service (APNs)  legacy (retired 2021-03-31)  Apple Push Notification service',
        '',
      ].join('\n'),
    });
    const https = runCli('lookup', '443/tcp').stdout;
    expect(https).toContain(', My Photo Stream (retired 2023-07-26), ');
    expect(https).toContain(', Xcode Server (retired 2022-09-12)\n');
  });

  test('--format json gives each product its status and retirement date', () => {
    const { services } = JSON.parse(runCli('lookup', '5223', '--format', 'json').stdout);
    expect(services[0].products).toContainEqual({ id: 'PhotoStream', name: 'My Photo Stream', status: 'legacy', retired: '2023-07-26' });
    expect(services[0].products).toContainEqual({ id: 'iCloud', name: 'iCloud', status: 'current' });
  });
});

describe('profiles counts what a profile opens by default, and says so', () => {
  test('the count is the ports the resolver opens for the profile', () => {
    const { status, stdout } = runCli('profiles');
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Profile {2,}English {2,}中文 {2,}Direction {2,}Products {2,}Ports opened$/);
    // tcp 53, 80, 443, 2197, 5223 and udp 53, 123: the retired APNs ports are not counted.
    expect(lines).toContainEqual(expect.stringMatching(/^managed-mac {2,}Managed Mac {2,}受管理的 Mac {2,}egress {2,}DNS, iCloud, .* {2,}7$/));
    expect(lines.at(-1)).toBe('Ports opened: what the profile opens by default, without --include-legacy or --include-link-local.');
    const opened = resolve({ profiles: ['managed-mac'] }).rules.reduce((sum, rule) => sum + rule.toPort - rule.fromPort + 1, 0);
    expect(opened).toBe(7);
    const json = JSON.parse(runCli('profiles', '--format', 'json').stdout);
    expect(json.find((p: { id: string }) => p.id === 'managed-mac').portCount).toBe(opened);
  });
});

describe('--lang zh-CN translates what every command prints', () => {
  test('lookup', () => {
    expect(runCli('lookup', '2195', '--lang', 'zh-CN').stdout).toBe(
      [
        '端口 2195 上的 Apple 服务：',
        '',
        '端口      服务                  名称                       状态                  产品',
        'tcp 2195  apns-legacy-provider  Apple 推送通知服务 (APNS)  已停用（2021-03-31）  Apple 推送通知服务',
        '',
      ].join('\n'),
    );
    expect(runCli('lookup', '5223', '--lang', 'zh-CN').stdout).toContain('、照片流（已于 2023-07-26 停用）、');
    expect(runCli('lookup', '5223/udp', '--lang', 'zh-CN')).toEqual({ status: 0, stderr: '', stdout: '目录中没有 Apple 服务使用 udp 5223。\n' });
  });

  test('products and profiles', () => {
    const listed = runCli('products', '--lang', 'zh-CN').stdout.split('\n');
    expect(listed[0]).toMatch(/^产品 {2,}English {2,}中文 {2,}别名 {2,}状态 {2,}端口数$/);
    expect(listed).toHaveLength(products.length + 2);
    expect(listed).toContainEqual(expect.stringMatching(/^iTunesRadio {2,}.* {2,}已停用（2016-01-29） {2,}2000$/));
    expect(listed).toContainEqual(expect.stringMatching(/^FaceTime {2,}FaceTime {2,}FaceTime 通话 {2,}- {2,}在用 {2,}37$/));
    const profileLines = runCli('profiles', '--lang', 'zh-CN').stdout.trimEnd().split('\n');
    expect(profileLines[0]).toMatch(/^预设 {2,}English {2,}中文 {2,}方向 {2,}产品 {2,}默认开放端口数$/);
    expect(profileLines).toHaveLength(profiles.length + 3);
    expect(profileLines).toContainEqual(expect.stringMatching(/^remote-admin-host {2,}.* {2,}入站 {2,}AppleRemoteDesktop, ScreenSharing, SSH {2,}6$/));
    expect(profileLines.at(-1)).toBe('默认开放端口数：预设在默认设置下开放的端口，不含 --include-legacy 或 --include-link-local 才会保留的端口。');
  });

  test('firewall', () => {
    const { status, stdout } = runCli('firewall', 'NetworkTime', '--lang', 'zh-CN');
    expect(status).toBe(0);
    expect(stdout.split('\n').slice(0, 14)).toEqual([
      'AWS Network Firewall 规则组',
      '===========================',
      '',
      '产品：NetworkTime',
      '预设：无',
      '主机组：无',
      '容量：100（1 条规则需要 1）',
      '规则顺序：STRICT_ORDER（有状态，严格按顺序评估）',
      'HOME_NET：未设置：使用防火墙策略的 HOME_NET',
      '',
      '规则（1 条）',
      '------------',
      '',
      'pass udp $HOME_NET any -> $EXTERNAL_NET 123 (msg:"Network time server synchronization: NTP (udp 123)"; sid:1000000; rev:1;)',
    ]);
    expect(stdout).toContain('\n规则做不到的事\n--------------\n\n- QUIC 和 HTTP/3 无法按名称匹配：');
  });

  test.each([['products'], ['profiles'], ['resolve'], ['lookup'], ['hosts'], ['firewall'], ['diff'], ['review']])('%s --help lists --lang', (command) => {
    expect(runCli(command, '--help').stdout).toContain('--lang <locale>');
  });
});
