/**
 * Apple's host names as the lists of proxies and appliances need them: each name with whether it
 * stands for its subdomains (Apple's `*.`), and, for formats whose wildcard also matches the domain
 * itself, without the entries another entry already matches.
 */
import { API_TERMS, noHostsProblem, type HostList, type SelectionTerms } from '../policy';
import type { Problem } from '../problems';

/** One of Apple's names: `push.apple.com` with `subdomains: true` for `*.push.apple.com`. */
export interface HostName {
  /** The name without a leading `*.`. */
  readonly domain: string;
  /** True for Apple's `*.` form: every subdomain of `domain`. */
  readonly subdomains: boolean;
}

/** The selection's names in the list's order (by domain, a domain's wildcard first). */
export function hostNames(list: HostList): HostName[] {
  return list.hosts.map((host) => ({ domain: host.domain, subdomains: host.match === 'subdomains' }));
}

/** What every host format takes besides its own options. */
export interface HostFormatOptions {
  /**
   * How messages name the selection's fields (`platforms`, `--platform`).
   * @default the selection's own field names
   */
  readonly terms?: SelectionTerms;
}

/**
 * The refusal of a list with no host for a file that would be empty (`file`: "the PAC file"), or
 * none: an empty file would allow nothing without saying so.
 */
export function emptyFileProblems(list: HostList, file: string, options: HostFormatOptions): Problem[] {
  return list.hosts.length === 0 ? [noHostsProblem(list, `${file} would be empty`, options.terms ?? API_TERMS)] : [];
}

/** `a.b.apple.com` → `['b.apple.com', 'apple.com', 'com']`: the domains a name is under. */
function parentDomains(domain: string): string[] {
  const labels = domain.split('.');
  return labels.slice(1).map((_, i) => labels.slice(i + 1).join('.'));
}

/**
 * The names no other entry already matches, for a format whose wildcard entry matches every
 * subdomain and, when `wildcardMatchesDomain`, the domain itself (Squid's `.apple.com`): a second
 * entry for a name a wildcard matches is redundant, and some tools warn of it or reject it.
 */
export function withoutCovered(names: readonly HostName[], wildcardMatchesDomain: boolean): HostName[] {
  const wildcards = new Set(names.filter((n) => n.subdomains).map((n) => n.domain));
  return names.filter((name) => {
    if (!name.subdomains && wildcardMatchesDomain && wildcards.has(name.domain)) {
      return false;
    }
    return !parentDomains(name.domain).some((parent) => wildcards.has(parent));
  });
}

/** Lines joined with a final newline, the form every list file takes. */
export function lines(entries: readonly string[]): string {
  return entries.length === 0 ? '' : `${entries.join('\n')}\n`;
}
