/**
 * The hosts of Apple's enterprise-network article (101555) as the catalogue's host groups record
 * them: typed access to the groups, and how a host name is read (`*.` wildcards) and ordered.
 */
import { activeCatalogue, catalogue } from './catalogue';
import type { HostGroupEntry, Platform } from './types';
import { ApplePortsError } from '../problems';
import { compareIds } from './order';
import { didYouMean, nearestIds } from './suggest';

/** How a host name matches: the name itself, or every subdomain of `domain` (Apple's `*.`). */
export type HostMatch = 'exact' | 'subdomains';

/** The systems the article's OS column names, in the catalogue schema's order. */
export const PLATFORMS: readonly Platform[] = ['iOS', 'iPadOS', 'macOS', 'tvOS', 'visionOS', 'watchOS'];

/**
 * The names Apple's systems had before (macOS was "Mac OS X" until 2012 and "OS X" until 2016;
 * iOS was "iPhone OS" until 2010), for suggestions only: someone who writes `'osx'` means macOS,
 * not the nearer spelling `'iOS'`.
 */
const FORMER_PLATFORM_NAMES: readonly { readonly name: string; readonly id: Platform }[] = [
  { name: 'Mac OS X', id: 'macOS' },
  { name: 'OS X', id: 'macOS' },
  { name: 'iPhone OS', id: 'iOS' },
];

/** The platforms nearest a name that is none of them, former names counted (at most three). */
export function nearestPlatforms(name: string): Platform[] {
  return nearestIds(name, [...PLATFORMS.map((p) => ({ name: p, id: p })), ...FORMER_PLATFORM_NAMES]) as Platform[];
}

/** The platform with this name (case-insensitive: `'macos'` is `'macOS'`), or `undefined`. */
export function findPlatform(name: string): Platform | undefined {
  const key = name.trim().toLowerCase();
  return PLATFORMS.find((p) => p.toLowerCase() === key);
}

/** Every host group (category of Apple's article), sorted by id. */
export const hostGroups: readonly HostGroupEntry[] = catalogue.hostGroups;

/** The host group with this id (case-insensitive), or `undefined`. */
export function findHostGroup(id: string): HostGroupEntry | undefined {
  return activeCatalogue().hostGroupsById.get(id.trim().toLowerCase());
}

/** The host group with this id; throws naming the closest ids when there is none. */
export function getHostGroup(id: string): HostGroupEntry {
  const group = findHostGroup(id);
  if (!group) {
    throw new ApplePortsError([{ code: 'unknown-host-group', message: unknownHostGroupMessage(id) }]);
  }
  return group;
}

/** The message for a host-group id the catalogue does not know; a former id names the groups that replaced it. */
export function unknownHostGroupMessage(id: string): string {
  const { hostGroups } = activeCatalogue().catalogue;
  const key = id.trim().toLowerCase();
  const successors = hostGroups.filter((g) => (g.formerIds ?? []).includes(key)).map((g) => `'${g.id}'`);
  if (successors.length > 0) {
    return `Host group '${id}' was split into ${successors.join(' and ')}, one per heading of Apple's article. Select ${successors.length === 1 ? 'it' : 'them'} instead.`;
  }
  const candidates = hostGroups.flatMap((g) => [
    { name: g.id, id: g.id },
    { name: g.category, id: g.id },
  ]);
  const valid = `Valid host groups: ${hostGroups.map((g) => `'${g.id}'`).join(', ')}.`;
  return `Unknown Apple host group '${id}'. ${didYouMean(nearestIds(id, candidates), valid)}`;
}

const WILDCARD = '*.';

/** `'*.push.apple.com'` → `'push.apple.com'`; a plain name is its own domain. */
export function hostDomain(host: string): string {
  return host.startsWith(WILDCARD) ? host.slice(WILDCARD.length) : host;
}

/** Whether a host stands for its subdomains (`*.`) or for one name. */
export function hostMatch(host: string): HostMatch {
  return host.startsWith(WILDCARD) ? 'subdomains' : 'exact';
}

/**
 * The host as an AWS Network Firewall domain-list target: a leading dot for a wildcard (which AWS
 * matches against the domain and all its subdomains), the name itself otherwise.
 */
export function domainListTarget(host: string): string {
  return host.startsWith(WILDCARD) ? `.${hostDomain(host)}` : host;
}

/** `push.apple.com` → `['com', 'apple', 'push']`, so hosts of one domain sort together. */
function reversedLabels(host: string): string[] {
  return hostDomain(host).split('.').reverse();
}

/**
 * Hosts by domain, label by label from the right (`apple.com` names before `apple-cloudkit.com`),
 * a domain's wildcard before its exact name.
 */
export function compareHosts(a: string, b: string): number {
  const la = reversedLabels(a);
  const lb = reversedLabels(b);
  for (let i = 0; i < Math.min(la.length, lb.length); i++) {
    const byLabel = compareIds(la[i]!, lb[i]!);
    if (byLabel !== 0) {
      return byLabel;
    }
  }
  return la.length - lb.length || Number(!a.startsWith(WILDCARD)) - Number(!b.startsWith(WILDCARD)) || compareIds(a, b);
}
