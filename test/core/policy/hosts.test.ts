import * as core from '../../../lib/core';
import { resolve } from '../../../lib/core';
import { hostsFor, type RequiredHost } from '../../../lib/core/policy';
import { compareHosts, domainListTarget, findHostGroup, getHostGroup, hostGroups } from '../../../lib/core/catalogue';
import { thrown } from '../../thrown';

/** "host | ports | products | groups" per host, so golden lists read like a table. */
const table = (hosts: readonly RequiredHost[]) =>
  hosts.map((h) => `${h.host} | ${h.ports.map((p) => `${p.protocol} ${p.fromPort}`).join(', ')} | ${h.products.join(', ')} | ${h.hostGroups.join(', ')}`);

describe('hostsFor', () => {
  test('PushNotifications: the one APNs wildcard with all four ports, by alias too', () => {
    const list = hostsFor({ products: ['APNs'] });
    expect(list.products).toEqual(['PushNotifications']);
    expect(list.hostGroups).toEqual(['apple-push-notifications']);
    expect(list.hosts).toEqual([
      {
        host: '*.push.apple.com',
        domain: 'push.apple.com',
        match: 'subdomains',
        ports: [
          { protocol: 'tcp', fromPort: 80, toPort: 80 },
          { protocol: 'tcp', fromPort: 443, toPort: 443 },
          { protocol: 'tcp', fromPort: 2197, toPort: 2197 },
          { protocol: 'tcp', fromPort: 5223, toPort: 5223 },
        ],
        products: ['PushNotifications'],
        hostGroups: ['apple-push-notifications'],
        descriptions: [],
        platforms: [],
        notes: [expect.stringMatching(/^Devices connect to APNs on TCP 5223\./)],
        sources: ['https://support.apple.com/en-us/101555', 'https://support.apple.com/en-us/102266'],
      },
    ]);
    expect(list.statements).toEqual([
      'Network connections to the hosts below are initiated by the device, not by hosts operated by Apple.',
      'Apple services will fail any connection that uses HTTPS Interception (SSL Inspection).',
    ]);
  });

  test('iCloud + FaceTime: iCloud, Apple Account and push hosts, sorted by domain', () => {
    const list = hostsFor({ products: ['iCloud', 'FaceTime'] });
    expect(list.hosts.map((h) => h.host)).toEqual([
      '*.icloud.com.cn',
      'appleid.apple.com',
      '*.gc.apple.com',
      'gsa.apple.com',
      '*.icloud.apple.com',
      'idmsa.apple.com',
      '*.iwork.apple.com',
      '*.push.apple.com',
      '*.apple-cloudkit.com',
      '*.apple-livephotoskit.com',
      '*.apzones.com',
      '*.cdn-apple.com',
      'appleid.cdn-apple.com',
      '*.icloud.com',
      'mask.icloud.com',
      'mask-api.icloud.com',
      'mask-h2.icloud.com',
      '*.icloud-content.com',
    ]);
    expect(list.hosts.find((h) => h.host === '*.push.apple.com')!.products).toEqual(['FaceTime', 'iCloud']);
    expect(list.hosts.find((h) => h.host === 'mask.icloud.com')).toMatchObject({ ports: [{ protocol: 'udp', fromPort: 443, toPort: 443 }], descriptions: ['iCloud Private Relay'] });
    expect(list.hostGroups).toEqual(['apple-account', 'apple-push-notifications', 'icloud']);
  });

  test('a product naming some hosts of a group gets only those: NetworkTime, with the macOS limit', () => {
    expect(table(hostsFor({ products: ['NetworkTime'] }).hosts)).toEqual([
      'time.apple.com | udp 123 | NetworkTime | device-setup',
      'time-ios.apple.com | udp 123 | NetworkTime | device-setup',
      'time-macos.apple.com | udp 123 | NetworkTime | device-setup',
    ]);
    expect(hostsFor({ products: ['NetworkTime'] }).hosts.map((h) => h.platforms)).toEqual([
      ['iOS', 'iPadOS', 'macOS', 'tvOS', 'visionOS'],
      ['iOS', 'iPadOS', 'tvOS', 'visionOS'],
      ['macOS'],
    ]);
    expect(table(hostsFor({ products: ['macOSInternetRecovery'] }).hosts)).toEqual([
      'oscdn.apple.com | tcp 80, tcp 443 | macOSInternetRecovery | software-updates',
      'osrecovery.apple.com | tcp 80, tcp 443 | macOSInternetRecovery | software-updates',
    ]);
  });

  test('device management brings the push hosts its category includes', () => {
    const list = hostsFor({ products: ['MDM'] });
    expect(list.products).toEqual(['DeviceManagement']);
    expect(list.hostGroups).toEqual(['apple-push-notifications', 'device-management']);
    expect(list.hosts.map((h) => h.host)).toEqual([
      '*.appattest.apple.com',
      'deviceenrollment.apple.com',
      'deviceservices-external.apple.com',
      'gdmf.apple.com',
      'identity.apple.com',
      'iprofiles.apple.com',
      'vpp.itunes.apple.com',
      'mdmenrollment.apple.com',
      '*.push.apple.com',
      'setup.icloud.com',
    ]);
  });

  test('a host listed by two groups is one entry with both groups and every port', () => {
    const list = hostsFor({ products: ['SoftwareUpdate'], hostGroups: ['device-setup'] });
    expect(table(list.hosts.filter((h) => ['gs.apple.com', 'albert.apple.com'].includes(h.host)))).toEqual([
      'albert.apple.com | tcp 443 |  | device-setup',
      'gs.apple.com | tcp 80, tcp 443 | SoftwareUpdate | device-setup, software-updates',
    ]);
    expect(list.hosts.filter((h) => h.host === 'gs.apple.com')).toHaveLength(1);
  });

  test('host groups alone select their hosts, with no product', () => {
    const list = hostsFor({ hostGroups: ['certificate-validation'] });
    expect(list.products).toEqual([]);
    expect(table(list.hosts)).toEqual([
      'ocsp.digicert.cn | tcp 80 |  | certificate-validation',
      'certs.apple.com | tcp 80, tcp 443 |  | certificate-validation',
      'crl.apple.com | tcp 80 |  | certificate-validation',
      'ocsp.apple.com | tcp 80 |  | certificate-validation',
      'ocsp2.apple.com | tcp 443 |  | certificate-validation',
      'valid.apple.com | tcp 443 |  | certificate-validation',
      'crl3.digicert.com | tcp 80 |  | certificate-validation',
      'crl4.digicert.com | tcp 80 |  | certificate-validation',
      'ocsp.digicert.com | tcp 80 |  | certificate-validation',
      'crl.entrust.net | tcp 80 |  | certificate-validation',
      'ocsp.entrust.net | tcp 80 |  | certificate-validation',
    ]);
  });

  test('profiles expand as for resolve; products Apple lists no hosts for are named', () => {
    const list = hostsFor({ profiles: ['managed-mac'] });
    expect(list.profiles).toEqual(['managed-mac']);
    expect(list.products).toEqual(resolve({ profiles: ['managed-mac'] }).products);
    expect(list.productsWithoutHosts).toEqual(['DNS']);
    expect(list.hosts).toHaveLength(44);
    expect(hostsFor({ products: ['Maps', 'FaceTime'] }).productsWithoutHosts).toEqual(['Maps']);
  });

  test('does not depend on the order of the selection', () => {
    const a = hostsFor({ products: ['iCloud', 'SoftwareUpdate', 'Siri'], hostGroups: ['content-caching', 'device-setup'] });
    // @ts-expect-error another case than the catalogue's, as JavaScript or a cast could pass it: matched at run time
    const b = hostsFor({ products: ['Siri', 'softwareupdate', 'iCloud'], hostGroups: ['device-setup', 'content-caching'] });
    expect(b).toEqual(a);
  });
});

