import {
  catalogue,
  checkHostArticle,
  checkPortArticle,
  readHostTable,
  readPortTable,
  splitUsedBy,
  type HostArticleRow,
  type PortArticle,
  type PortArticleRow,
} from '../../../lib/core/catalogue';
import { thrown } from '../../thrown';

const HEADER = ['Hosts', 'Ports', 'Protocol', 'OS', 'Description', 'Supports proxies'];
const service = (id: string) => catalogue.services.find((s) => s.id === id)!;
const group = (id: string) => catalogue.hostGroups.find((g) => g.id === id)!;

/** The English port table as the catalogue states it, one row per service. */
function englishRows(): PortArticleRow[] {
  return catalogue.services.map((s, i) => ({
    where: `row ${i + 1}`,
    ports: s.ports,
    name: s.name?.en ?? null,
    rfc: s.rfc.apple,
    serviceName: s.appleServiceName ?? s.ianaName,
    usedBy: catalogue.products.flatMap((p) => p.uses.filter((u) => u.service === s.id).flatMap((u) => u.usedBy.map((b) => b.en))),
  }));
}

/** The host article as the catalogue states it: every group's hosts, and the included groups' hosts without ports. */
function hostRows(): HostArticleRow[] {
  return catalogue.hostGroups.flatMap((g) => [
    ...g.hosts.map((h) => ({ where: g.category, category: g.category, host: h.host, ports: h.ports, platforms: h.platforms ?? null, description: h.description ?? null })),
    ...(g.includes ?? []).flatMap((id) => group(id).hosts.map((h) => ({ where: g.category, category: g.category, host: h.host, ports: [], platforms: null, description: null }))),
  ]);
}

describe('checkPortArticle', () => {
  test('the table as the catalogue states it has no difference, in English too', () => {
    expect(checkPortArticle({ locale: 'en', rows: englishRows() })).toEqual([]);
  });

  test('names each changed field with both values', () => {
    const rows = englishRows().map((row): PortArticleRow => {
      if (row.ports[0]!.fromPort === 631) {
        return { ...row, rfc: 8010, usedBy: [...row.usedBy.slice(1), 'AirPrint'] };
      }
      if (row.ports[0]!.fromPort === 5228) {
        return { ...row, name: 'Spotlight', serviceName: 'hpvroom' };
      }
      return row;
    });
    const ipp = englishRows().find((r) => r.ports[0]!.fromPort === 631)!;
    expect(checkPortArticle({ locale: 'en', rows })).toEqual([
      { kind: 'changed', entity: 'service', id: 'ipp', field: 'rfc.apple', catalogue: '2910', article: '8010', where: ipp.where },
      { kind: 'changed', entity: 'service', id: 'ipp', field: 'usedBy.en', catalogue: ipp.usedBy[0], article: 'AirPrint', where: ipp.where },
      { kind: 'changed', entity: 'service', id: 'spotlight-siri', field: 'name.en', catalogue: '—', article: 'Spotlight', where: rows.find((r) => r.ports[0]!.fromPort === 5228)!.where },
    ]);
  });

  test('a printed service name that IANA does not give, where the catalogue keeps none, is a difference', () => {
    const rows = englishRows().map((row) => (row.ports[0]!.fromPort === 2197 ? { ...row, serviceName: 'apns' } : row));
    expect(checkPortArticle({ locale: 'en', rows }).map((d) => [d.id, d.field, d.catalogue, d.article])).toEqual([['apns-provider', 'appleServiceName', 'mnp-exchange', 'apns']]);
    const dashed = englishRows().map((row) => (row.ports[0]!.fromPort === 3478 ? { ...row, serviceName: null } : row));
    expect(checkPortArticle({ locale: 'en', rows: dashed }).map((d) => [d.id, d.field, d.catalogue, d.article])).toEqual([
      ['facetime-nat-traversal', 'appleServiceName', service('facetime-nat-traversal').appleServiceName, '—'],
    ]);
  });

  test('a port changed is one change of the entry Apple names and uses alike, not a removal and an addition', () => {
    const rows = englishRows().map((row) => (row.ports[0]!.fromPort === 3689 ? { ...row, ports: [{ protocol: 'tcp' as const, fromPort: 3688, toPort: 3688 }] } : row));
    expect(checkPortArticle({ locale: 'en', rows })).toEqual([
      { kind: 'changed', entity: 'service', id: 'daap', field: 'ports', catalogue: 'tcp 3689', article: 'tcp 3688', where: rows.find((r) => r.ports[0]!.fromPort === 3688)!.where },
    ]);
  });

  test('a row the catalogue lacks is added, a service the article lacks removed', () => {
    const rows = [...englishRows().filter((r) => r.ports[0]!.fromPort !== 4398), { where: 'row 57', ports: [{ protocol: 'tcp' as const, fromPort: 7000, toPort: 7000 }], name: null, rfc: null, serviceName: null, usedBy: ['AirPlay'] }];
    expect(checkPortArticle({ locale: 'en', rows })).toEqual([
      { kind: 'added', entity: 'row', id: 'tcp 7000', article: '—; used by AirPlay', where: 'row 57' },
      { kind: 'removed', entity: 'service', id: 'game-center', catalogue: 'udp 4398' },
    ]);
  });
});

