/**
 * How a saved copy of Apple's articles differs from the catalogue: every row or host the article
 * adds, removes or changes, by catalogue entry and field, with both values, so a maintainer can edit
 * data/ and list the change. Pure: the CLI reads the files and the HTML.
 */
import { compareProtocols, formatProtocolPorts, type ProtocolPortRange } from '../../ports';
import { catalogue as shipped } from '../catalogue';
import type { Catalogue, HostEntry, HostGroupEntry, Locale, ServiceEntry } from '../types';
import type { HostArticle, HostArticleRow } from './host-article';
import { DASH, type PortArticle, type PortArticleRow } from './port-article';

/** One difference between an article and the catalogue. */
export interface ArticleDifference {
  readonly kind: 'added' | 'removed' | 'changed';
  /** A service or row of the port table; a host group (category) or host of the host article. */
  readonly entity: 'service' | 'row' | 'host-group' | 'category' | 'host';
  /** The catalogue id (service, host group), the row's ports, the category's name or the host. */
  readonly id: string;
  /** For a host: its host group's id, or the new category's name. */
  readonly group?: string;
  /** For `changed`: the catalogue field (`rfc.apple`, `usedBy`, `category`, `ports`…). */
  readonly field?: string;
  /** The catalogue's value; absent for `added`. */
  readonly catalogue?: string;
  /** The article's value; absent for `removed`. */
  readonly article?: string;
  /** Where in the article: `line 23`, `table 1, row 5`, or a category's table row. */
  readonly where?: string;
}

const NONE = DASH;

/** "tcp 80, tcp 443": ports in the catalogue's order (by port, then protocol), whatever order the article lists them in. */
function portsText(ports: readonly ProtocolPortRange[]): string {
  return [...ports]
    .sort((a, b) => a.fromPort - b.fromPort || a.toPort - b.toPort || compareProtocols(a.protocol, b.protocol))
    .map((p) => formatProtocolPorts(p.protocol, p))
    .join(', ');
}

function portsKey(ports: readonly ProtocolPortRange[]): string {
  return ports.map((p) => `${p.protocol} ${p.fromPort}-${p.toPort}`).sort().join(',');
}

/** Counts of each entry, for comparing "used by" lists as multisets. */
function counts(items: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  items.forEach((item) => map.set(item, (map.get(item) ?? 0) + 1));
  return map;
}

/** The entries of `a` that `b` lacks, counting repeats. */
function without(a: readonly string[], b: readonly string[]): string[] {
  const left = counts(b);
  return a.filter((item) => {
    const n = left.get(item) ?? 0;
    left.set(item, n - 1);
    return n <= 0;
  });
}

/** Apple's service-name column in the catalogue's (English) notation. */
function serviceNameNotation(cell: string, locale: Locale): string {
  return locale === 'zh-CN' ? cell.replace('（旧版）', ' (legacy)').replace(/、/g, ', ') : cell;
}

/** The "used by" entries of one service, in one language, over every product. */
function usedByOf(data: Catalogue, service: ServiceEntry, locale: Locale): string[] {
  return data.products.flatMap((p) => p.uses.filter((u) => u.service === service.id).flatMap((u) => u.usedBy.map((b) => b[locale])));
}

/** The field differences of a row and the service it stands for (ports only when `withPorts`). */
function rowDifferences(row: PortArticleRow, service: ServiceEntry, data: Catalogue, locale: Locale, withPorts: boolean): ArticleDifference[] {
  const changed = (field: string, catalogueValue: string, articleValue: string): ArticleDifference => ({
    kind: 'changed',
    entity: 'service',
    id: service.id,
    field,
    catalogue: catalogueValue,
    article: articleValue,
    where: row.where,
  });
  const differences: ArticleDifference[] = [];
  if (withPorts && portsKey(row.ports) !== portsKey(service.ports)) {
    differences.push(changed('ports', portsText(service.ports), portsText(row.ports)));
  }
  const name = service.name?.[locale] ?? null;
  if (name !== row.name) {
    differences.push(changed(`name.${locale}`, name ?? NONE, row.name ?? NONE));
  }
  if (service.rfc.apple !== row.rfc) {
    differences.push(changed('rfc.apple', String(service.rfc.apple ?? NONE), String(row.rfc ?? NONE)));
  }
  // Where Apple prints "—" the catalogue has no appleServiceName; where Apple prints IANA's name it keeps only ianaName.
  const printed = row.serviceName === null ? null : serviceNameNotation(row.serviceName, locale);
  const recorded = service.appleServiceName ?? (printed === null ? null : service.ianaName);
  if (recorded !== printed) {
    differences.push(changed('appleServiceName', recorded ?? NONE, printed ?? NONE));
  }
  const usedBy = usedByOf(data, service, locale);
  const onlyCatalogue = without(usedBy, row.usedBy);
  const onlyArticle = without(row.usedBy, usedBy);
  if (onlyCatalogue.length > 0 || onlyArticle.length > 0) {
    differences.push(changed(`usedBy.${locale}`, onlyCatalogue.join(' | ') || NONE, onlyArticle.join(' | ') || NONE));
  }
  return differences;
}

