/**
 * The plain lists: Apple's names as Apple writes them (`*.push.apple.com`), and the domains alone for
 * tools where an entry matches the name and all its subdomains.
 */
import type { HostList } from '../policy';
import { throwIfProblems } from '../problems';
import { emptyFileProblems, hostNames, lines, withoutCovered, type HostFormatOptions } from './names';

/**
 * One name per line as Apple writes it: `*.push.apple.com` for every subdomain of push.apple.com,
 * `albert.apple.com` for that name alone. For tools that read `*.` wildcards. A list without hosts
 * is refused (`nothing-to-open`).
 */
export function wildcardList(list: HostList, options: HostFormatOptions = {}): string {
  throwIfProblems(emptyFileProblems(list, 'the wildcard list', options));
  return lines(list.hosts.map((h) => h.host));
}

/**
 * One domain per line without wildcards (`push.apple.com`, `albert.apple.com`), for tools where an
 * entry matches the name and every subdomain of it (DNS sinkholes, many domain lists). Names an
 * entry already matches are left out. This is broader than Apple's list: it also matches the
 * domain of a `*.` wildcard and the subdomains of exact names. A list without hosts is refused.
 */
export function domainList(list: HostList, options: HostFormatOptions = {}): string {
  throwIfProblems(emptyFileProblems(list, 'the domain list', options));
  const names = withoutCovered(hostNames(list).map((n) => ({ domain: n.domain, subdomains: true })), true);
  return lines([...new Set(names.map((n) => n.domain))]);
}