describe('reading the port table from cells', () => {
  test('English "used by" entries split on commas and semicolons, not before "such as" or "including"', () => {
    expect(splitUsedBy('Kerberos, including Screen Sharing authentication', 'en')).toEqual(['Kerberos, including Screen Sharing authentication']);
    expect(splitUsedBy('Apps that look up addresses, such as Mail and Address Book; Xcode Server (hosted, remote), Maps', 'en')).toEqual([
      'Apps that look up addresses, such as Mail and Address Book',
      'Xcode Server (hosted, remote)',
      'Maps',
    ]);
  });

  test('reads TCP, UDP as two ranges, a blank RFC as none, and names the row it cannot read', () => {
    const table = [['Port', 'Type', 'Service¹ or protocol', 'RFC²', 'Service name³', 'Used by'], ['53', 'TCP, UDP', 'Domain Name System (DNS)', '', 'domain', '—']];
    const article: PortArticle = readPortTable(table, 'table 1');
    expect(article).toEqual({
      locale: 'en',
      rows: [{ where: 'table 1, row 1', ports: [{ protocol: 'tcp', fromPort: 53, toPort: 53 }, { protocol: 'udp', fromPort: 53, toPort: 53 }], name: 'Domain Name System (DNS)', rfc: null, serviceName: 'domain', usedBy: [] }],
    });
    expect(thrown(() => readPortTable([table[0]!, ['53', 'ICMP', 'x', '', 'x', 'x']], 'table 2')).problems).toEqual([
      { code: 'unreadable-article', message: 'table 2, row 1: cannot read protocol "ICMP" (TCP, UDP or TCP/UDP)' },
    ]);
    expect(thrown(() => readPortTable([['Hosts'], ['x']], 'table 3')).message).toBe('table 3: not Apple\'s port table (its first header cell is not "Port" or "端口")');
  });
});

