/**
 * The host groups say what Apple's enterprise-network article (101555) says, category by category:
 * the same hosts with the same ports, the same OS limits and descriptions — nothing dropped, nothing
 * invented. The article's table is recorded in test/fixtures/apple-hosts-101555.tsv.
 */
import type { HostGroupEntry } from '../../lib/core/catalogue';
import type { ProtocolPortRange } from '../../lib/core/ports';
import { parseHostTable, type HostRow } from './host-table';
import { hostTableText, loadCatalogue } from './load';

const catalogue = loadCatalogue();
const rows = parseHostTable(hostTableText);
const categories = [...new Set(rows.map((r) => r.category))];

const portsKey = (ports: readonly ProtocolPortRange[]) =>
  ports
    .map((p) => `${p.protocol} ${p.fromPort}`)
    .sort()
    .join(', ');

function groupFor(category: string): HostGroupEntry {
  const matches = catalogue.hostGroups.filter((g) => g.category === category);
  if (matches.length !== 1) {
    throw new Error(`${matches.length} host groups have the category '${category}'`);
  }
  return matches[0]!;
}

describe('the host table parser', () => {
  it('reads every row of the 21 categories', () => {
    expect(categories).toHaveLength(21);
    expect(rows).toHaveLength(129);
    expect(rows[0]).toEqual({
      line: 12,
      category: 'Apple Push Notifications',
      host: '*.push.apple.com',
      ports: [
        { protocol: 'tcp', fromPort: 443, toPort: 443 },
        { protocol: 'tcp', fromPort: 80, toPort: 80 },
        { protocol: 'tcp', fromPort: 5223, toPort: 5223 },
        { protocol: 'tcp', fromPort: 2197, toPort: 2197 },
      ],
      platforms: [],
      description: null,
    });
  });

  it('reads UDP ports, OS limits and a host listed without ports', () => {
    const byHost = (category: string, host: string) => rows.find((r) => r.category === category && r.host === host)!;
    expect(byHost('Device setup', 'time-macos.apple.com')).toMatchObject({ ports: [{ protocol: 'udp', fromPort: 123, toPort: 123 }], platforms: ['macOS'] });
    expect(byHost('Device setup', 'sq-device.apple.com')).toMatchObject({ platforms: ['iOS', 'iPadOS', 'visionOS'], description: 'eSIM activation' });
    expect(byHost('Device management', '*.push.apple.com').ports).toEqual([]);
  });

  it('fails loudly on a row it cannot read', () => {
    const header = 'category\thost\tports\tplatforms\tdescription\n';
    expect(() => parseHostTable(`${header}iCloud\t*.icloud.com\ttcp 443\t\t`)).not.toThrow();
    expect(() => parseHostTable(`${header}iCloud\t*.icloud.com\ttcp 443`)).toThrow(/line 2: expected 5 tab-separated columns, found 3/);
    expect(() => parseHostTable(`${header}iCloud\t*.icloud.com\tquic 443\t\t`)).toThrow(/line 2: cannot read port "quic 443"/);
    expect(() => parseHostTable(`${header}\t*.icloud.com\ttcp 443\t\t`)).toThrow(/line 2: a row needs a category and a host/);
    expect(() => parseHostTable('no table')).toThrow(/no header line/);
  });
});

