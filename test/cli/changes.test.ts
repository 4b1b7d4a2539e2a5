import { catalogueReleases } from '../../lib';
import type { CliIo } from '../../lib/cli/main';
import { LATER_RELEASE, withLaterRelease } from '../review/later-release';
import { assertBuilt, runCli } from './cli-process';

beforeAll(assertBuilt);

const current = catalogueReleases[0]!;

/** The 2026120100 section of `apple-ports changes`, exactly, for a selection whose firewall it does not change. */
const AUDIT_RELEASE = [
  '2026120100 (2026-12-01), after 2026112600',
  '-----------------------------------------',
  '',
  "Corrections from an audit of the first version: IPP's current RFC, Apple's printed service name on the RTP rows, NAT-PMP requests as unicast to the local gateway, and an App Store product for the App Store hosts every Apple system uses.",
  '',
  'In the catalogue:',
  '',
  '- ~ changed service ipp: rfc.current 8011 → 8010; notes; sources. RFC 8010 obsoletes RFC 2910 (IPP/1.1 Encoding and Transport), the RFC Apple prints; RFC 8011 replaces RFC 2911 (Model and Semantics) and is not the successor of 2910. (https://www.rfc-editor.org/rfc/rfc8010, https://www.rfc-editor.org/info/std92)',
  '- ~ changed service nat-pmp-announcements: notes. Only the announcements on 5350 are multicast (from the gateway to 224.0.0.1); the notes now say so and why a VPC carries none. (https://www.rfc-editor.org/rfc/rfc6886)',
  "- ~ changed service nat-pmp: reach link-local-multicast → local-gateway; notes. NAT-PMP requests go by unicast to the client's default gateway, not by multicast; in a VPC that gateway is the VPC router, which does not speak NAT-PMP, so the service stays out by default with its own reason. (https://www.rfc-editor.org/rfc/rfc6886)",
  '- ~ changed service facetime-rtp: appleServiceName none → connected, —; notes. Apple prints the service name "connected、—" on this row; it is kept beside IANA\'s name, and IANA lists 16385/udp as Reserved, not unassigned. (https://support.apple.com/zh-cn/103229, https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xhtml)',
  '- ~ changed service messages-rtp: appleServiceName none → connected, —; notes. Apple prints the service name "connected、—" on this row; it is kept beside IANA\'s name, and IANA lists 16385/udp as Reserved, not unassigned. (https://support.apple.com/zh-cn/103229, https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xhtml)',
  '- + added product AppStore. The App Store hosts of article 101555 serve every Apple system, not only the Mac App Store: the name "App Store" now selects this product, as the article means it. (https://support.apple.com/en-us/101555)',
  '- ~ changed product MacAppStore: aliases. "App Store" and "AppStore" now name the App Store product (AppStore); the Mac App Store keeps the port table\'s name. (https://support.apple.com/en-us/101555, https://support.apple.com/en-us/103229)',
  '',
].join('\n');

