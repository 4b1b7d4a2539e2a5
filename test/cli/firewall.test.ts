import { FIREWALL_LIMITATIONS, planFirewallRules } from '../../lib/core';
import { cliTerms } from '../../lib/cli/terms';
import { assertBuilt, runCli } from './cli-process';

beforeAll(assertBuilt);

describe('apple-ports firewall', () => {
  test('--format rules prints the rule group\'s rules string alone, one rule per line', () => {
    const { status, stdout, stderr } = runCli('firewall', 'FaceTime', '--format', 'rules');
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(`${planFirewallRules({ products: ['FaceTime'] }).rulesString}\n`);
    expect(stdout.split('\n')).toEqual([
      'pass tcp $HOME_NET any <> $EXTERNAL_NET 443 (flow:not_established; msg:"FaceTime: TCP handshake for TLS SNI rules (tcp 443)"; sid:1000000; rev:1;)',
      'pass tcp $HOME_NET any <> $EXTERNAL_NET 80 (flow:not_established; msg:"FaceTime: TCP handshake for HTTP Host rules (tcp 80)"; sid:1000001; rev:1;)',
      'pass tls $HOME_NET any -> $EXTERNAL_NET 443 (ssl_state:client_hello; tls.sni; dotprefix; content:".push.apple.com"; nocase; endswith; msg:"FaceTime: TLS SNI *.push.apple.com (tcp 443)"; flow:to_server, established; sid:1000002; rev:1;)',
      'pass http $HOME_NET any -> $EXTERNAL_NET 80 (http.host; dotprefix; content:".push.apple.com"; endswith; msg:"FaceTime: HTTP Host *.push.apple.com (tcp 80)"; flow:to_server, established; sid:1000003; rev:1;)',
      'pass tcp $HOME_NET any -> 17.0.0.0/8 5223 (msg:"FaceTime: APNs (tcp 5223)"; sid:1000004; rev:1;)',
      'pass udp $HOME_NET any -> $EXTERNAL_NET 3478:3497 (msg:"FaceTime: STUN/TURN (udp 3478-3497)"; sid:1000005; rev:1;)',
      'pass udp $HOME_NET any -> $EXTERNAL_NET 16384:16387 (msg:"FaceTime: RTP/RTCP (udp 16384-16387)"; sid:1000006; rev:1;)',
      'pass udp $HOME_NET any -> $EXTERNAL_NET 16393:16402 (msg:"FaceTime: RTP/RTCP (udp 16393-16402)"; sid:1000007; rev:1;)',
      '',
    ]);
  });

  test('the default text says the capacity, rule order and HOME_NET, then the rules, notices and limitations', () => {
    const { status, stdout, stderr } = runCli('firewall', 'FaceTime', '--home-net', '10.0.0.0/16,10.1.0.0/16', '--capacity', '20');
    expect(status).toBe(0);
    expect(stderr).toBe('');
    const plan = planFirewallRules({ products: ['FaceTime'] }, { homeNet: ['10.0.0.0/16', '10.1.0.0/16'], capacity: 20 });
    expect(stdout).toBe(
      [
        'AWS Network Firewall rule group',
        '===============================',
        '',
        'Products: FaceTime',
        'Profiles: none',
        'Host groups: apple-push-notifications',
        'Capacity: 20 (the 8 rules need 8)',
        'Rule order: STRICT_ORDER (stateful, strict evaluation order)',
        'HOME_NET: 10.0.0.0/16, 10.1.0.0/16',
        '',
        'Rules (8)',
        '---------',
        '',
        plan.rulesString,
        '',
        'Notices (1)',
        '-----------',
        '',
        "- Apple lists *.push.apple.com on tcp 2197, which the selected products' port-table services do not use, so no rule opens it. Select the product that uses it, or add an extra rule.",
        '',
        'What the rules cannot do',
        '------------------------',
        '',
        ...FIREWALL_LIMITATIONS.map((l) => `- ${l.summary} (${l.source})`),
        '',
      ].join('\n'),
    );
  });

  test('host groups, profiles and --sid-base number the rules; hosts under a wildcard are named', () => {
    const { status, stdout } = runCli('firewall', '--profile', 'managed-mac', '--host-group', 'certificate-validation', '--sid-base', '2000000');
    expect(status).toBe(0);
    const plan = planFirewallRules({ profiles: ['managed-mac'], hostGroups: ['certificate-validation'] }, { sidBase: 2_000_000 });
    expect(stdout).toContain(`\nCapacity: 100 (the ${plan.rules.length} rules need ${plan.rules.length})\n`);
    expect(stdout).toContain("\nHOME_NET: not set: the firewall policy's HOME_NET applies\n");
    expect(stdout).toContain(`\n${plan.rulesString}\n`);
    expect(plan.rules[0].sid).toBe(2_000_000);
    expect(plan.covered.length).toBeGreaterThan(0);
    expect(stdout).toContain(
      `\nHosts without a rule of their own:\n\n${plan.covered.map((c) => `- ${c.host}: matched by the ${c.kind === 'tls-sni' ? 'TLS SNI' : 'HTTP Host'} rule for ${c.coveredBy}`).join('\n')}\n`,
    );
  });

  test('--format json prints the plan of planFirewallRules', () => {
    const { status, stdout } = runCli('firewall', 'iCloud', '--ipv6', '--exclude', 'http', '--format', 'json');
    expect(status).toBe(0);
    // The same plan, its messages in the command's words.
    const plan = planFirewallRules({ products: ['iCloud'], ipv6: true, exclude: ['http'] }, { terms: cliTerms('firewall') });
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(plan)));
    expect(plan.policy!.notices.find((n) => n.code === 'user-excluded')!.message).toBe('Left out by --exclude: http (tcp 80) for iCloud.');
  });

  test('--platform leaves out the name rules of hosts Apple limits to other systems, as hosts --platform does', () => {
    const macOS = runCli('firewall', 'SoftwareUpdate', '--platform', 'macOS', '--format', 'rules');
    expect(macOS).toEqual({ status: 0, stdout: `${planFirewallRules({ products: ['SoftwareUpdate'], platforms: ['macOS'] }).rulesString}\n`, stderr: '' });
    expect(macOS.stdout).not.toContain('appldnld.apple.com');
    expect(runCli('firewall', 'SoftwareUpdate', '--format', 'rules').stdout).toContain('content:"appldnld.apple.com"');
  });

  test('--destination sends the port rules to CIDRs instead of Apple\'s network and anywhere', () => {
    const { status, stdout, stderr } = runCli('firewall', 'FaceTime', '--destination', '10.0.0.0/8', '--format', 'rules');
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    expect(stdout).toBe(`${planFirewallRules({ products: ['FaceTime'], destinations: ['10.0.0.0/8'] }).rulesString}\n`);
    expect(stdout).toContain('pass tcp $HOME_NET any -> 10.0.0.0/8 5223 (msg:"FaceTime: APNs (tcp 5223)"; sid:1000004; rev:1;)\n');
  });

  test('--help explains the command', () => {
    const { status, stdout, stderr } = runCli('firewall', '--help');
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.split('\n')[0]).toBe('Usage: apple-ports firewall [options] [products...]');
    expect(stdout).toContain('--sid-base <n>        the first rule\'s signature id (default: 1000000)');
    expect(stdout).toContain('--format rules prints the rules string alone; json prints the plan from planFirewallRules().');
  });
});