/** A row and a service are the same entry under other ports when Apple names it and its users alike. */
function sameEntry(row: PortArticleRow, service: ServiceEntry, data: Catalogue, locale: Locale): boolean {
  const usedBy = usedByOf(data, service, locale);
  return (service.name?.[locale] ?? null) === row.name && without(usedBy, row.usedBy).length === 0 && without(row.usedBy, usedBy).length === 0;
}

/**
 * Every difference between Apple's port table and the catalogue's services: rows matched to
 * services by their ports, then — a port changed — by the name and "used by" entries they share.
 * Field by field: ports, Apple's name, RFC, service name and "used by" entries in the article's
 * language. Empty when they agree.
 */
export function checkPortArticle(article: PortArticle, data: Catalogue = shipped): ArticleDifference[] {
  const { locale } = article;
  const byPorts = new Map(data.services.map((s) => [portsKey(s.ports), s]));
  const matched = new Set<ServiceEntry>();
  const unmatchedRows: PortArticleRow[] = [];
  const differences: ArticleDifference[] = [];
  for (const row of article.rows) {
    const service = byPorts.get(portsKey(row.ports));
    if (service && !matched.has(service)) {
      matched.add(service);
      differences.push(...rowDifferences(row, service, data, locale, false));
    } else {
      unmatchedRows.push(row);
    }
  }
  for (const row of unmatchedRows) {
    const service = data.services.find((s) => !matched.has(s) && sameEntry(row, s, data, locale));
    if (service) {
      matched.add(service);
      differences.push(...rowDifferences(row, service, data, locale, true));
    } else {
      const used = row.usedBy.length > 0 ? row.usedBy.join(' | ') : NONE;
      differences.push({ kind: 'added', entity: 'row', id: portsText(row.ports), article: `${row.name ?? NONE}; used by ${used}`, where: row.where });
    }
  }
  for (const service of data.services.filter((s) => !matched.has(s))) {
    differences.push({ kind: 'removed', entity: 'service', id: service.id, catalogue: portsText(service.ports) });
  }
  return differences;
}

function hostFacts(ports: readonly ProtocolPortRange[], platforms: readonly string[] | null, description: string | null): string {
  return [portsText(ports), platforms ? platforms.join(', ') : 'every system', ...(description ? [description] : [])].join('; ');
}

/** The rows of one category in the article, by host; a host listed twice has both rows' ports. */
function rowsByHost(rows: readonly HostArticleRow[]): Map<string, HostArticleRow> {
  const map = new Map<string, HostArticleRow>();
  for (const row of rows) {
    const earlier = map.get(row.host);
    map.set(row.host, earlier ? { ...earlier, ports: [...earlier.ports, ...row.ports] } : row);
  }
  return map;
}