describe('fidelity to Apple’s host table (article 101555)', () => {
  it('has one host group per category of the article, and no other', () => {
    expect(catalogue.hostGroups.map((g) => g.category).sort()).toEqual([...categories].sort());
  });

  describe.each(categories.map((category) => [category] as const))('category %s', (category) => {
    const group = () => groupFor(category);
    const inCategory = rows.filter((r) => r.category === category);

    it('lists exactly the article’s hosts with their ports and protocols', () => {
      const expected = inCategory.filter((r) => r.ports.length > 0).map((r) => `${r.host} (${portsKey(r.ports)})`);
      const actual = group().hosts.map((h) => `${h.host} (${portsKey(h.ports)})`);
      expect(actual.sort()).toEqual(expected.sort());
    });

    it('includes, rather than repeats, the hosts the category lists without ports', () => {
      const referred = inCategory.filter((r) => r.ports.length === 0);
      const included = (group().includes ?? []).flatMap((id) => catalogue.hostGroups.find((g) => g.id === id)!.hosts.map((h) => h.host));
      expect(referred.map((r) => r.host).sort()).toEqual([...included].sort());
    });

    it('keeps the article’s OS limits and descriptions', () => {
      const facts = (r: Pick<HostRow, 'host' | 'platforms' | 'description'>) => ({ host: r.host, platforms: [...r.platforms], description: r.description });
      const expected = inCategory.filter((r) => r.ports.length > 0).map(facts);
      const actual = group().hosts.map((h) => facts({ host: h.host, platforms: h.platforms ?? [], description: h.description ?? null }));
      expect(actual.sort((a, b) => (a.host < b.host ? -1 : 1))).toEqual(expected.sort((a, b) => (a.host < b.host ? -1 : 1)));
    });

    it('cites the article', () => {
      expect(group().sources[0]).toBe('https://support.apple.com/en-us/101555');
    });
  });

  it('uses the article’s headings, not paraphrases: diagnostics and DNS resolution are two categories', () => {
    expect([...categories].sort()).toEqual([
      'Additional content',
      'App Store',
      'App features',
      'Apple Business Essentials device management',
      'Apple Business Manager and Apple School Manager',
      'Apple ID',
      'Apple Push Notifications',
      'Apple diagnostics',
      'Associated Domains',
      'Beta updates',
      'Carrier updates',
      'Certificate validation',
      'Classroom and Schoolwork',
      'Content caching',
      'Device management',
      'Device setup',
      'Domain Name System resolution',
      'Siri and search',
      'Software updates',
      'Tap to Pay on iPhone',
      'iCloud',
    ]);
  });

  it('keeps the article’s OS column: macOS-only update hosts, tvOS-only and iOS-only hosts', () => {
    const systems = (groupId: string, host: string) => catalogue.hostGroups.find((g) => g.id === groupId)!.hosts.find((h) => h.host === host)!.platforms;
    expect(systems('software-updates', 'swscan.apple.com')).toEqual(['macOS']);
    expect(systems('software-updates', 'osrecovery.apple.com')).toEqual(['macOS']);
    expect(systems('software-updates', 'mesu.apple.com')).toBeUndefined();
    expect(systems('additional-content', 'sylvan.apple.com')).toEqual(['tvOS']);
    expect(systems('tap-to-pay', 'pos-device.apple.com')).toEqual(['iOS']);
    expect(systems('classroom-schoolwork', 'cls-ingest.itunes.apple.com')).toEqual(['iPadOS']);
    expect(systems('device-setup', 'time-ios.apple.com')).toEqual(['iOS', 'iPadOS', 'tvOS', 'visionOS']);
  });

  it('push notifications cite article 102266 too, and name the APNs network', () => {
    const push = groupFor('Apple Push Notifications');
    expect(push.sources).toEqual(['https://support.apple.com/en-us/101555', 'https://support.apple.com/en-us/102266']);
    expect(push.network).toBe('apns');
    expect(push.hosts[0]!.notes).toMatch(/TCP 5223.*TCP 443 is used during activation and as a fallback, and may go through a proxy that does not decrypt/);
  });

  it('quotes what the article says of every host', () => {
    expect(catalogue.hostSource).toEqual({
      title: 'Use Apple products on enterprise networks',
      article: '101555 (formerly HT210060)',
      urls: ['https://support.apple.com/en-us/101555', 'https://support.apple.com/en-bh/HT210060'],
      statements: [
        'Network connections to the hosts below are initiated by the device, not by hosts operated by Apple.',
        'Apple services will fail any connection that uses HTTPS Interception (SSL Inspection).',
      ],
    });
  });
});
