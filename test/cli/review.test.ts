/**
 * `apple-ports review` on cloud assemblies synthesized here: the example app in examples/cdk (the
 * head), a smaller app as the base, and the example inside a stage (a nested assembly).
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Stage } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { POLICY_METADATA_KEY, renderReview, reviewPolicy } from 'apple-ports';
import { AppleDnsFirewall, AppleNetworkPrefixList, AppleServicesDomainList, AppleServicesEgress, AppleServicesFirewallRules } from 'apple-ports/cdk';
import { buildExample } from '../../examples/cdk/stacks';
import { assertBuilt, runCliIn } from './cli-process';

beforeAll(assertBuilt);

const dir = mkdtempSync(join(tmpdir(), 'apple-ports-review-'));

/** The example app, as `cdk synth` builds it, written to `cdk.out` in the test directory. */
const example = buildExample(new App({ outdir: join(dir, 'cdk.out') }));
(example.vdi.node.root as App).synth();

/** The base: the VDI desktops with iCloud only, a construct since removed, a prefix list and a rule group. */
function synthBase(): void {
  const app = new App({ outdir: join(dir, 'base.out') });
  const stack = new Stack(app, 'AppleVdi');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
  new AppleServicesEgress(stack, 'VdiDesktops', { products: ['iCloud', 'FaceTime'], maxRules: 4, vpc });
  new AppleServicesEgress(stack, 'Printers', { products: ['Printing'], vpc });
  new AppleNetworkPrefixList(stack, 'AppleNetwork');
  new AppleServicesFirewallRules(stack, 'Rules', { hostGroups: ['certificate-validation'] });
  app.synth();
}
synthBase();

/** The example app inside a stage: its stacks are written to a nested assembly. */
const staged = new App({ outdir: join(dir, 'staged.out') });
buildExample(new Stage(staged, 'Prod'));
staged.synth();

const review = (...args: string[]) => runCliIn(dir, 'review', ...args);

/** A DNS Firewall and a domain list, with Push Notifications, then with Software Update as well. */
function synthNameFilters(outdir: string, products: ('PushNotifications' | 'SoftwareUpdate')[]): void {
  const app = new App({ outdir: join(dir, outdir) });
  const stack = new Stack(app, 'AppleDns');
  new AppleDnsFirewall(stack, 'Dns', { products, walledGarden: true, allowDomains: ['*.amazonaws.com'], vpcs: ['vpc-0123456789abcdef0'], priority: 200 });
  new AppleServicesDomainList(stack, 'Domains', { products });
  app.synth();
}
synthNameFilters('dns-base.out', ['PushNotifications']);
synthNameFilters('dns.out', ['PushNotifications', 'SoftwareUpdate']);

