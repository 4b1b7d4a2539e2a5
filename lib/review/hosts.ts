/**
 * The hosts part of a review: the hosts Apple's enterprise-network article lists for a selection,
 * set beside the rules that open their ports. Security groups and network ACLs cannot filter by
 * name, so a reviewer needs this list for the proxy, DNS firewall or Network Firewall in front of
 * them. `apple-ports hosts` prints the same blocks for a selection without a policy.
 */
import { catalogue, getProduct, type AppleProduct, type Locale } from '../core/catalogue';
import { formatProtocolPorts, type ProtocolPortRange } from '../core/ports';
import { hostsFor, type HostList, type PolicyRule, type RequiredHost, type ResolvedPolicy } from '../core/policy';
import { PLATFORMS, getHostGroup, type Platform } from '../core/catalogue';
import { nameList } from './names';
import { reviewLanguage, type ReviewLanguage } from './locales';
import type { ReviewHost, ReviewHosts, ReviewPortRange, ReviewProduct } from './types';
import type { DocumentBlock } from './text-document';
import type { Table } from './text-table';

function product(id: AppleProduct, locale: Locale): ReviewProduct {
  return { id, name: getProduct(id).name[locale] };
}

function portRange(range: ProtocolPortRange): ReviewPortRange {
  return { protocol: range.protocol, fromPort: range.fromPort, toPort: range.toPort };
}

/** "tcp 80, tcp 443" */
export function formatPortList(ranges: readonly ReviewPortRange[]): string {
  return ranges.map((r) => formatProtocolPorts(r.protocol, r)).join(', ');
}

/** True when some rule opens the whole range, whatever its peer. */
function isOpened(range: ProtocolPortRange, rules: readonly PolicyRule[]): boolean {
  return rules.some((rule) => rule.protocol === range.protocol && rule.fromPort <= range.fromPort && range.toPort <= rule.toPort);
}

/** "macOS only", or "not watchOS" for a host of every system but one or two, which reads shorter. */
function platformRemark(platforms: readonly Platform[], language: ReviewLanguage): string[] {
  if (platforms.length === 0) {
    return [];
  }
  const missing = PLATFORMS.filter((p) => !platforms.includes(p));
  return [missing.length <= 2 ? language.platformsExcept(missing.join(language.listSeparator)) : language.platformsOnly(platforms.join(language.listSeparator))];
}

/** What a reviewer should know of a host, in the review's language: descriptions, system limits, notes, closed ports. */
export function hostRemarks(
  host: Pick<ReviewHost, 'descriptions' | 'platforms' | 'notes'>,
  portsNotOpened: readonly ReviewPortRange[],
  language: ReviewLanguage,
): string[] {
  return [
    ...host.descriptions,
    ...platformRemark(host.platforms, language),
    ...host.notes,
    ...(portsNotOpened.length > 0 ? [language.portsNotOpened(formatPortList(portsNotOpened))] : []),
  ];
}

function reviewHost(host: RequiredHost, locale: Locale, language: ReviewLanguage, rules: readonly PolicyRule[] | undefined): ReviewHost {
  const portsNotOpened = rules ? host.ports.filter((range) => !isOpened(range, rules)).map(portRange) : [];
  const remarks = hostRemarks(host, portsNotOpened, language);
  return {
    host: host.host,
    match: host.match,
    ports: host.ports.map(portRange),
    products: host.products.map((id) => product(id, locale)),
    hostGroups: host.hostGroups.map((id) => ({ id, name: getHostGroup(id).category })),
    descriptions: host.descriptions,
    platforms: host.platforms,
    notes: host.notes,
    portsNotOpened,
    remarks,
    sources: host.sources,
  };
}

/**
 * The hosts of a `hostsFor` list in a review's locale. With `rules`, each host also names the
 * ports it is listed on that none of the rules opens.
 */