describe('hostsFor errors', () => {
  test('an unknown product fails exactly as resolve fails', () => {
    // @ts-expect-error a misspelt name, as JavaScript or a cast could pass it: checked at run time
    const ours = thrown(() => hostsFor({ products: ['FaceTmie'] }));
    // @ts-expect-error a misspelt name, as JavaScript or a cast could pass it: checked at run time
    const resolvers = thrown(() => resolve({ products: ['FaceTmie'] }));
    expect(ours.message).toBe(resolvers.message);
    expect(ours.problems).toEqual(resolvers.problems);
    expect(ours.message).toBe("Unknown Apple product 'FaceTmie'. Did you mean 'FaceTime'?");
  });

  test('an unknown profile fails exactly as resolve fails', () => {
    // @ts-expect-error a misspelt name, as JavaScript or a cast could pass it: checked at run time
    expect(thrown(() => hostsFor({ profiles: ['managed-macs'] })).message).toBe(thrown(() => resolve({ profiles: ['managed-macs'] })).message);
  });

  test('an unknown host group names the closest ones', () => {
    // @ts-expect-error a misspelt name, as JavaScript or a cast could pass it: checked at run time
    expect(() => hostsFor({ hostGroups: ['certificate-validations'] })).toThrow("Unknown Apple host group 'certificate-validations'. Did you mean 'certificate-validation'?");
    // @ts-expect-error a misspelt name, as JavaScript or a cast could pass it: checked at run time
    expect(thrown(() => hostsFor({ hostGroups: ['zzz'] })).problems).toEqual([
      { code: 'unknown-host-group', message: expect.stringMatching(/^Unknown Apple host group 'zzz'\. Valid host groups: 'additional-content', 'app-features', /) },
    ]);
  });

  test('every problem is reported at once', () => {
    // @ts-expect-error a misspelt name, as JavaScript or a cast could pass it: checked at run time
    expect(thrown(() => hostsFor({ products: ['Nope'], hostGroups: ['nope'] })).problems.map((p) => p.code)).toEqual(['unknown-product', 'unknown-host-group']);
  });

  test('an empty selection says what to name', () => {
    expect(() => hostsFor({})).toThrow(
      "Nothing is selected. Name at least one Apple product, profile or host group, e.g. products: ['iCloud'] or hostGroups: ['certificate-validation'].",
    );
  });
});