describe('the policy record in the template', () => {
  test('is under Metadata apple-ports:policies, by construct path, with readable names', () => {
    const template = JSON.parse(readFileSync(join(dir, 'cdk.out', 'AppleMacHosts.template.json'), 'utf8'));
    const records = template.Metadata[POLICY_METADATA_KEY];
    expect(Object.keys(records)).toEqual(['AppleMacHosts/MacHosts', 'AppleMacHosts/MacHostsEgress']);
    expect(records['AppleMacHosts/MacHosts'].version).toBe(1);
    expect(records['AppleMacHosts/MacHosts'].type).toBe('AppleServicesIngress');
    expect(records['AppleMacHosts/MacHosts'].policy.rules.map((r: { peer: unknown }) => r.peer)).toEqual([
      { kind: 'security-group', id: '{AppleMacHosts/Bastion}' },
      { kind: 'security-group', id: '{AppleMacHosts/Bastion}' },
      { kind: 'security-group', id: '{AppleMacHosts/Bastion}' },
    ]);
    expect(JSON.stringify(records)).not.toMatch(/\$\{Token|Unresolved/);
  });
});

describe('apple-ports review <assembly>', () => {
  test('renders every construct of every stack, each with its review', () => {
    const { status, stdout, stderr } = review('cdk.out', '--format', 'markdown');
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    expect(stdout.split('\n').filter((line) => /^##? /.test(line))).toEqual([
      '# Apple network policies',
      '## AppleMacHosts/MacHosts (AppleServicesIngress)',
      '## AppleMacHosts/MacHostsEgress (AppleServicesEgress)',
      '## AppleVdi/VdiDesktops (AppleServicesEgress)',
    ]);
    // Each construct's section is the library's review of its policy, under the construct's heading.
    const own = renderReview(example.vdi.desktops.policy, { format: 'markdown' }).split('\n');
    const section = stdout.slice(stdout.indexOf('## AppleVdi/VdiDesktops (AppleServicesEgress)')).split('\n');
    expect(section.slice(0, 4)).toEqual(['## AppleVdi/VdiDesktops (AppleServicesEgress)', '', '- **Stack**: AppleVdi', own[2]]);
    expect(section.slice(4).join('\n')).toBe(own.slice(3).join('\n').replace(/^## /gm, '### '));
    expect(stdout).toContain('\n| ingress | tcp | 5900 | {AppleMacHosts/Bastion} | Screen Sharing → rfb: Remote Frame Buffer, RFC 6143 |\n');
  });

  test('--format json holds each construct with its PolicyReview', () => {
    const parsed = JSON.parse(review('cdk.out', '--format', 'json').stdout);
    expect(parsed.version).toBe(1);
    expect(parsed.constructs.map((c: { stack: string; path: string; type: string }) => [c.stack, c.path, c.type])).toEqual([
      ['AppleMacHosts', 'AppleMacHosts/MacHosts', 'AppleServicesIngress'],
      ['AppleMacHosts', 'AppleMacHosts/MacHostsEgress', 'AppleServicesEgress'],
      ['AppleVdi', 'AppleVdi/VdiDesktops', 'AppleServicesEgress'],
    ]);
    expect(parsed.constructs[2].review).toEqual(JSON.parse(JSON.stringify(reviewPolicy(example.vdi.desktops.policy))));
  });

  test('--format csv adds the stack and construct to each record; prefix lists and rule groups too', () => {
    const records = review('base.out', '--format', 'csv').stdout.split('\r\n');
    expect(records[0]).toBe('stack,construct,kind,direction,protocol,from_port,to_port,peer,products,services,why');
    expect(records).toContain('AppleVdi,AppleVdi/AppleNetwork,prefix-list-entry,,,,,17.0.0.0/8,,,');
    expect(records).toContain('AppleVdi,AppleVdi/Rules,name-rule,egress,,,,certs.apple.com,,,');
    expect(records).toContain('AppleVdi,AppleVdi/Printers,rule,egress,tcp,515,515,0.0.0.0/0,Printing,lpd,"Printing → lpd: Line Printer (LPR), Line Printer Daemon (LPD), RFC 1179"');
  });

  test('--lang zh-CN', () => {
    const { status, stdout } = review('base.out', '--lang', 'zh-CN');
    expect(status).toBe(0);
    expect(stdout.split('\n').slice(0, 11)).toEqual([
      'Apple 网络策略',
      '==============',
      '',
      'AppleVdi/AppleNetwork（AppleNetworkPrefixList）',
      '-----------------------------------------------',
      '',
      '堆栈：AppleVdi',
      '地址族：ipv4',
      '最大条目数：1',
      '',
      '条目（1 个）',
    ]);
  });

  test('stages: the stacks of nested assemblies are read too', () => {
    const { status, stdout } = review('staged.out', '--format', 'json');
    expect(status).toBe(0);
    expect(JSON.parse(stdout).constructs.map((c: { stack: string; path: string }) => `${c.stack} ${c.path}`)).toEqual([
      'Prod/AppleMacHosts Prod/AppleMacHosts/MacHosts',
      'Prod/AppleMacHosts Prod/AppleMacHosts/MacHostsEgress',
      'Prod/AppleVdi Prod/AppleVdi/VdiDesktops',
    ]);
  });
});

describe('apple-ports review <head> --base <base>', () => {
  test('says what changed, construct by construct, and exits 1', () => {
    const { status, stdout, stderr } = review('cdk.out', '--base', 'base.out');
    expect({ status, stderr }).toEqual({ status: 1, stderr: '' });
    const lines = stdout.split('\n');
    expect(lines.slice(0, 7)).toEqual([
      'Apple network policy changes',
      '============================',
      '',
      'base.out → cdk.out',
      '',
      'Constructs: 2 added, 3 removed, 1 changed, 0 unchanged.',
      '',
    ]);
    expect(lines.filter((line) => / \(Apple\w+\): /.test(line))).toEqual([
      'AppleMacHosts/MacHosts (AppleServicesIngress): added',
      'AppleMacHosts/MacHostsEgress (AppleServicesEgress): added',
      'AppleVdi/AppleNetwork (AppleNetworkPrefixList): removed',
      'AppleVdi/Printers (AppleServicesEgress): removed',
      'AppleVdi/Rules (AppleServicesFirewallRules): removed',
      'AppleVdi/VdiDesktops (AppleServicesEgress): changed',
    ]);
    // Dropping the budget of 4 narrows the rules back to what iCloud and FaceTime need.
    const changed = stdout.slice(stdout.indexOf('AppleVdi/VdiDesktops (AppleServicesEgress): changed'));
    expect(changed).toBe(
      [
        'AppleVdi/VdiDesktops (AppleServicesEgress): changed',
        '---------------------------------------------------',
        '',
        'Stack: AppleVdi',
        '',
        'Products added: none',
        'Products removed: none',
        'Rule budget: maxRules 4 per address family → none',
        '',
        'Opens no ports; closes 367 ports in 2 ranges.',
        '',
        '~ narrowed egress tcp 80-443 → 80, 443 to 0.0.0.0/0',
        '    closes tcp 81-442: widened to fit maxRules 4',
        '~ narrowed egress udp 16384-16402 → 16384-16387, 16393-16402 to 0.0.0.0/0',
        '    closes udp 16388-16392: widened to fit maxRules 4',
        '',
      ].join('\n'),
    );
    expect(stdout).toContain('\nEntries removed\n~~~~~~~~~~~~~~~\n\n- 17.0.0.0/8\n');
    expect(stdout).toContain('\nHosts removed\n~~~~~~~~~~~~~\n\n- ocsp.digicert.cn\n- certs.apple.com\n');
  });

  test('--format markdown is the pull-request comment; --format json says whether anything changed', () => {
    const markdown = review('cdk.out', '--base', 'base.out', '--format', 'markdown');
    expect(markdown.status).toBe(1);
    expect(markdown.stdout).toContain(
      '\n## AppleVdi/VdiDesktops (AppleServicesEgress): changed\n\n- **Stack**: AppleVdi\n\n- **Products added**: none\n- **Products removed**: none\n- **Rule budget**: maxRules 4 per address family → none\n',
    );
    const json = review('cdk.out', '--base', 'base.out', '--format', 'json');
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ version: 1, changed: true, summary: { added: 2, removed: 3, changed: 1, unchanged: 0 } });
  });

  test('nothing changed: exit 0, and every construct listed as unchanged', () => {
    expect(review('cdk.out', '--base', 'cdk.out')).toEqual({
      status: 0,
      stderr: '',
      stdout: [
        'Apple network policy changes',
        '============================',
        '',
        'cdk.out → cdk.out',
        '',
        'Constructs: 0 added, 0 removed, 0 changed, 3 unchanged.',
        '',
        'unchanged (3)',
        '-------------',
        '',
        '- AppleMacHosts/MacHosts (AppleServicesIngress)',
        '- AppleMacHosts/MacHostsEgress (AppleServicesEgress)',
        '- AppleVdi/VdiDesktops (AppleServicesEgress)',
        '',
      ].join('\n'),
    });
  });
});

describe('apple-ports review usage errors exit 2', () => {
  mkdirSync(join(dir, 'empty'), { recursive: true });
  writeFileSync(join(dir, 'file.txt'), '');

  test.each([
    [['missing'], 'error: missing is not a directory. Give the cloud assembly `cdk synth` writes (cdk.out, or the directory of `cdk synth -o`).\n'],
    [['file.txt'], 'error: file.txt is not a directory. Give the cloud assembly `cdk synth` writes (cdk.out, or the directory of `cdk synth -o`).\n'],
    [['empty'], 'error: empty is not a cloud assembly: it has no manifest.json. Run `npx cdk synth` first, or give the directory of `cdk synth -o`.\n'],
    [['cdk.out', '--base', 'empty'], 'error: empty is not a cloud assembly: it has no manifest.json. Run `npx cdk synth` first, or give the directory of `cdk synth -o`.\n'],
    [['cdk.out', '--base', 'base.out', '--format', 'csv'], 'error: --format csv prints a review; with --base, use --format text, markdown or json.\n'],
  ])('apple-ports review %j', (args, stderr) => {
    expect(review(...args)).toEqual({ status: 2, stdout: '', stderr });
  });
});

describe('apple-ports review: DNS Firewall rule groups and domain lists', () => {
  test('are reviewed with the names they allow', () => {
    const { status, stdout } = review('dns-base.out');
    expect(status).toBe(0);
    expect(stdout).toBe(
      [
        'Apple network policies',
        '======================',
        '',
        'AppleDns/Dns (AppleDnsFirewall)',
        '-------------------------------',
        '',
        'Stack: AppleDns',
        'Rules: 100 ALLOW apple, 200 ALLOW allowed, 300 BLOCK everything',
        'Host groups: apple-push-notifications',
        '',
        'Hosts allowed by name (2)',
        '~~~~~~~~~~~~~~~~~~~~~~~~~',
        '',
        '- *.push.apple.com',
        '- *.amazonaws.com',
        '',
        'AppleDns/Domains (AppleServicesDomainList)',
        '------------------------------------------',
        '',
        'Stack: AppleDns',
        'Capacity: 100',
        'Rules: STRICT_ORDER, TLS_SNI, HTTP_HOST',
        'Host groups: apple-push-notifications',
        '',
        'Hosts allowed by name (1)',
        '~~~~~~~~~~~~~~~~~~~~~~~~~',
        '',
        '- .push.apple.com',
        '',
      ].join('\n'),
    );
  });

  test('--base names the hosts each one allows more', () => {
    const { status, stdout } = review('dns.out', '--base', 'dns-base.out');
    expect(status).toBe(1);
    expect(stdout.split('\n').filter((line) => / \(Apple\w+\): /.test(line))).toEqual(['AppleDns/Dns (AppleDnsFirewall): changed', 'AppleDns/Domains (AppleServicesDomainList): changed']);
    const dns = stdout.slice(stdout.indexOf('AppleDns/Dns (AppleDnsFirewall): changed'), stdout.indexOf('AppleDns/Domains (AppleServicesDomainList): changed'));
    expect(dns).toContain('\nHosts added\n~~~~~~~~~~~\n\n- appldnld.apple.com\n');
    expect(dns).toContain('\n- swscan.apple.com\n');
    expect(dns).not.toContain('Hosts removed');
  });
});
