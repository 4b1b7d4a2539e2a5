/**
 * The shape of every word the review and the diff print; each language fills it in a file of its
 * own (`en.ts`, `zh-CN.ts`), so a translation that misses a word does not compile. Ids, codes, port
 * numbers and setting names (`includeLegacy`, `maxRules`) stay as they are in both, because a
 * reviewer searches the code for them.
 */
import type { CatalogueEntity, Direction } from '../../core/catalogue';
import type { ExclusionReason } from '../../core/policy';

/** The review's vocabulary in one language. */
export interface ReviewLanguage {
  /** Separator for lists of names. */
  readonly listSeparator: string;
  /** Between a field's label and its value. */
  readonly fieldSeparator: string;
  /** A value followed by what it means, in parentheses. */
  readonly withMeaning: (value: string, meaning: string) => string;
  readonly none: string;
  readonly yes: string;
  readonly no: string;
  readonly title: string;
  readonly fieldDirection: string;
  readonly fieldProducts: string;
  readonly fieldProfiles: string;
  readonly fieldBudget: string;
  readonly direction: Record<Direction, string>;
  readonly directionMeaning: Record<Direction, string>;
  readonly rulesHeading: (count: number) => string;
  readonly ruleColumns: {
    readonly direction: string;
    readonly protocol: string;
    readonly ports: string;
    readonly peer: string;
    readonly why: string;
  };
  readonly noRules: string;
  /** "products → service: Apple's name, RFC" for one reason of a rule. */
  readonly reason: (products: string, serviceId: string, serviceName: string, rfc: string) => string;
  readonly rfc: (rfc: number | null, appleRfc: number | null) => string;
  readonly extraRule: (description: string) => string;
  readonly widenedInRule: (maxRules: number | null, ranges: string, ports: number) => string;
  readonly excludedHeading: (count: number) => string;
  readonly excludedColumns: { readonly service: string; readonly ports: string; readonly products: string; readonly why: string };
  readonly nothingExcluded: string;
  readonly exclusion: Record<ExclusionReason, (retired: string) => string>;
  readonly retiredItem: (name: string, date: string) => string;
  readonly budgetHeading: string;
  readonly noBudget: string;
  readonly budgetFits: (maxRules: number) => string;
  readonly budgetWidened: (maxRules: number | null, ports: number) => string;
  readonly budgetColumns: { readonly protocol: string; readonly ports: string; readonly peer: string; readonly count: string };
  readonly budgetField: (maxRules: number | null) => string;
  readonly quotasHeading: string;
  readonly quotaColumns: { readonly count: string; readonly limit: string; readonly within: string };
  readonly securityGroupRules: (direction: Direction) => string;
  readonly networkAclEntries: (outbound: boolean, purpose: 'allow' | 'return') => string;
  readonly networkAclNotApplicable: string;
  readonly hostsHeading: (count: number | null) => string;
  readonly hostColumns: { readonly host: string; readonly ports: string; readonly category: string; readonly products: string; readonly notes: string };
  /** What the hosts are and why security groups cannot hold them; Apple's statements follow. */
  readonly hostsIntro: (title: string, url: string) => string;
  readonly noHosts: (title: string, url: string) => string;
  readonly hostsNotApplicable: string;
  readonly productsWithoutHosts: (names: string) => string;
  readonly platformsOnly: (platforms: string) => string;
  /** For a host of every system but these. */
  readonly platformsExcept: (platforms: string) => string;
  /** The systems a host list is for, and how many hosts Apple limits to other systems were left out. */
  readonly platformsSelected: (platforms: string, leftOut: number) => string;
  readonly portsNotOpened: (ports: string) => string;
  /** The title of the `apple-ports hosts` document. */
  readonly hostsTitle: string;
  readonly fieldHostGroups: string;
  /** Columns of the `apple-ports hosts` CSV: one record per host and port. */
  readonly hostCsvColumns: readonly string[];
  readonly notesHeading: string;
  readonly noNotes: string;
  readonly csvColumns: readonly string[];
  /** Translations of the resolver's notices; `null` where the resolver's English messages serve. */
  readonly notices: NoticeTranslations | null;
  readonly diff: DiffLanguage;
  readonly dnsFirewall: DnsFirewallLanguage;
  readonly changes: ChangesLanguage;
}

