/**
 * "Do not decrypt" lists of Apple's hosts in the wildcard forms that TLS-inspecting appliances
 * import, because Apple services fail any connection that uses HTTPS interception (article
 * 101555). Each vendor matches wildcards its own way; the formats follow their documentation.
 */
import type { HostList } from '../policy';
import { ApplePortsError, throwIfProblems } from '../problems';
import { emptyFileProblems, hostNames, lines, withoutCovered, type HostFormatOptions, type HostName } from './names';

/** The appliances whose list formats `tlsBypassList` writes. */
export type TlsBypassVendor = 'paloalto' | 'zscaler' | 'netskope';

/** How one vendor writes a name, and where its format is documented. */
export interface TlsBypassFormat {
  /** The vendor. */
  readonly vendor: TlsBypassVendor;
  /** What the list is for in the vendor's product. */
  readonly use: string;
  /** Whether the vendor's wildcard entry also matches the domain itself. */
  readonly wildcardMatchesDomain: boolean;
  /** Writes one host in the vendor's syntax. */
  readonly entry: (name: HostName) => string;
  /** The vendor's documentation of the format (URLs). */
  readonly sources: readonly string[];
}

/** The formats, by vendor. */
export const TLS_BYPASS_FORMATS: Readonly<Record<TlsBypassVendor, TlsBypassFormat>> = {
  paloalto: {
    vendor: 'paloalto',
    use: 'a URL List external dynamic list (or custom URL category) for a No Decrypt decryption policy rule',
    // `*.example.com/` matches subdomains, not example.com; the trailing slash stops `example.com`
    // from also matching `example.com.evil.net`.
    wildcardMatchesDomain: false,
    entry: (n) => `${n.subdomains ? '*.' : ''}${n.domain}/`,
    sources: [
      'https://docs.paloaltonetworks.com/pan-os/10-2/pan-os-admin/policy/use-an-external-dynamic-list-in-policy/formatting-guidelines-for-an-external-dynamic-list/url-list',
      'https://docs.paloaltonetworks.com/pan-os/10-2/pan-os-admin/decryption/decryption-exclusions',
    ],
  },
  zscaler: {
    vendor: 'zscaler',
    use: 'a custom URL category for an SSL Inspection rule that does not inspect',
    // "A leading period ('.') functions as a wildcard to the left of the named URL up to 5 subdomain
    // levels deep … or matches exactly to the named URL."
    wildcardMatchesDomain: true,
    entry: (n) => `${n.subdomains ? '.' : ''}${n.domain}`,
    sources: ['https://help.zscaler.com/zia/url-format-guidelines'],
  },
  netskope: {
    vendor: 'netskope',
    use: 'a URL list in a custom category for an SSL Decryption policy with the Do Not Decrypt action',
    // "*.foo.com automatically includes foo.com as well."
    wildcardMatchesDomain: true,
    entry: (n) => `${n.subdomains ? '*.' : ''}${n.domain}`,
    sources: ['https://docs.netskope.com/en/url-list-best-practices.html', 'https://docs.netskope.com/en/url-lists/'],
  },
};

/**
 * The hosts as one vendor's bypass list, one entry a line, without entries another entry already
 * matches. A vendor whose wildcard also matches the domain itself bypasses that domain too. A list
 * without hosts is refused.
 */
export function tlsBypassList(list: HostList, vendor: TlsBypassVendor, options: HostFormatOptions = {}): string {
  const format = Object.hasOwn(TLS_BYPASS_FORMATS, vendor) ? TLS_BYPASS_FORMATS[vendor] : undefined;
  if (format === undefined) {
    const valid = Object.keys(TLS_BYPASS_FORMATS).map((v) => `'${v}'`).join(', ');
    throw new ApplePortsError([{ code: 'invalid-host-format-option', message: `Unknown TLS-bypass list vendor '${String(vendor)}'. Use one of ${valid}.` }]);
  }
  throwIfProblems(emptyFileProblems(list, 'the TLS-bypass list', options));
  return lines(withoutCovered(hostNames(list), format.wildcardMatchesDomain).map(format.entry));
}
