/**
 * The hosts a selection of Apple products needs, from Apple's enterprise-network article (101555)
 * as the catalogue's host groups record it. Ports say where traffic may go; hosts say to whom,
 * which is what a proxy allowlist, a DNS firewall or an AWS Network Firewall domain rule needs.
 */
import {
  catalogue,
  compareHosts,
  compareIds,
  findHostGroup,
  getHostGroup,
  hostDomain,
  hostMatch,
  PLATFORMS,
  unknownHostGroupMessage,
  type AppleProduct,
  type HostEntry,
  type HostGroupEntry,
  type HostGroupId,
  type HostMatch,
  type Platform,
  type ProductEntry,
  type ProfileId,
} from '../catalogue';
import type { ProtocolPortRange } from '../ports';
import { throwIfProblems, type Problem } from '../problems';
import { parsePlatforms } from './platforms';
import { namesOf } from './name-lists';
import { expandSelection } from './selection';
import { API_TERMS, type SelectionTerms } from './terms';
import type { PolicySelection } from './types';

/** What `hostsFor` reads of a selection: the products and profiles `resolve` takes, plus host groups. */
export interface HostSelection {
  /** Apple products by id, alias or name, as for `resolve`. @default [] */
  readonly products?: PolicySelection['products'];
  /** Profiles, as for `resolve`. @default [] */
  readonly profiles?: PolicySelection['profiles'];
  /**
   * Host groups to add by id, for categories no product stands for, such as
   * `'certificate-validation'` or `'content-caching'` (`parseSelection` for ids known only at run time).
   * @default []
   */
  readonly hostGroups?: readonly HostGroupId[];
  /**
   * The systems the hosts are for (`['macOS']` for an EC2 Mac build host): hosts the article's OS
   * column limits to other systems are left out, and `HostList.hostsLeftOut` names them.
   * Names are case-insensitive.
   * @default every platform
   */
  readonly platforms?: readonly Platform[];
}

/** A host of the selection left out because the article limits it to systems not selected. */
export interface HostLeftOut {
  /** The host as Apple writes it. */
  readonly host: string;
  /** The systems the article limits it to. */
  readonly platforms: readonly Platform[];
}

/** One host a selection needs, merged over every group and product that lists it. */
export interface RequiredHost {
  /** The host as Apple writes it: `albert.apple.com` or `*.push.apple.com`. */
  readonly host: string;
  /** The name without a leading `*.`. */
  readonly domain: string;
  /** How the host matches names: exactly, or every subdomain of a wildcard. */
  readonly match: HostMatch;
  /** Every port and protocol the article lists for the host in the groups involved, sorted. */
  readonly ports: readonly ProtocolPortRange[];
  /** Selected products that need the host, sorted; empty for hosts of host groups selected by id. */
  readonly products: readonly AppleProduct[];
  /** The host groups that list it, sorted. */
  readonly hostGroups: readonly HostGroupId[];
  /** What the host is for, as the article describes it, once each. */
  readonly descriptions: readonly string[];
  /** The systems the article limits the host to; empty for all. */
  readonly platforms: readonly Platform[];
  /** The catalogue's notes on the host, once each. */
  readonly notes: readonly string[];
  /** Where the host's facts come from (URLs), once each. */
  readonly sources: readonly string[];
}

/** The hosts of a selection, with what it expanded to. */
export interface HostList {
  /** The selected products after aliases and profiles are expanded, sorted. */
  readonly products: readonly AppleProduct[];
  /** The profiles selected, sorted. */
  readonly profiles: readonly ProfileId[];
  /** Every host group the hosts come from, included groups too, sorted. */
  readonly hostGroups: readonly HostGroupId[];
  /** Hosts sorted by domain (its labels read right to left), a domain's wildcard first. */
  readonly hosts: readonly RequiredHost[];
  /** Selected products the article lists no hosts for, sorted. */
  readonly productsWithoutHosts: readonly AppleProduct[];
  /** What Apple says of every host it lists (device-initiated; HTTPS interception breaks it). */
  readonly statements: readonly string[];
  /** The systems the hosts are for, in the catalogue's order: every platform unless `platforms` narrowed them. */
  readonly platforms: readonly Platform[];
  /** Hosts of the selection the article limits to other systems than `platforms`, sorted; empty for every platform. */
  readonly hostsLeftOut: readonly HostLeftOut[];
}

