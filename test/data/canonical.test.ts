import { canonicalCatalogue, canonicalText, compareCidrs, compareIds } from '../../scripts/canonical';
import { catalogueText, loadCatalogue, mutableCatalogue, schema } from './load';

/** Reverses every array the canonical form sorts and the key order of every object. */
function scramble(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(scramble).reverse();
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, k === 'sources' || k === 'urls' || k === 'usedBy' || k === 'statements' ? v : scramble(v)]),
    );
  }
  return value;
}

describe('canonical form of data/catalogue.json', () => {
  it('the file is exactly its canonical text (fix with: npm run format:data)', () => {
    expect(catalogueText).toBe(canonicalText(loadCatalogue(), schema));
  });

  it('does not depend on the order entries and keys are written in', () => {
    const scrambled = scramble(loadCatalogue()) as ReturnType<typeof loadCatalogue>;
    expect(JSON.stringify(scrambled)).not.toBe(JSON.stringify(loadCatalogue()));
    expect(canonicalText(scrambled, schema)).toBe(catalogueText);
  });

  it('is idempotent and leaves its input alone', () => {
    const input = mutableCatalogue();
    input.services.reverse();
    const before = JSON.stringify(input);
    const once = canonicalCatalogue(input, schema);
    expect(JSON.stringify(input)).toBe(before);
    expect(canonicalText(once, schema)).toBe(canonicalText(input, schema));
  });

  it('detects a file written out of order', () => {
    const c = mutableCatalogue();
    [c.services[0], c.services[1]] = [c.services[1]!, c.services[0]!];
    expect(`${JSON.stringify(c, null, 2)}\n`).not.toBe(canonicalText(c, schema));
  });

  it('orders services by first port, then last port, then id, with TCP before UDP', () => {
    const services = loadCatalogue().services;
    expect(services.slice(0, 3).map((s) => s.id)).toEqual(['ssh', 'smtp', 'dns']);
    expect(services.find((s) => s.id === 'dns')!.ports.map((p) => p.protocol)).toEqual(['tcp', 'udp']);
    const rtp = services.filter((s) => s.ports[0]!.fromPort >= 16384 && s.ports[0]!.fromPort < 16500).map((s) => s.id);
    expect(rtp).toEqual(['facetime-rtp', 'messages-rtp', 'facetime-rtp-extended', 'game-center-rtp']);
  });

  it('orders product uses as the services are ordered', () => {
    expect(loadCatalogue().products.find((p) => p.id === 'FaceTime')!.uses.map((u) => u.service)).toEqual([
      'http',
      'https',
      'facetime-nat-traversal',
      'apns',
      'facetime-rtp',
      'facetime-rtp-extended',
    ]);
  });

  it('orders keys as the schema lists them', () => {
    expect(Object.keys(loadCatalogue().services[0]!)).toEqual([
      'id',
      'ports',
      'name',
      'label',
      'rfc',
      'ianaName',
      'status',
      'reach',
      'initiator',
      'destination',
      'notes',
      'sources',
    ]);
  });
});

describe('canonical form of the host data', () => {
  it('orders host groups by id, hosts by name with wildcards first, and ports as services', () => {
    const c = loadCatalogue();
    expect(c.hostGroups.map((g) => g.id).slice(0, 4)).toEqual(['additional-content', 'app-features', 'app-store', 'apple-account']);
    expect(c.hostGroups.find((g) => g.id === 'app-store')!.hosts.map((h) => h.host)).toEqual([
      '*.apps.apple.com',
      '*.itunes.apple.com',
      '*.mzstatic.com',
      'itunes.apple.com',
      'ppq.apple.com',
    ]);
    const push = c.hostGroups.find((g) => g.id === 'apple-push-notifications')!.hosts[0]!;
    expect(push.ports.map((p) => p.fromPort)).toEqual([80, 443, 2197, 5223]);
  });

  it("orders a product's host-group references by group and their hosts by name", () => {
    const c = loadCatalogue();
    expect(c.products.find((p) => p.id === 'iCloud')!.hostGroups!.map((u) => u.group)).toEqual(['apple-account', 'apple-push-notifications', 'icloud']);
    expect(c.products.find((p) => p.id === 'NetworkTime')!.hostGroups![0]!.hosts).toEqual(['time-ios.apple.com', 'time-macos.apple.com', 'time.apple.com']);
  });

  it('puts the host keys in schema order and keeps the statements as Apple wrote them', () => {
    const c = loadCatalogue();
    const host = c.hostGroups.find((g) => g.id === 'device-setup')!.hosts.find((h) => h.host === 'sq-device.apple.com')!;
    expect(Object.keys(host)).toEqual(['host', 'ports', 'platforms', 'description']);
    expect(Object.keys(c.hostGroups.find((g) => g.id === 'device-management')!)).toEqual(['id', 'category', 'includes', 'hosts', 'notes', 'sources']);
    expect(c.hostSource.statements[0]).toMatch(/^Network connections to the hosts below are initiated by the device/);
  });
});

describe('compareIds', () => {
  it('sorts case-insensitively, then by code unit', () => {
    expect(['Kerberos', 'iCloud', 'GameCenter', 'icloud', 'DNS'].sort(compareIds)).toEqual(['DNS', 'GameCenter', 'iCloud', 'icloud', 'Kerberos']);
  });
});

describe('compareCidrs', () => {
  it('sorts IPv4 by numeric address, not text', () => {
    expect(['17.252.0.0/16', '17.188.128.0/18', '17.57.144.0/22', '17.188.20.0/23', '17.249.0.0/16'].sort(compareCidrs)).toEqual([
      '17.57.144.0/22',
      '17.188.20.0/23',
      '17.188.128.0/18',
      '17.249.0.0/16',
      '17.252.0.0/16',
    ]);
  });

  it('sorts IPv6 by numeric address with :: expanded, then prefix length', () => {
    const scrambled = ['2a01:b740:a42::/48', '2620:149:a44::/48', '2403:300:a51::/48', '2403:300:a42::/48', '2403:300:a42::/40', '2403:300::1/128'];
    expect(scrambled.sort(compareCidrs)).toEqual([
      '2403:300::1/128',
      '2403:300:a42::/40',
      '2403:300:a42::/48',
      '2403:300:a51::/48',
      '2620:149:a44::/48',
      '2a01:b740:a42::/48',
    ]);
  });
});
