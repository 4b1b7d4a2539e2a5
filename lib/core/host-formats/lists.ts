/**
 * The plain lists: Apple's names as Apple writes them (`*.push.apple.com`), and the domains alone for
 * tools where an entry matches the name and all its subdomains.
 */
import type { HostList } from '../policy';
import { hostNames, lines, withoutCovered } from './names';

/**
 * One name per line as Apple writes it: `*.push.apple.com` for every subdomain of push.apple.com,
 * `albert.apple.com` for that name alone. For tools that read `*.` wildcards.
 */
export function wildcardList(list: HostList): string {
  return lines(list.hosts.map((h) => h.host));
}

/**
 * One domain per line without wildcards (`push.apple.com`, `albert.apple.com`), for tools where an
 * entry matches the name and every subdomain of it (DNS sinkholes, many domain lists). Names an
 * entry already matches are left out. This is broader than Apple's list: it also matches the
 * domain of a `*.` wildcard and the subdomains of exact names.
 */
export function domainList(list: HostList): string {
  const names = withoutCovered(hostNames(list).map((n) => ({ domain: n.domain, subdomains: true })), true);
  return lines([...new Set(names.map((n) => n.domain))]);
}
