import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { AppleServicesEgress } from '../../lib/cdk';
import { CLI, assertBuilt, runCli } from './cli-process';

beforeAll(assertBuilt);

const F = 'test/fixtures/flow-logs';
const root = join(__dirname, '..', '..');

function runWithInput(input: string | Buffer, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: root, input, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('apple-ports flows', () => {
  test('the program lists the command, and its help shows the examples', () => {
    expect(runCli('--help').stdout).toContain('  flows [options] <files...>');
    const help = runCli('flows', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout.split('\n')[0]).toBe('Usage: apple-ports flows [options] <files...>');
    expect(help.stdout).toContain('$ apple-ports flows flow-logs/ --replay cdk.out --format html > report.html');
  });

  test('reads the AWS example records (an S3 log with its header and a default-format log) and says what they are', () => {
    const result = runCli('flows', `${F}/aws-traffic-path-v5.s3.log`, `${F}/aws-default-format.log`, '--local', '172.31.16.0/20,10.0.0.0/16');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        'Apple traffic in flow logs',
        '==========================',
        '',
        'Read: 2 sources, 5 flow records (1 NODATA, 1 SKIPDATA), 0 malformed lines',
        'Apple devices: in 172.31.16.0/20, 10.0.0.0/16',
        'Flows: 0 Apple, 3 ambiguous, 0 to Apple on ports no product uses, 2 other',
        'Left out: 0 records of other interfaces, 2 records with no local end',
        '',
        'Apple ports seen (2)',
        '--------------------',
        '',
        'Direction  Protocol  Port  Records  Accepted  Rejected  Evidence     Apple hosts  Products that use the port',
        'egress     tcp       22    1        1         0         port only 1               Remote Login (SSH), Xcode Server (XcodeServer)',
        'egress     tcp       80    2        2         0         port only 2               AirPlay, Apple Business Manager (AppleBusinessManager), Apple Music (AppleMusic), Apple School Manager (AppleSchoolManager) and 15 more',
        '',
        'Traffic no Apple service explains (2)',
        '-------------------------------------',
        '',
        'Kind       Direction  Protocol  Port  Records  Far addresses  First record',
        `not Apple  egress     icmp      -     1        203.0.113.12   ${F}/aws-default-format.log:6`,
        `not Apple  ingress    icmp      -     1        203.0.113.12   ${F}/aws-default-format.log:5`,
        '',
      ].join('\n'),
    );
  });

  test('--suggest over flow and Resolver logs in a folder: the products, the profile, the evidence', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flows-'));
    try {
      writeFileSync(join(dir, 'vdi.log.gz'), gzipSync(readFileSync(join(root, F, 'apple-vdi.observer.log'))));
      writeFileSync(join(dir, 'queries.jsonl'), readFileSync(join(root, F, 'apple-vdi-queries.jsonl')));
      const result = runCli('flows', dir, '--suggest', '--local', '10.20.1.0/24');
      expect(result.status).toBe(0);
      const text = result.stdout;
      expect(text).toContain('Read: 2 sources, 12 flow records (1 NODATA, 0 SKIPDATA), 1 malformed line\n');
      expect(text).toContain(
        [
          'Suggested selection (egress)',
          '----------------------------',
          '',
          'Products: DNS, FaceTime, iCloud',
          'Opens: tcp 53, 80, 443, 5223; udp 53, 3478-3497, 16384-16387, 16393-16402 (34 ports beyond what was seen)',
          'Profile: no profile covers every port seen',
          '',
          'Product   Justified by                    Records  Also fits',
          'DNS       udp 53                          1        none',
          'FaceTime  tcp 443, 5223; udp 3478, 16385  7        none',
          'iCloud    tcp 443, 5223                   6        none',
        ].join('\n'),
      );
      expect(text).toContain('Profile: remote-admin-host covers it too, opening 5 ports beyond what was seen\n');
      expect(text).toContain(`- ${join(dir, 'vdi.log.gz')}:10: dstport 'notaport' is not a number from 0 to 65535\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('--replay a selection: what would break, and what it would let through', () => {
    const result = runCli('flows', `${F}/apple-vdi.observer.log`, '--local', '10.20.1.0/24', '--replay', 'iCloud');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      [
        'Replay of iCloud',
        '----------------',
        '',
        '3 rules. 5 accepted records would be rejected, 1 rejected record would be allowed, 0 depend on peers the replay cannot see, 6 unchanged.',
        '',
        'What would break (accepted now, rejected by the candidate)',
        '',
        'Direction  Protocol  Port   Products                                        Records  Far addresses  First record',
        `egress     tcp       9999   none                                            1        17.1.2.3       ${F}/apple-vdi.observer.log:11`,
        `egress     udp       53     DNS                                             1        8.8.8.8        ${F}/apple-vdi.observer.log:12`,
        `egress     udp       3478   FaceTime, Game Center (GameCenter)              1        17.173.1.1     ${F}/apple-vdi.observer.log:8`,
        `egress     udp       16385  FaceTime, Game Center (GameCenter), Messages    1        198.51.100.20  ${F}/apple-vdi.observer.log:6`,
        `ingress    tcp       22     Remote Login (SSH), Xcode Server (XcodeServer)  1        10.99.0.5      ${F}/apple-vdi.observer.log:14`,
        '',
      ].join('\n'),
    );
  });

  test('--replay a cdk.out directory reads the security groups of its templates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdk-out-'));
    try {
      writeFileSync(
        join(dir, 'Vdi.template.json'),
        JSON.stringify({ Resources: { Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { SecurityGroupEgress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' }] } } } }),
      );
      const result = runCli('flows', `${F}/apple-vdi.observer.log`, '--local', '10.20.1.0/24', '--replay', dir, '--format', 'json');
      expect(result.status).toBe(0);
      const replay = JSON.parse(result.stdout).replay;
      expect(replay.rules).toBe(1);
      expect(replay.wouldBlock.map((g: { protocol: string; servicePort: number }) => `${g.protocol} ${g.servicePort}`)).toEqual(['tcp 5223', 'tcp 9999', 'udp 53', 'udp 3478', 'udp 16385', 'tcp 22']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('--replay a cloud assembly replays what its apple-ports constructs recorded, not a group that allows all outbound', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdk-out-'));
    try {
      const app = new App({ outdir: dir });
      const stack = new Stack(app, 'Vdi');
      const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0 });
      // CDK's default: the bastion allows all outbound traffic.
      new ec2.SecurityGroup(stack, 'Bastion', { vpc });
      new AppleServicesEgress(stack, 'Desktops', { products: ['iCloud'], vpc });
      app.synth();
      const result = runCli('flows', `${F}/apple-vdi.observer.log`, '--local', '10.20.1.0/24', '--replay', dir, '--format', 'json');
      expect(result.status).toBe(0);
      const replay = JSON.parse(result.stdout).replay;
      expect(replay.rules).toBe(3);
      expect(replay.notes).toEqual([
        "Replayed the security-group policies the apple-ports constructs recorded (Vdi/Desktops); the templates' other security groups are left out. Give one template file to replay every group in it.",
      ]);
      expect(replay.wouldBlock.map((g: { protocol: string; servicePort: number }) => `${g.protocol} ${g.servicePort}`)).toEqual(['tcp 9999', 'udp 53', 'udp 3478', 'udp 16385', 'tcp 22']);

      // The template alone replays every group in it, and says which one allows everything.
      const template = runCli('flows', `${F}/apple-vdi.observer.log`, '--local', '10.20.1.0/24', '--replay', join(dir, 'Vdi.template.json'), '--format', 'json');
      const all = JSON.parse(template.stdout).replay;
      expect(all.notes).toContain(`${join(dir, 'Vdi.template.json')} Bastion2B4CEC30 allows all egress traffic to 0.0.0.0/0, so the replay allows every egress flow of that family.`);
      expect(all.wouldBlock.map((g: { protocol: string; servicePort: number }) => `${g.protocol} ${g.servicePort}`)).toEqual(['tcp 22']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('standard input, with a field list for a CloudWatch export', () => {
    const fields = 'version vpc-id subnet-id instance-id interface-id account-id type srcaddr dstaddr srcport dstport pkt-srcaddr pkt-dstaddr protocol bytes packets start end action tcp-flags log-status';
    const result = runWithInput(readFileSync(join(root, F, 'aws-tcp-flags-v3.cloudwatch.log')), 'flows', '-', '--fields', fields, '--format', 'json');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.sources).toEqual([{ name: '-', kind: 'flow-log', lines: 8, entries: 8, nodata: 0, skipdata: 0, malformed: 0, fields: fields.split(' ') }]);
    // Requests with SYN and replies with SYN-ACK are one inbound connection to port 5001 on the private end.
    expect(report.groups.map((g: { direction: string; servicePort: number; records: number }) => [g.direction, g.servicePort, g.records])).toEqual([['ingress', 5001, 8]]);
  });

  test('--format csv: one record per flow group; --format html: one page with charts and no script', () => {
    const csv = runCli('flows', `${F}/apple-vdi.observer.log`, '--format', 'csv');
    expect(csv.stdout.split('\r\n')[0]).toBe('class,direction,protocol,port,action,evidence,records,packets,bytes,services,products,hosts,first_seen,last_seen,sample');
    const html = runCli('flows', `${F}/apple-vdi.observer.log`, '--suggest', '--format', 'html');
    expect(html.status).toBe(0);
    expect(html.stdout.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html.stdout.match(/<svg /g)).toHaveLength(2);
    expect(html.stdout).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  test('--lang zh-CN', () => {
    const result = runCli('flows', `${F}/apple-vdi.observer.log`, '--lang', 'zh-CN');
    expect(result.stdout.split('\n')[0]).toBe('流日志中的 Apple 流量');
  });

  test.each([
    [['--fields', 'version srcaddr dstprt'], "error: option '--fields <fields>' argument 'version srcaddr dstprt' is invalid. Unknown flow log field 'dstprt'. Did you mean 'dstport'?\n(add --help for usage)\n"],
    [['--local', '10.0.0.0/33'], "error: --local: Invalid CIDR '10.0.0.0/33': the prefix length in '10.0.0.0/33' must be 0-32 for IPv4. Give a CIDR such as 10.0.0.0/16 or an interface id such as eni-0123456789abcdef0.\n"],
    [['--replay', 'iClod'], "error: --replay: Unknown Apple product 'iClod'. Did you mean 'iCloud'?\n"],
    [['--sid-base', '5'], 'error: --sid-base numbers the rules of --firewall. Give --firewall with the products of the rule group, or leave --sid-base out.\n'],
    [['--firewall', 'iCloud', '--sid-base', '-5'], 'error: --firewall: --sid-base -5 is not a signature id. Use a whole number from 1 to 4294967295.\n'],
    [['--firewall', 'iCloud', '--sid-base', '1e3'], "error: option '--sid-base <n>' argument '1e3' is invalid. Use a whole number, e.g. --sid-base 1000000.\n(add --help for usage)\n"],
  ])('usage error %j exits 2 and names the flag and the fix', (args, stderr) => {
    const result = runCli('flows', `${F}/aws-default-format.log`, ...args);
    expect(result).toEqual({ status: 2, stdout: '', stderr });
  });

  test('a missing input exits 2', () => {
    expect(runCli('flows', 'nope.log')).toEqual({
      status: 2,
      stdout: '',
      stderr: 'error: nope.log: no such file or folder. Give flow log, Resolver query log or Network Firewall log files, folders of them, or - for standard input.\n',
    });
  });

  test('--firewall maps alert signature ids back to the rules', () => {
    const result = runCli('flows', `${F}/apple-firewall-alerts.jsonl`, '--firewall', 'iCloud', '--format', 'json');
    expect(result.status).toBe(0);
    const firewall = JSON.parse(result.stdout).firewall;
    expect(firewall.rules.map((r: { sid: number; alerts: number }) => [r.sid, r.alerts])).toEqual([
      [1000014, 2],
      [1000017, 1],
    ]);
  });
});