describe('apple-ports firewall usage errors exit with code 2 and say what to do on stderr', () => {
  test.each([
    [['firewall', 'FaceTme'], "error: Unknown Apple product 'FaceTme'. Did you mean 'FaceTime'?\n"],
    [['firewall', '--host-group', 'icloude'], "error: Unknown Apple host group 'icloude'. Did you mean 'icloud'?\n"],
    [
      ['firewall', 'Maps'],
      "error: Apple's enterprise-network article lists no hosts for Maps, so the rule group would have no rules: they need no traffic besides HTTP and HTTPS. Select products or host groups Apple lists hosts for, e.g. `apple-ports firewall iCloud` or `apple-ports firewall --host-group certificate-validation`.\n",
    ],
    [['firewall', 'iCloud', '--sid-base', '0'], 'error: --sid-base 0 is not a signature id. Use a whole number from 1 to 4294967295.\n'],
    [['firewall', 'iCloud', '--capacity', '2'], 'error: --capacity 2 is below the 18 this selection needs. Use at least 18 (100 leaves room to grow), or leave it out; a deployed rule group cannot grow in place, so a new capacity replaces it.\n'],
    [['firewall', 'iCloud', '--home-net', '10.0.0.0/33'], "error: --home-net: '10.0.0.0/33' is not a CIDR: the prefix length in '10.0.0.0/33' must be 0-32 for IPv4.\n"],
    [['firewall', 'iCloud', '--sid-base', 'x'], "error: option '--sid-base <n>' argument 'x' is invalid. Use a whole number, e.g. --sid-base 1000000.\n(add --help for usage)\n"],
    [['firewall', 'iCloud', '--capacity', '1.5'], "error: option '--capacity <n>' argument '1.5' is invalid. Use a whole number, e.g. --capacity 100.\n(add --help for usage)\n"],
    [
      ['firewall', 'iCloud', '--destination', 'sg-0123456789abcdef0'],
      "error: Invalid --destination 'sg-0123456789abcdef0': a Network Firewall rules string takes CIDRs, not security groups. Use 'anywhere', 'apple-network' or CIDRs.\n",
    ],
    [['firewall', 'iCloud', '--platform', 'tvos2'], "error: Unknown platform 'tvos2'. Did you mean 'tvOS'?\n"],
    [['firewall', 'iCloud', '--format', 'yaml'], "error: option '--format <format>' argument 'yaml' is invalid. Allowed choices are text, rules, json.\n(add --help for usage)\n"],
  ])('apple-ports %j', (args, stderr) => {
    expect(runCli(...args)).toEqual({ status: 2, stdout: '', stderr });
  });

  test('an ingress profile is refused: the rule group allows outbound traffic', () => {
    const { status, stdout, stderr } = runCli('firewall', '--profile', 'remote-admin-host');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      "error: Profile 'remote-admin-host' is meant for ingress, but the rule group allows the Apple devices' outbound traffic. Select egress products or profiles, and control ingress with security groups.\n",
    );
  });
});
