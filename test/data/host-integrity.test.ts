import type { Catalogue } from '../../lib/core/catalogue';
import {
  badHostPorts,
  danglingReferences,
  duplicateIds,
  hostPortsBeyondProductServices,
  hostPortsOutsidePortTable,
  includeCycles,
  pushUsersWithoutPushHosts,
  repeatedHostData,
  unlinkedHostGroups,
  unsourced,
} from './integrity';
import { loadCatalogue, mutableCatalogue } from './load';

const catalogue = loadCatalogue();
const broken = () => mutableCatalogue();
const asCatalogue = (c: ReturnType<typeof mutableCatalogue>) => c as unknown as Catalogue;
const group = (c: ReturnType<typeof mutableCatalogue>, id: string) => c.hostGroups.find((g) => g.id === id)!;
const product = (c: ReturnType<typeof mutableCatalogue>, id: string) => c.products.find((p) => p.id === id)!;
/** A product's host-group references, writable for tests that break them. */
const references = (c: ReturnType<typeof mutableCatalogue>, id: string) => product(c, id).hostGroups as { group: string; hosts?: string[] }[];

describe('host data integrity', () => {
  it('host-group ids are unique, and a repeated one is reported', () => {
    expect(duplicateIds(catalogue)).toEqual([]);
    const c = broken();
    c.hostGroups.push({ ...c.hostGroups[0]! });
    expect(duplicateIds(asCatalogue(c))).toEqual([`duplicate host group id '${c.hostGroups[0]!.id}'`]);
  });

  it('references resolve: product → host group and its hosts, group → included group and network', () => {
    expect(danglingReferences(catalogue)).toEqual([]);
    const c = broken();
    references(c, 'SoftwareUpdate')[0]!.group = 'software-update';
    references(c, 'NetworkTime')[0]!.hosts = ['time.apple.com', 'time.euro.apple.com'];
    (group(c, 'device-management').includes as string[])[0] = 'apns';
    (group(c, 'apple-push-notifications') as { network?: string }).network = 'apple-push';
    expect(danglingReferences(asCatalogue(c))).toEqual([
      "product 'NetworkTime' names host 'time.euro.apple.com', which host group 'device-setup' does not list",
      "product 'SoftwareUpdate' references unknown host group 'software-update'",
      "host group 'device-management' includes unknown host group 'apns'",
      "host group 'apple-push-notifications' names unknown network 'apple-push'",
    ]);
  });

  it('every host group is sourced, and one without sources is reported', () => {
    expect(unsourced(catalogue)).toEqual([]);
    const c = broken();
    (group(c, 'icloud') as { sources: string[] }).sources = [];
    expect(unsourced(asCatalogue(c))).toEqual(["host group 'icloud' has no source"]);
  });

  it('nothing is listed twice, and a repeat of each kind is reported', () => {
    expect(repeatedHostData(catalogue)).toEqual([]);
    const c = broken();
    const icloud = group(c, 'icloud');
    icloud.hosts.push({ ...icloud.hosts[0]! });
    const push = group(c, 'apple-push-notifications').hosts[0]!;
    push.ports.push({ ...push.ports[0]! });
    references(c, 'iCloud').push({ group: 'icloud' });
    group(c, 'tap-to-pay').category = 'iCloud';
    expect(repeatedHostData(asCatalogue(c))).toEqual([
      "host group 'icloud' lists '*.apple-cloudkit.com' twice",
      "host '*.push.apple.com' in 'apple-push-notifications' lists tcp 80-80 twice",
      "product 'iCloud' references host group 'icloud' twice",
      "two host groups have the category 'iCloud'",
    ]);
  });

  it('host ports are single valid ports, as the article lists them', () => {
    expect(badHostPorts(catalogue)).toEqual([]);
    const c = broken();
    group(c, 'device-setup').hosts[0]!.ports[0]!.toPort = 444;
    group(c, 'icloud').hosts[0]!.ports[0]!.fromPort = 0;
    expect(badHostPorts(asCatalogue(c))).toEqual(["host 'albert.apple.com' in 'device-setup' has tcp 443-444", "host '*.apple-cloudkit.com' in 'icloud' has tcp 0-443"]);
  });

  it('includes have no cycles, and a cycle is reported', () => {
    expect(includeCycles(catalogue)).toEqual([]);
    const c = broken();
    (group(c, 'apple-push-notifications') as { includes?: string[] }).includes = ['device-management'];
    expect(includeCycles(asCatalogue(c))).toEqual(["host group 'apple-push-notifications' includes itself", "host group 'device-management' includes itself"]);
  });

  it('every host port is a port of Apple’s port table, except the QUIC ones (UDP 443)', () => {
    expect(hostPortsOutsidePortTable(catalogue)).toEqual([
      'app-site-association.cdn-apple.com udp 443',
      'app-site-association.networking.apple udp 443',
      'mask.icloud.com udp 443',
      'pos-device.apple.com udp 443',
    ]);
  });

  it('every current product that uses APNs reaches the push hosts, and one that does not is reported', () => {
    expect(pushUsersWithoutPushHosts(catalogue)).toEqual([]);
    const c = broken();
    delete (product(c, 'FaceTime') as { hostGroups?: unknown }).hostGroups;
    expect(pushUsersWithoutPushHosts(asCatalogue(c))).toEqual(["product 'FaceTime' uses APNs but not the Apple Push Notifications hosts"]);
  });

  it('products link the host groups they stand for', () => {
    const links = Object.fromEntries(
      catalogue.products
        .filter((p) => p.hostGroups !== undefined)
        .map((p) => [p.id, p.hostGroups!.map((u) => (u.hosts ? `${u.group}: ${u.hosts.join(', ')}` : u.group))]),
    );
    expect(links).toEqual({
      AppStore: ['app-store'],
      AppleBusinessManager: ['apple-business-school-manager'],
      AppleSchoolManager: ['apple-business-school-manager'],
      Calendar: ['apple-push-notifications'],
      Classroom: ['classroom-schoolwork'],
      DeviceManagement: ['device-management'],
      Dictation: ['siri-search: guzzoni.apple.com'],
      FaceTime: ['apple-push-notifications'],
      GameCenter: ['apple-push-notifications'],
      iCloud: ['apple-account', 'apple-push-notifications', 'icloud'],
      MacAppStore: ['app-store'],
      macOSInternetRecovery: ['software-updates: oscdn.apple.com, osrecovery.apple.com'],
      Messages: ['apple-push-notifications'],
      NetworkTime: ['device-setup: time-ios.apple.com, time-macos.apple.com, time.apple.com'],
      PushNotifications: ['apple-push-notifications'],
      Siri: ['siri-search'],
      SoftwareUpdate: ['software-updates'],
      SpotlightSuggestions: ['siri-search: *.smoot.apple.com'],
    });
  });

  it('the categories no product stands for are selectable by host-group id only', () => {
    expect(unlinkedHostGroups(catalogue)).toEqual([
      'additional-content',
      'app-features',
      'apple-business-essentials',
      'apple-diagnostics',
      'associated-domains',
      'beta-feedback',
      'carrier-updates',
      'certificate-validation',
      'content-caching',
      'dns-resolution',
      'tap-to-pay',
    ]);
  });

  it('where the two Apple articles disagree on a product’s ports, the difference is known and listed here', () => {
    // The enterprise-network article lists these host ports; the port table lists no such port for
    // the product. The firewall plan reports them; the catalogue keeps both articles' facts.
    expect(hostPortsBeyondProductServices(catalogue)).toEqual([
      'AppleBusinessManager: upload.appleschoolcontent.com tcp 22',
      'AppleSchoolManager: upload.appleschoolcontent.com tcp 22',
      'Calendar: *.push.apple.com tcp 2197',
      'Classroom: cls-ingest.itunes.apple.com tcp 443',
      'Classroom: cls-iosclient.itunes.apple.com tcp 443',
      'Classroom: pg-bootstrap.itunes.apple.com tcp 443',
      'Classroom: play.itunes.apple.com tcp 443',
      'Classroom: s.mzstatic.com tcp 443',
      'Classroom: ws-ee-maidsvc.icloud.com tcp 443',
      'Classroom: ws.school.apple.com tcp 443',
      'DeviceManagement: *.push.apple.com tcp 80',
      'DeviceManagement: *.push.apple.com tcp 2197',
      'FaceTime: *.push.apple.com tcp 2197',
      'GameCenter: *.push.apple.com tcp 80',
      'GameCenter: *.push.apple.com tcp 2197',
      'iCloud: *.push.apple.com tcp 2197',
      'iCloud: mask.icloud.com udp 443',
      'Messages: *.push.apple.com tcp 2197',
      'PushNotifications: *.push.apple.com tcp 80',
    ]);
  });

  it('new products for host groups use port-table services with a note, as every product must', () => {
    const added = catalogue.products.filter((p) => ['AppStore', 'DeviceManagement', 'AppleBusinessManager', 'AppleSchoolManager'].includes(p.id));
    expect(added.map((p) => [p.id, p.uses.map((u) => u.service), p.uses.every((u) => u.usedBy.length === 0 && (u.note ?? '').length > 0)])).toEqual([
      ['AppleBusinessManager', ['http', 'https'], true],
      ['AppleSchoolManager', ['http', 'https'], true],
      ['AppStore', ['http', 'https'], true],
      ['DeviceManagement', ['https', 'apns'], true],
    ]);
  });
});