describe('hostsFor platforms', () => {
  test('every platform by default, and nothing left out', () => {
    const list = hostsFor({ products: ['SoftwareUpdate'] });
    expect(list.platforms).toEqual(['iOS', 'iPadOS', 'macOS', 'tvOS', 'visionOS', 'watchOS']);
    expect(list.hostsLeftOut).toEqual([]);
  });

  test("an EC2 Mac build host gets macOS hosts, not tvOS or iPadOS ones, and the list says which were left out", () => {
    const list = hostsFor({ products: ['SoftwareUpdate', 'NetworkTime'], hostGroups: ['additional-content', 'classroom-schoolwork'], platforms: ['macos' as never] });
    expect(list.platforms).toEqual(['macOS']);
    expect(list.hosts.map((h) => h.host)).toContain('swscan.apple.com');
    expect(list.hosts.map((h) => h.host)).not.toContain('sylvan.apple.com');
    expect(list.hostsLeftOut).toEqual([
      { host: 'appldnld.apple.com', platforms: ['iOS', 'iPadOS', 'visionOS', 'watchOS'] },
      { host: 'cls-ingest.itunes.apple.com', platforms: ['iPadOS'] },
      { host: 'cls-iosclient.itunes.apple.com', platforms: ['iPadOS'] },
      { host: 'pg-bootstrap.itunes.apple.com', platforms: ['iPadOS'] },
      { host: 'sylvan.apple.com', platforms: ['tvOS'] },
      { host: 'time-ios.apple.com', platforms: ['iOS', 'iPadOS', 'tvOS', 'visionOS'] },
    ]);
  });

  test('tvOS leaves out the macOS update hosts', () => {
    const hosts = hostsFor({ products: ['SoftwareUpdate'], platforms: ['tvOS'] }).hostsLeftOut.map((h) => h.host);
    expect(hosts).toEqual(expect.arrayContaining(['swcdn.apple.com', 'swscan.apple.com', 'osrecovery.apple.com', 'configuration.apple.com']));
  });

  test('an unknown or empty platform list is an error naming the valid ones', () => {
    expect(thrown(() => hostsFor({ products: ['iCloud'], platforms: ['macOS', 'tvos2' as never] })).problems).toEqual([
      { code: 'unknown-platform', message: "Unknown platform 'tvos2'. Did you mean 'tvOS'?" },
    ]);
    // Former names point at the system they became, not at the nearest spelling ('osx' is one edit from 'iOS').
    expect(thrown(() => hostsFor({ products: ['iCloud'], platforms: ['osx' as never] })).message).toBe("Unknown platform 'osx'. Did you mean 'macOS'?");
    expect(thrown(() => hostsFor({ products: ['iCloud'], platforms: ['Mac OS X' as never] })).message).toBe("Unknown platform 'Mac OS X'. Did you mean 'macOS'?");
    expect(thrown(() => hostsFor({ products: ['iCloud'], platforms: ['iphoneos' as never] })).message).toBe("Unknown platform 'iphoneos'. Did you mean 'iOS'?");
    expect(thrown(() => hostsFor({ products: ['iCloud'], platforms: [] })).message).toBe(
      'platforms is empty, so no host would be for any system. Name at least one of iOS, iPadOS, macOS, tvOS, visionOS, watchOS, or leave platforms out for all.',
    );
  });

  test('a former host-group id names the groups that replaced it', () => {
    expect(thrown(() => hostsFor({ hostGroups: ['diagnostics-dns' as never] })).message).toBe(
      "Host group 'diagnostics-dns' was split into 'apple-diagnostics' and 'dns-resolution', one per heading of Apple's article. Select them instead.",
    );
  });
});

