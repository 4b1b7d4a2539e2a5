import {
  ambiguousProductNames,
  badPortRanges,
  contradictoryHints,
  danglingReferences,
  duplicateIds,
  incompleteReferences,
  invalidDescriptionText,
  isDescriptionText,
  redundantRfcs,
  staleStatus,
  statusMismatches,
  unreachableServices,
  unsourced,
} from './integrity';
import { loadCatalogue, mutableCatalogue } from './load';
import type { Catalogue } from '../../lib/core/catalogue';

const catalogue = loadCatalogue();
const broken = () => mutableCatalogue();
const asCatalogue = (c: ReturnType<typeof mutableCatalogue>) => c as unknown as Catalogue;

describe('catalogue integrity', () => {
  describe('ids', () => {
    it('are unique within each list', () => {
      expect(duplicateIds(catalogue)).toEqual([]);
    });

    it('a repeated product id is reported', () => {
      const c = broken();
      c.products.push({ ...c.products[0]! });
      expect(duplicateIds(asCatalogue(c))).toEqual([`duplicate product id '${c.products[0]!.id}'`]);
    });
  });

  describe('references', () => {
    it('all resolve: product → service, profile → product, service → network', () => {
      expect(danglingReferences(catalogue)).toEqual([]);
    });

    it('a misspelt reference of each kind is reported', () => {
      const c = broken();
      (c.products[0]!.uses[0] as { service: string }).service = 'htps';
      (c.profiles[0]!.products as string[])[0] = 'FaceTim';
      const apns = c.services.find((s) => s.id === 'apns')!;
      (apns as { network?: string }).network = 'apple-push';
      expect(danglingReferences(asCatalogue(c))).toEqual([
        `product '${c.products[0]!.id}' uses unknown service 'htps'`,
        `profile '${c.profiles[0]!.id}' lists unknown product 'FaceTim'`,
        "service 'apns' names unknown network 'apple-push'",
      ]);
    });

    it("every service bound for Apple's network names the network, and no product uses a service twice", () => {
      expect(incompleteReferences(catalogue)).toEqual([]);
      const c = broken();
      delete (c.services.find((s) => s.id === 'apns-provider') as { network?: string }).network;
      const mail = c.products.find((p) => p.id === 'Mail')!;
      mail.uses.push({ ...mail.uses[0]! });
      expect(incompleteReferences(asCatalogue(c))).toEqual([
        "service 'apns-provider' goes to Apple's network but names none",
        `product 'Mail' uses service '${mail.uses[0]!.service}' twice`,
      ]);
    });

    it('the APNs services use the apns network and Wi-Fi Calling goes to the carrier', () => {
      const byDestination = (d: string) => catalogue.services.filter((s) => s.destination === d).map((s) => s.id);
      expect(byDestination('apple-network')).toEqual(['apns-legacy-provider', 'apns-legacy-feedback', 'apns-provider', 'apns']);
      expect(catalogue.services.filter((s) => s.network !== undefined).map((s) => s.network)).toEqual(['apns', 'apns', 'apns', 'apns']);
      expect(byDestination('carrier')).toEqual(['wifi-calling-ike', 'wifi-calling-ipsec-nat-t']);
    });
  });

  describe('ports', () => {
    it('are within 1 ≤ from ≤ to ≤ 65535, one range per protocol', () => {
      expect(badPortRanges(catalogue)).toEqual([]);
    });

    it('a reversed range, a zero port and a repeated protocol are reported', () => {
      const c = broken();
      c.services[0]!.ports[0]!.fromPort = 23;
      c.services[1]!.ports[0]!.fromPort = 0;
      c.services[2]!.ports[1]!.protocol = 'tcp';
      c.ephemeralPorts[0]!.toPort = 65536;
      expect(badPortRanges(asCatalogue(c))).toEqual([
        "service 'ssh' has tcp 23-22",
        "service 'smtp' has tcp 0-25",
        "service 'dns' lists tcp twice",
        "ephemeral port range 'aws-nat-gateway' is 1024-65536",
      ]);
    });

    it('ephemeral ranges are the NAT gateway and macOS ranges', () => {
      expect(catalogue.ephemeralPorts.map(({ id, fromPort, toPort }) => ({ id, fromPort, toPort }))).toEqual([
        { id: 'aws-nat-gateway', fromPort: 1024, toPort: 65535 },
        { id: 'macos', fromPort: 49152, toPort: 65535 },
      ]);
    });
  });

  describe('sources', () => {
    it('every service, product, network and ephemeral range names at least one', () => {
      expect(unsourced(catalogue)).toEqual([]);
    });

    it('an entry without sources is reported', () => {
      const c = broken();
      (c.networks[0] as { sources: string[] }).sources = [];
      delete (c.products[1] as { sources?: string[] }).sources;
      expect(unsourced(asCatalogue(c))).toEqual([`product '${c.products[1]!.id}' has no source`, `network '${c.networks[0]!.id}' has no source`]);
    });

    it("every service cites Apple's article in English and Chinese", () => {
      const missing = catalogue.services.filter(
        (s) => !s.sources.includes('https://support.apple.com/en-us/103229') || !s.sources.includes('https://support.apple.com/zh-cn/103229'),
      );
      expect(missing.map((s) => s.id)).toEqual([]);
    });
  });

  describe('status', () => {
    it('legacy ⇔ retired, for services and products', () => {
      expect(statusMismatches(catalogue)).toEqual([]);
    });

    it('a mismatch either way is reported', () => {
      const c = broken();
      const legacy = c.services.find((s) => s.status === 'legacy')!;
      delete (legacy as { retired?: unknown }).retired;
      const current = c.products.find((p) => p.status === 'current')!;
      (current as { status: string }).status = 'legacy';
      expect(statusMismatches(asCatalogue(c))).toEqual([
        `service '${legacy.id}' is legacy without a retirement`,
        `product '${current.id}' is legacy without a retirement`,
      ]);
    });

    it('retired services and products are exactly the ones Apple retired', () => {
      const legacy = (list: readonly { id: string; status: string; retired?: { date: string } }[]) =>
        Object.fromEntries(list.filter((e) => e.status === 'legacy').map((e) => [e.id, e.retired?.date]));
      expect(legacy(catalogue.services)).toEqual({
        'osu-nms': '2018-04-26',
        'apns-legacy-provider': '2021-03-31',
        'apns-legacy-feedback': '2021-03-31',
        svn: '2022-09-12',
        git: '2022-09-12',
        'itunes-radio-streams': '2016-01-29',
      });
      expect(legacy(catalogue.products)).toEqual({
        AirPort: '2018-04-26',
        iTunesRadio: '2016-01-29',
        PhotoStream: '2023-07-26',
        XcodeServer: '2022-09-12',
      });
    });

    it('a current service has a current product, and profiles bundle current products only', () => {
      expect(staleStatus(catalogue)).toEqual([]);
      const c = broken();
      const radio = c.products.find((p) => p.id === 'iTunesRadio')!;
      c.products.find((p) => p.id === 'WebService')!.uses = [{ service: 'http', usedBy: [], note: 'test' }];
      (c.profiles[0]!.products as string[]).push(radio.id);
      expect(staleStatus(asCatalogue(c))).toEqual([
        "current service 'web-service-8000' is used by no current product",
        `profile '${c.profiles[0]!.id}' bundles retired product 'iTunesRadio'`,
      ]);
    });
  });

  describe('product names', () => {
    it('every id, name and alias resolves to one product (case-insensitive)', () => {
      expect(ambiguousProductNames(catalogue)).toEqual([]);
    });

    it('an alias that is another product’s id, or repeats its own name, is reported', () => {
      const c = broken();
      const maps = c.products.find((p) => p.id === 'Maps')!;
      maps.aliases.push('facetime', '地图');
      expect(ambiguousProductNames(asCatalogue(c))).toEqual([
        "product 'Maps' repeats its own id or name as alias '地图'",
        "'facetime' names both 'FaceTime' and 'Maps'",
      ]);
    });

    it('the well-known short names resolve to the right product', () => {
      const owner = (alias: string) => catalogue.products.filter((p) => p.aliases.includes(alias)).map((p) => p.id);
      expect(owner('iMessage')).toEqual(['Messages']);
      expect(owner('APNs')).toEqual(['PushNotifications']);
      expect(owner('ARD')).toEqual(['AppleRemoteDesktop']);
      expect(owner('WINS')).toEqual(['NetBIOS']);
      expect(owner('RemoteLogin')).toEqual(['SSH']);
    });
  });

  describe('rule description text', () => {
    it('labels and English product names use only characters AWS accepts', () => {
      expect(invalidDescriptionText(catalogue)).toEqual([]);
    });

    it("an '&' or an apostrophe is reported", () => {
      const c = broken();
      c.services[0]!.label = 'SSH & SFTP';
      c.products[0]!.name.en = "Apple's AirPlay";
      expect(invalidDescriptionText(asCatalogue(c))).toEqual([
        "service 'ssh' label 'SSH & SFTP'",
        "product 'AirPlay' name 'Apple's AirPlay'",
      ]);
      expect([isDescriptionText('Screen Sharing (RFB)'), isDescriptionText('')]).toEqual([true, false]);
    });
  });

  describe('traffic hints', () => {
    it('link-local multicast is exactly mDNS, SSDP and the NAT-PMP announcements, the local gateway NAT-PMP requests, and both reach local peers only', () => {
      expect(catalogue.services.filter((s) => s.reach === 'link-local-multicast').map((s) => s.id)).toEqual(['ssdp', 'nat-pmp-announcements', 'mdns']);
      expect(catalogue.services.filter((s) => s.reach === 'local-gateway').map((s) => s.id)).toEqual(['nat-pmp']);
      expect(contradictoryHints(catalogue)).toEqual([]);
      const c = broken();
      (c.services.find((s) => s.id === 'mdns') as { destination: string }).destination = 'anywhere';
      (c.services.find((s) => s.id === 'nat-pmp') as { destination: string }).destination = 'anywhere';
      expect(contradictoryHints(asCatalogue(c))).toEqual([
        "service 'nat-pmp' is sent to the local gateway but its destination is 'anywhere'",
        "service 'mdns' is link-local multicast but its destination is 'anywhere'",
      ]);
    });
  });

  describe('RFCs', () => {
    it('a current RFC is given only where Apple’s is obsolete or missing', () => {
      expect(redundantRfcs(catalogue)).toEqual([]);
      const c = broken();
      c.services[0]!.rfc.current = c.services[0]!.rfc.apple!;
      expect(redundantRfcs(asCatalogue(c))).toEqual(["service 'ssh' repeats RFC 4253 as current"]);
    });

    it('Multicast DNS points to RFC 6762 while keeping the RFC Apple prints', () => {
      expect(catalogue.services.find((s) => s.id === 'mdns')!.rfc).toEqual({ apple: 3927, current: 6762 });
      expect(catalogue.services.find((s) => s.id === 'submissions')!.rfc).toEqual({ apple: null, current: 8314 });
    });
  });

  describe('reachability', () => {
    it('every service is used by at least one product', () => {
      expect(unreachableServices(catalogue)).toEqual([]);
      const c = broken();
      c.products.find((p) => p.id === 'DNS')!.uses = [{ service: 'http', usedBy: [], note: 'test' }];
      expect(unreachableServices(asCatalogue(c))).toEqual(["service 'dns' is used by no product"]);
    });
  });

  describe('profiles', () => {
    it('bundle the products they promise, in the direction they promise', () => {
      const summary = Object.fromEntries(catalogue.profiles.map((p) => [p.id, [p.direction, ...p.products]]));
      expect(summary).toEqual({
        communications: ['egress', 'FaceTime', 'Messages', 'PushNotifications'],
        'ec2-mac-build-host': ['egress', 'DNS', 'MacAppStore', 'NetworkTime', 'PushNotifications', 'SoftwareUpdate', 'WorldWideWeb'],
        'managed-mac': ['egress', 'DNS', 'iCloud', 'MacAppStore', 'macOSInternetRecovery', 'NetworkTime', 'PushNotifications', 'SoftwareUpdate'],
        'remote-admin-host': ['ingress', 'AppleRemoteDesktop', 'ScreenSharing', 'SSH'],
      });
    });

    it('an ingress profile only bundles products with a service a Mac hosts', () => {
      const hosted = new Set<string>(catalogue.services.filter((s) => s.initiator === 'both').map((s) => s.id));
      const ingress = catalogue.profiles.filter((p) => p.direction === 'ingress').flatMap((p) => p.products);
      const without = ingress.filter((id) => !catalogue.products.find((p) => p.id === id)!.uses.some((u) => hosted.has(u.service)));
      expect(without).toEqual([]);
    });
  });
});