describe('checkHostArticle', () => {
  test('the article as the catalogue states it has no difference', () => {
    expect(checkHostArticle({ rows: hostRows() })).toEqual([]);
  });

  test('names each host added, removed or changed by its group, field and both values', () => {
    const setup = group('device-setup');
    const rows = hostRows()
      .filter((r) => r.host !== 'humb.apple.com' || r.category !== setup.category)
      .map((r) => (r.host === 'sq-device.apple.com' ? { ...r, platforms: null, description: 'eSIM' } : r.host === 'albert.apple.com' ? { ...r, ports: [...r.ports, { protocol: 'tcp' as const, fromPort: 80, toPort: 80 }] } : r));
    rows.push({ where: 'x', category: setup.category, host: 'new.apple.com', ports: [{ protocol: 'udp', fromPort: 123, toPort: 123 }], platforms: ['macOS'], description: null });
    expect(checkHostArticle({ rows })).toEqual([
      { kind: 'changed', entity: 'host', id: 'albert.apple.com', group: 'device-setup', field: 'ports', catalogue: 'tcp 443', article: 'tcp 80, tcp 443', where: setup.category },
      { kind: 'changed', entity: 'host', id: 'sq-device.apple.com', group: 'device-setup', field: 'platforms', catalogue: 'iOS, iPadOS, visionOS', article: 'every system', where: setup.category },
      { kind: 'changed', entity: 'host', id: 'sq-device.apple.com', group: 'device-setup', field: 'description', catalogue: 'eSIM activation', article: 'eSIM', where: setup.category },
      { kind: 'added', entity: 'host', id: 'new.apple.com', group: 'device-setup', article: 'udp 123; macOS', where: 'x' },
      { kind: 'removed', entity: 'host', id: 'humb.apple.com', group: 'device-setup', catalogue: 'tcp 443; iOS, iPadOS, macOS, tvOS, visionOS' },
    ]);
  });

  test('a renamed category is one change of the group; a new one lists its hosts; a missing one removes the group', () => {
    const store = group('app-store');
    const caching = group('content-caching');
    const rows = hostRows()
      .filter((r) => r.category !== caching.category)
      .map((r) => (r.category === store.category ? { ...r, category: 'Apps' } : r));
    rows.push({ where: 'y', category: 'Apple Intelligence', host: 'pcc.apple.com', ports: [{ protocol: 'tcp', fromPort: 443, toPort: 443 }], platforms: null, description: null });
    expect(checkHostArticle({ rows })).toEqual([
      { kind: 'changed', entity: 'host-group', id: 'app-store', field: 'category', catalogue: store.category, article: 'Apps', where: store.category },
      { kind: 'added', entity: 'category', id: 'Apple Intelligence', article: '1 hosts', where: 'y' },
      { kind: 'added', entity: 'host', id: 'pcc.apple.com', group: 'Apple Intelligence', article: 'tcp 443; every system', where: 'y' },
      { kind: 'removed', entity: 'host-group', id: 'content-caching', catalogue: `${caching.category} (${caching.hosts.length} hosts)` },
    ]);
  });

  test('hosts listed without ports are checked against the groups the category includes', () => {
    const management = group('device-management');
    const rows = hostRows().filter((r) => !(r.category === management.category && r.ports.length === 0));
    rows.push({ where: 'z', category: management.category, host: 'gs.apple.com', ports: [], platforms: null, description: null });
    expect(checkHostArticle({ rows })).toEqual([
      { kind: 'changed', entity: 'host-group', id: 'device-management', field: 'includes', catalogue: '*.push.apple.com', article: 'gs.apple.com' },
    ]);
  });
});

describe('reading a host table from cells', () => {
  test('finds the columns by header, reads Apple\'s OS column and crosses ports with protocols', () => {
    const rows = readHostTable('Associated Domains', [
      ['Hosts', 'Protocol', 'Ports', 'OS', 'Description'],
      ['App-Site-Association.cdn-apple.com', 'TCP, UDP', '443', 'iOS, iPadOS, tvOS, and macOS', ''],
      ['time-ios.apple.com', 'UDP', '123', 'iOS and iPadOS', 'Time'],
      ['*.push.apple.com', '', '', '', ''],
    ], '"Associated Domains", table 1');
    expect(rows).toEqual([
      { where: '"Associated Domains", table 1, row 1', category: 'Associated Domains', host: 'app-site-association.cdn-apple.com', ports: [{ protocol: 'tcp', fromPort: 443, toPort: 443 }, { protocol: 'udp', fromPort: 443, toPort: 443 }], platforms: ['iOS', 'iPadOS', 'macOS', 'tvOS'], description: null },
      { where: '"Associated Domains", table 1, row 2', category: 'Associated Domains', host: 'time-ios.apple.com', ports: [{ protocol: 'udp', fromPort: 123, toPort: 123 }], platforms: ['iOS', 'iPadOS'], description: 'Time' },
      { where: '"Associated Domains", table 1, row 3', category: 'Associated Domains', host: '*.push.apple.com', ports: [], platforms: null, description: null },
    ]);
  });

  test('names the cell it cannot read', () => {
    expect(thrown(() => readHostTable('X', [HEADER, ['a.apple.com', '443 or 80', 'TCP', '', '', '']], 'T')).message).toBe('T, row 1: cannot read port "443 or 80"');
    expect(thrown(() => readHostTable('X', [HEADER, ['a.apple.com', '443', 'QUIC', '', '', '']], 'T')).message).toBe('T, row 1: cannot read protocol "QUIC" (TCP, UDP or both)');
    expect(thrown(() => readHostTable('X', [HEADER, ['a.apple.com', '443', 'TCP', 'Windows', '', '']], 'T')).message).toBe(
      'T, row 1: cannot read the systems "Windows" (iOS, iPadOS, macOS, tvOS, visionOS, watchOS)',
    );
  });
});