describe('host helpers', () => {
  test('the core entry point exports the host, prefix-list and firewall API', () => {
    expect([core.hostsFor, core.getHostGroup, core.appleNetworkPrefixList, core.appleNetworkPrefixListPeer, core.planFirewallRules, core.formatSuricataRule].every((f) => typeof f === 'function')).toBe(true);
    expect(core.FIREWALL_LIMITATIONS.length).toBeGreaterThan(0);
    expect(core.hostGroups).toBe(hostGroups);
  });

  test('find returns undefined, get throws', () => {
    expect(findHostGroup('icloud')?.category).toBe('iCloud');
    expect(findHostGroup('nope')).toBeUndefined();
    expect(getHostGroup('app-store').hosts.map((h) => h.host)).toContain('ppq.apple.com');
    expect(() => getHostGroup('app-stor')).toThrow("Unknown Apple host group 'app-stor'. Did you mean 'app-store'?");
    expect(hostGroups).toHaveLength(21);
  });

  test('domain-list targets: a leading dot for a wildcard, the name otherwise', () => {
    expect(['*.push.apple.com', 'albert.apple.com'].map(domainListTarget)).toEqual(['.push.apple.com', 'albert.apple.com']);
  });

  test('hosts sort by domain label from the right, a wildcard before its exact name', () => {
    const scrambled = ['mask.icloud.com', 'itunes.apple.com', '*.icloud.com', 'a.apple-cloudkit.com', '*.itunes.apple.com', 'z.apple.com'];
    expect([...scrambled].sort(compareHosts)).toEqual(['*.itunes.apple.com', 'itunes.apple.com', 'z.apple.com', 'a.apple-cloudkit.com', '*.icloud.com', 'mask.icloud.com']);
  });
});