function hostDifferences(group: HostGroupEntry, rows: readonly HostArticleRow[], data: Catalogue): ArticleDifference[] {
  const differences: ArticleDifference[] = [];
  const listed = rowsByHost(rows.filter((r) => r.ports.length > 0));
  const hosts = new Map<string, HostEntry>(group.hosts.map((h) => [h.host, h]));
  for (const [name, row] of listed) {
    const host = hosts.get(name);
    if (!host) {
      differences.push({ kind: 'added', entity: 'host', id: name, group: group.id, article: hostFacts(row.ports, row.platforms, row.description), where: row.where });
      continue;
    }
    const changed = (field: string, catalogueValue: string, articleValue: string) =>
      differences.push({ kind: 'changed', entity: 'host', id: name, group: group.id, field, catalogue: catalogueValue, article: articleValue, where: row.where });
    if (portsKey(host.ports) !== portsKey(row.ports)) {
      changed('ports', portsText(host.ports), portsText(row.ports));
    }
    const platforms = host.platforms ?? null;
    if ((platforms ?? []).join(', ') !== (row.platforms ?? []).join(', ')) {
      changed('platforms', platforms?.join(', ') ?? 'every system', row.platforms?.join(', ') ?? 'every system');
    }
    if ((host.description ?? null) !== row.description) {
      changed('description', host.description ?? NONE, row.description ?? NONE);
    }
  }
  for (const host of group.hosts.filter((h) => !listed.has(h.host))) {
    differences.push({ kind: 'removed', entity: 'host', id: host.host, group: group.id, catalogue: hostFacts(host.ports, host.platforms ?? null, host.description ?? null) });
  }
  // Hosts listed without ports are those of the groups this one includes.
  const groups = new Map(data.hostGroups.map((g) => [g.id, g]));
  const included = (group.includes ?? []).flatMap((id) => groups.get(id)?.hosts.map((h) => h.host) ?? []);
  const referred = [...new Set(rows.filter((r) => r.ports.length === 0).map((r) => r.host))];
  const [onlyCatalogue, onlyArticle] = [without(included, referred), without(referred, included)];
  if (onlyCatalogue.length > 0 || onlyArticle.length > 0) {
    differences.push({ kind: 'changed', entity: 'host-group', id: group.id, field: 'includes', catalogue: onlyCatalogue.join(', ') || NONE, article: onlyArticle.join(', ') || NONE });
  }
  return differences;
}

/** How much of a group's hosts a category of the article lists: shared hosts over all hosts of both. */
function overlap(group: HostGroupEntry, rows: readonly HostArticleRow[]): number {
  const [a, b] = [new Set(group.hosts.map((h) => h.host)), new Set(rows.filter((r) => r.ports.length > 0).map((r) => r.host))];
  const shared = [...a].filter((h) => b.has(h)).length;
  return shared / (a.size + b.size - shared || 1);
}

/**
 * Every difference between the host tables of Apple's enterprise-network article and the
 * catalogue's host groups: categories matched to groups by `category`, then — a category renamed —
 * by the hosts they share (at least half); within a category, hosts added, removed or changed
 * (ports and protocols, systems, description), and the hosts it lists again without ports. Empty
 * when they agree.
 */
export function checkHostArticle(article: HostArticle, data: Catalogue = shipped): ArticleDifference[] {
  const categories = [...new Set(article.rows.map((r) => r.category))];
  const rowsOf = (category: string) => article.rows.filter((r) => r.category === category);
  const differences: ArticleDifference[] = [];
  const matched = new Map<HostGroupEntry, string>();
  const unmatched: string[] = [];
  for (const category of categories) {
    const group = data.hostGroups.find((g) => g.category === category && !matched.has(g));
    if (group) {
      matched.set(group, category);
    } else {
      unmatched.push(category);
    }
  }
  for (const category of unmatched) {
    const candidates = data.hostGroups
      .filter((g) => !matched.has(g))
      .map((g) => ({ group: g, score: overlap(g, rowsOf(category)) }))
      .filter((c) => c.score >= 0.5)
      .sort((a, b) => b.score - a.score);
    const renamed = candidates[0]?.group;
    if (renamed) {
      matched.set(renamed, category);
      differences.push({ kind: 'changed', entity: 'host-group', id: renamed.id, field: 'category', catalogue: renamed.category, article: category, where: rowsOf(category)[0]!.where });
    } else {
      differences.push({ kind: 'added', entity: 'category', id: category, article: `${rowsOf(category).length} hosts`, where: rowsOf(category)[0]!.where });
      for (const [name, row] of rowsByHost(rowsOf(category))) {
        differences.push({ kind: 'added', entity: 'host', id: name, group: category, article: hostFacts(row.ports, row.platforms, row.description), where: row.where });
      }
    }
  }
  for (const group of data.hostGroups) {
    const category = matched.get(group);
    if (category === undefined) {
      differences.push({ kind: 'removed', entity: 'host-group', id: group.id, catalogue: `${group.category} (${group.hosts.length} hosts)` });
    } else {
      differences.push(...hostDifferences(group, rowsOf(category), data));
    }
  }
  return differences;
}