function comparePorts(a: ProtocolPortRange, b: ProtocolPortRange): number {
  return a.fromPort - b.fromPort || a.toPort - b.toPort || compareIds(a.protocol, b.protocol);
}

/** A host entry as one group lists it, and who asked for it. */
interface HostDemand {
  readonly entry: HostEntry;
  readonly group: HostGroupEntry;
  readonly product?: AppleProduct;
}

/** The entries of a group and of the groups it includes, each group once. */
function groupHosts(group: HostGroupEntry, seen = new Set<string>()): { entry: HostEntry; group: HostGroupEntry }[] {
  if (seen.has(group.id)) {
    return [];
  }
  seen.add(group.id);
  const own = group.hosts.map((entry) => ({ entry, group }));
  const included = (group.includes ?? []).flatMap((id) => groupHosts(getHostGroup(id), seen));
  return [...own, ...included];
}

/** The host entries one product references. */
function productHosts(product: ProductEntry): HostDemand[] {
  return (product.hostGroups ?? []).flatMap((use) => {
    const group = getHostGroup(use.group);
    const entries = use.hosts ? group.hosts.filter((h) => use.hosts!.includes(h.host)).map((entry) => ({ entry, group })) : groupHosts(group);
    return entries.map((e) => ({ ...e, product: product.id }));
  });
}

function unique<T extends string>(values: Iterable<T>, compare: (a: T, b: T) => number = compareIds): T[] {
  return [...new Set(values)].sort(compare);
}

function mergePorts(ranges: readonly ProtocolPortRange[]): ProtocolPortRange[] {
  const byKey = new Map<string, ProtocolPortRange>();
  for (const range of ranges) {
    byKey.set(`${range.protocol}:${range.fromPort}-${range.toPort}`, { protocol: range.protocol, fromPort: range.fromPort, toPort: range.toPort });
  }
  return [...byKey.values()].sort(comparePorts);
}

/** Merges every demand for one host name into one requirement. */
function toRequiredHost(host: string, demands: readonly HostDemand[]): RequiredHost {
  // A host limited to some systems in one group but not in another is needed by all systems.
  const limited = demands.every((d) => d.entry.platforms !== undefined);
  return {
    host,
    domain: hostDomain(host),
    match: hostMatch(host),
    ports: mergePorts(demands.flatMap((d) => d.entry.ports)),
    products: unique(demands.flatMap((d) => (d.product ? [d.product] : []))),
    hostGroups: unique(demands.map((d) => d.group.id)),
    descriptions: [...new Set(demands.flatMap((d) => (d.entry.description ? [d.entry.description] : [])))],
    platforms: limited ? unique(demands.flatMap((d) => d.entry.platforms ?? [])) : [],
    notes: [...new Set(demands.flatMap((d) => (d.entry.notes ? [d.entry.notes] : [])))],
    sources: [...new Set(demands.flatMap((d) => d.group.sources))],
  };
}

/** Options for `hostsFor`. */
export interface HostsForOptions {
  /**
   * How messages name the selection's fields, for callers that write them differently.
   * @default the selection's own field names
   */
  readonly terms?: SelectionTerms;
}

/** The platforms a selection is for, in the catalogue's order: every one when it names none. */
function selectedPlatforms(names: HostSelection['platforms'], problems: Problem[], terms: SelectionTerms): Platform[] {
  if (names === undefined) {
    return [...PLATFORMS];
  }
  const chosen = new Set(parsePlatforms(names, problems, terms));
  return PLATFORMS.filter((p) => chosen.has(p));
}