export function reviewHosts(list: HostList, locale: Locale, rules?: readonly PolicyRule[]): ReviewHosts {
  const language = reviewLanguage(locale);
  return {
    source: { title: catalogue.hostSource.title, url: catalogue.hostSource.urls[0]! },
    statements: list.statements,
    hosts: list.hosts.map((host) => reviewHost(host, locale, language, rules)),
    productsWithoutHosts: list.productsWithoutHosts.map((id) => product(id, locale)),
    platforms: list.platforms,
    hostsLeftOut: list.hostsLeftOut,
  };
}

/** The hosts of a policy's products, or `null` for an ingress policy: the devices reach them outbound. */
export function policyHosts(policy: ResolvedPolicy, locale: Locale): ReviewHosts | null {
  if (policy.direction === 'ingress') {
    return null;
  }
  // A policy of the user's own rules alone selects no product, and so no host.
  const list: HostList =
    policy.products.length > 0
      ? hostsFor({ products: policy.products })
      : { products: [], profiles: [], hostGroups: [], hosts: [], productsWithoutHosts: [], statements: catalogue.hostSource.statements, platforms: PLATFORMS, hostsLeftOut: [] };
  return reviewHosts(list, locale, policy.rules);
}

/** One row per host: the host, its ports, categories, products and remarks. */
export function hostTable(hosts: ReviewHosts, language: ReviewLanguage, lineBreak: string): Table {
  const c = language.hostColumns;
  return {
    header: [c.host, c.ports, c.category, c.products, c.notes],
    rows: hosts.hosts.map((host) => [
      host.host,
      formatPortList(host.ports),
      host.hostGroups.map((g) => g.name).join(language.listSeparator),
      host.products.map((p) => p.name).join(language.listSeparator) || '-',
      host.remarks.join(lineBreak),
    ]),
  };
}

/** Which systems the hosts are for, and the hosts left out for being Apple's for other systems only. */
function platformBlocks(hosts: ReviewHosts, language: ReviewLanguage): DocumentBlock[] {
  if (hosts.platforms.length === PLATFORMS.length) {
    return [];
  }
  const leftOut = hosts.hostsLeftOut.map((h) => language.withMeaning(h.host, h.platforms.join(language.listSeparator)));
  return [{ kind: 'paragraph', text: language.platformsSelected(hosts.platforms.join(language.listSeparator), leftOut.length) }, ...(leftOut.length > 0 ? [{ kind: 'list' as const, items: leftOut }] : [])];
}

function withoutHosts(hosts: ReviewHosts, language: ReviewLanguage): DocumentBlock[] {
  const names = nameList(hosts.productsWithoutHosts, language);
  return hosts.productsWithoutHosts.length > 0 ? [{ kind: 'paragraph', text: language.productsWithoutHosts(names) }] : [];
}

/**
 * The hosts as document blocks, heading first: Apple's article and statements, the host table and
 * the products Apple lists no hosts for; or one sentence when there are none or they do not apply.
 */
export function hostBlocks(hosts: ReviewHosts | null, language: ReviewLanguage, lineBreak: string): DocumentBlock[] {
  if (hosts === null) {
    return [
      { kind: 'heading', text: language.hostsHeading(null) },
      { kind: 'paragraph', text: language.hostsNotApplicable },
    ];
  }
  const heading: DocumentBlock = { kind: 'heading', text: language.hostsHeading(hosts.hosts.length) };
  if (hosts.hosts.length === 0) {
    return [heading, { kind: 'paragraph', text: language.noHosts(hosts.source.title, hosts.source.url) }, ...platformBlocks(hosts, language)];
  }
  return [
    heading,
    { kind: 'paragraph', text: language.hostsIntro(hosts.source.title, hosts.source.url) },
    { kind: 'list', items: hosts.statements },
    ...platformBlocks(hosts, language),
    { kind: 'table', table: hostTable(hosts, language, lineBreak) },
    ...withoutHosts(hosts, language),
  ];
}