/** The DNS Firewall review's vocabulary in one language. */
export interface DnsFirewallLanguage {
  readonly title: string;
  readonly fieldWalledGarden: string;
  readonly rulesHeading: (count: number) => string;
  readonly columns: { readonly priority: string; readonly action: string; readonly domains: string };
  /** An ALLOW rule; `trusted` when it trusts the CNAME chain of the names it allows. */
  readonly allow: (trusted: boolean) => string;
  readonly block: (response: string) => string;
  /** The Apple list, whose names the hosts section below lists. */
  readonly appleHosts: (count: number) => string;
}

/** The resolver's notices in another language, built from the notices' data. */
export interface NoticeTranslations {
  readonly excluded: Record<ExclusionReason, string>;
  /** Retired products left out, with their retirement dates. */
  readonly retiredProducts: (products: string) => string;
  readonly widened: (ports: number, maxRules: number | null, ranges: string) => string;
  readonly amazonDns: string;
  readonly amazonTimeSync: string;
  readonly openIngress: (peers: string) => string;
  readonly ipv6Unused: string;
  /** `exclude` names services no selected product uses (quoted ids, joined). */
  readonly excludeUnused: (services: string) => string;
  /** `'apple-network'` narrowed some services; the others still go to these peers. */
  readonly appleNetworkPartial: (narrowed: string, services: string, peers: string) => string;
  readonly prefixListSizeUnknown: (ids: string) => string;
  readonly quicClosed: (hosts: string, port: string) => string;
}

/** The vocabulary of `apple-ports changes`: catalogue versions and what they change. */
export interface ChangesLanguage {
  readonly title: string;
  readonly fieldCatalogue: string;
  readonly fieldSince: string;
  readonly version: (version: string, date: string) => string;
  readonly versionHeading: (version: string, date: string, previous: string) => string;
  readonly noVersions: (since: string) => string;
  /** Before the change-log entries of a version (whose reasons are in English). */
  readonly entries: string;
  /** Before what a version changes in the selection's policy. */
  readonly forSelection: string;
  readonly noSelection: string;
  readonly kind: Record<'added' | 'changed' | 'removed', string>;
  readonly entity: Record<CatalogueEntity, string>;
  /** A host with its host group. */
  readonly inGroup: (host: string, group: string) => string;
  /** One change-log entry: "~ changed service ipp", the fields it changed, its reason and sources. */
  readonly entry: (head: string, fields: readonly string[], reason: string, sources: readonly string[]) => string;
  /** A field the entry did not have. */
  readonly absent: string;
  readonly widens: (versions: string) => string;
  readonly noWidening: string;
}

/** The diff's vocabulary in one language. */
export interface DiffLanguage {
  readonly title: string;
  readonly productsAdded: string;
  readonly productsRemoved: string;
  readonly profilesAdded: string;
  readonly profilesRemoved: string;
  readonly summary: (openedPorts: number, openedRanges: number, closedPorts: number, closedRanges: number) => string;
  readonly noChanges: string;
  readonly kind: Record<'added' | 'removed' | 'widened' | 'narrowed' | 'changed', string>;
  readonly columns: { readonly change: string; readonly direction: string; readonly protocol: string; readonly ports: string; readonly peer: string; readonly why: string };
  readonly opens: (ports: string) => string;
  readonly closes: (ports: string) => string;
  readonly budgetReason: (maxRules: number | null) => string;
  readonly extraReason: (descriptions: string) => string;
  readonly cause: Record<'deselected' | ExclusionReason, string>;
  readonly to: string;
  /** Before the peer of an ingress change. */
  readonly from: string;
}