function expandHostSelection(selection: HostSelection, terms: SelectionTerms): {
  readonly products: readonly ProductEntry[];
  readonly profiles: readonly ProfileId[];
  readonly groups: readonly HostGroupEntry[];
  readonly platforms: readonly Platform[];
} {
  const problems: Problem[] = [];
  const names = { products: selection.products ?? [], profiles: selection.profiles ?? [] };
  // Hosts are always reached outbound, so the profiles' directions do not matter here.
  const expansionProblems: Problem[] = [];
  const expanded = expandSelection(names, expansionProblems, terms);
  problems.push(...expansionProblems.filter((p) => p.code !== 'conflicting-profile-directions' && p.code !== 'profile-direction'));
  const groups: HostGroupEntry[] = [];
  for (const id of namesOf('hostGroups', selection.hostGroups, problems, terms)) {
    const group = findHostGroup(String(id));
    if (group) {
      groups.push(group);
    } else {
      problems.push({ code: 'unknown-host-group', message: unknownHostGroupMessage(String(id)) });
    }
  }
  if (names.products.length === 0 && names.profiles.length === 0 && (selection.hostGroups ?? []).length === 0) {
    problems.push({
      code: 'empty-selection',
      message: `Nothing is selected. Name at least one Apple product, profile or host group, e.g. ${terms.selectHostsExample}.`,
    });
  }
  const platforms = selectedPlatforms(selection.platforms, problems, terms);
  throwIfProblems(problems);
  const products = unique(expanded.products.keys()).map((id) => expanded.products.get(id)!);
  return { products, profiles: expanded.profileIds, groups, platforms };
}

/**
 * The hosts a selection of products, profiles and host groups needs, deduplicated and sorted, each
 * with its ports, the products that need it and the groups that list it. Unknown names throw the
 * same `ApplePortsError` as `resolve`.
 */
export function hostsFor(selection: HostSelection, options: HostsForOptions = {}): HostList {
  const { products, profiles, groups, platforms } = expandHostSelection(selection, options.terms ?? API_TERMS);
  const demands: HostDemand[] = [...products.flatMap(productHosts), ...groups.flatMap((g) => groupHosts(g))];
  const byHost = new Map<string, HostDemand[]>();
  for (const demand of demands) {
    byHost.set(demand.entry.host, [...(byHost.get(demand.entry.host) ?? []), demand]);
  }
  const all = [...byHost.keys()].sort(compareHosts).map((host) => toRequiredHost(host, byHost.get(host)!));
  const forSelected = (host: RequiredHost) => host.platforms.length === 0 || host.platforms.some((p) => platforms.includes(p));
  const hosts = all.filter(forSelected);
  return {
    products: products.map((p) => p.id),
    profiles,
    hostGroups: unique(demands.map((d) => d.group.id)),
    hosts,
    productsWithoutHosts: products.filter((p) => (p.hostGroups ?? []).length === 0).map((p) => p.id),
    statements: catalogue.hostSource.statements,
    platforms,
    hostsLeftOut: all.filter((host) => !forSelected(host)).map((host) => ({ host: host.host, platforms: host.platforms })),
  };
}

/**
 * Why an output made from a host list with no host in it is refused, and the fix: products Apple
 * lists no hosts for, or hosts Apple limits to systems the selection leaves out. `empty` says what
 * would be empty ("the PAC file would be empty"). Every output built from hosts refuses the same way.
 */
export function noHostsProblem(list: HostList, empty: string, terms: SelectionTerms = API_TERMS): Problem {
  if (list.hostsLeftOut.length > 0) {
    const platforms = terms.field('platforms');
    return {
      code: 'nothing-to-open',
      message: `Apple limits every host of the selection to systems other than ${list.platforms.join(', ')}, so ${empty}. Add the systems the devices run to ${platforms}, or leave ${platforms} out for all.`,
    };
  }
  const selected = list.products.length > 0 ? list.products.join(', ') : 'the selection';
  return {
    code: 'nothing-to-open',
    message: `Apple's enterprise-network article lists no hosts for ${selected}, so ${empty}. Select products or host groups Apple lists hosts for, e.g. ${terms.selectHostsExample}.`,
  };
}
