/**
 * A Squid access list of Apple's hosts: `acl apple dstdomain …`, one entry a line. In Squid a
 * leading dot matches the domain and all its subdomains, and a name without one matches that name
 * only (squid.conf `acl` documentation), so Apple's `*.push.apple.com` is written `.push.apple.com`.
 */
import { catalogue } from '../catalogue';
import { throwIfProblems, type Problem } from '../problems';
import type { HostList } from '../policy';
import { emptyFileProblems, hostNames, lines, withoutCovered, type HostFormatOptions } from './names';

/** Options of `squidAcl`. */
export interface SquidAclOptions extends HostFormatOptions {
  /** The ACL's name, for `http_access allow <name>` or `ssl_bump splice <name>`. @default 'apple' */
  readonly aclName?: string;
}

const ACL_NAME = /^[A-Za-z0-9_.-]+$/;

/**
 * The hosts as Squid `dstdomain` lines under one ACL name, with a comment that says where they come
 * from. Exact names a wildcard already matches are left out, since Squid warns of overlapping
 * entries; a wildcard also matches its domain itself, which Squid cannot leave out. A list without
 * hosts is refused.
 */
export function squidAcl(list: HostList, options: SquidAclOptions = {}): string {
  const aclName = options.aclName ?? 'apple';
  const problems: Problem[] = [];
  if (!ACL_NAME.test(aclName)) {
    problems.push({ code: 'invalid-host-format-option', message: `Squid ACL name '${aclName}' is not one Squid accepts. Use letters, digits, '_', '-' and '.', e.g. 'apple'.` });
  }
  problems.push(...emptyFileProblems(list, 'the Squid ACL', options));
  throwIfProblems(problems);
  const entries = withoutCovered(hostNames(list), true).map((n) => `acl ${aclName} dstdomain ${n.subdomains ? '.' : ''}${n.domain}`);
  const header = [
    `# Apple's hosts for this selection, from "${catalogue.hostSource.title}" (${catalogue.hostSource.urls[0]}).`,
    '# A leading dot matches the domain and every subdomain. Apple services fail under TLS interception:',
    `# splice, do not bump, these hosts (ssl_bump splice ${aclName}).`,
  ];
  return lines([...header, ...entries]);
}