describe('apple-ports changes', () => {
  test('lists each version with its change-log entries and, for a selection, what it changes in the firewall', () => {
    const { status, stdout, stderr } = runCli('changes', 'App Store', '--since', '2026112600');
    expect([status, stderr]).toEqual([0, '']);
    expect(stdout.startsWith(
      [
        'Apple catalogue changes',
        '=======================',
        '',
        `Catalogue: ${current.version} (${current.date})`,
        'Changes after: 2026112600',
        'Direction: egress',
        'Products: App Store (AppStore)',
        'Profiles: none',
        '',
        '',
      ].join('\n'),
    )).toBe(true);
    expect(stdout).toContain(
      `${AUDIT_RELEASE}\nFor the selection:\n\nProducts added: App Store (AppStore)\nProducts removed: Mac App Store (MacAppStore)\n\nNo firewall changes: both policies open the same ports to the same peers.\n`,
    );
    expect(stdout.endsWith('\nNo version opens a port for the selection that the version before it did not.\n')).toBe(true);
  });

  test('without products it prints the change log alone and says how to see a selection', () => {
    const { status, stdout } = runCli('changes');
    expect(status).toBe(0);
    expect(stdout).toContain(`Changes after: 2026112600\n\n${AUDIT_RELEASE}`);
    expect(stdout.endsWith('\nName products or profiles to see what each version opens, closes or narrows for them.\n')).toBe(true);
  });

  test('--since the current version prints that there is nothing newer', () => {
    expect(runCli('changes', 'FaceTime', '--since', current.version, '--lang', 'zh-CN')).toEqual({
      status: 0,
      stderr: '',
      stdout: [
        'Apple 目录变更',
        '==============',
        '',
        `目录：${current.version}（${current.date}）`,
        `起始版本（不含）：${current.version}`,
        '方向：出站',
        '产品：FaceTime 通话 (FaceTime)',
        '预设：无',
        '',
        `${current.version} 之后没有新的目录版本。`,
        '',
      ].join('\n'),
    });
  });

  test('--format json prints the CatalogueChanges', () => {
    const { status, stdout } = runCli('changes', '--profile', 'managed-mac', '--since', '2026112600', '--format', 'json');
    expect(status).toBe(0);
    const changes = JSON.parse(stdout);
    expect([changes.since, changes.current, changes.widens]).toEqual(['2026112600', current.version, false]);
    expect(changes.selection.profiles).toEqual(['managed-mac']);
    expect(changes.versions[0].changes.map((c: { kind: string; entity: string; id: string }) => `${c.kind} ${c.entity} ${c.id}`)).toEqual([
      'changed service ipp',
      'changed service nat-pmp-announcements',
      'changed service nat-pmp',
      'changed service facetime-rtp',
      'changed service messages-rtp',
      'added product AppStore',
      'changed product MacAppStore',
    ]);
    expect(changes.versions[0].policy.changes).toEqual([]);
  });

  test('usage errors exit 2: an unknown version, and --fail-on-widen without a selection', () => {
    expect(runCli('changes', '--since', '20261201')).toEqual({
      status: 2,
      stdout: '',
      stderr: `error: Unknown catalogue version '20261201'. Valid versions: ${catalogueReleases.map((r) => r.version).join(', ')} (newest first; see data/changes.json).\n`,
    });
    expect(runCli('changes', '--fail-on-widen')).toEqual({
      status: 2,
      stdout: '',
      stderr: 'error: --fail-on-widen needs products or profiles: it fails when a catalogue version opens ports for them.\n',
    });
  });

  test('--fail-on-widen exits 0 when no version opens ports for the selection', () => {
    expect(runCli('changes', '--profile', 'ec2-mac-build-host', '--since', '2026112600', '--fail-on-widen').status).toBe(0);
  });
});

describe('apple-ports changes --fail-on-widen after a release that opens ports (made up, in-process)', () => {
  const { run } = withLaterRelease<typeof import('../../lib/cli/main')>('../lib/cli/main');

  function runInProcess(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const io: CliIo = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) };
    return { code: run(argv, io), stdout, stderr };
  }

  test('exits 1 after printing the changes, so a CI job fails on the upgrade', () => {
    const result = runInProcess('changes', 'AirPlay', '--since', current.version, '--fail-on-widen');
    expect([result.code, result.stderr]).toEqual([1, '']);
    expect(result.stdout).toContain('+ added egress tcp 7000 to 0.0.0.0/0\n    opens tcp 7000: AirPlay → airplay-control: AirPlay control\n');
    expect(result.stdout.endsWith(`\nWidens the policy: ${LATER_RELEASE.version} opens ports the version before did not.\n`)).toBe(true);
  });

  test('without the flag the same changes exit 0', () => {
    expect(runInProcess('changes', 'AirPlay', '--since', current.version).code).toBe(0);
  });
});
