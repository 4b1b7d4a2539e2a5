/**
 * The review document of a resolved policy as data: what `renderReview(policy, { format: 'json' })`
 * prints and `reviewPolicy(policy)` returns. Its shape is stable within `schemaVersion`; fields are
 * only ever added. Names and sentences are in the review's locale; ids and codes never are.
 */
import type { AppleProduct, Direction, HostGroupId, HostMatch, Locale, Platform, ProfileId, ServiceId } from '../core/catalogue';
import type { AddressFamily, ExclusionReason, NoticeCode, Peer } from '../core/policy';
import type { PortRange, Protocol, ProtocolPortRange } from '../core/ports';
import type { AWS_QUOTAS } from '../core/aws/facts';

/** The version of the review document's structure. */
export const REVIEW_SCHEMA_VERSION = 1;

/** A selected product: its id and its name in the review's locale. */
export interface ReviewProduct {
  /** The product's id. */
  readonly id: AppleProduct;
  /** The product's name in the review's locale. */
  readonly name: string;
}

/** A selected profile: its id and its name in the review's locale. */
export interface ReviewProfile {
  /** The profile's id. */
  readonly id: ProfileId;
  /** The profile's name in the review's locale. */
  readonly name: string;
}

/** A catalogue service as a reviewer needs it: Apple's protocol name and the RFC to read. */
export interface ReviewService {
  /** The service's catalogue id. */
  readonly id: ServiceId;
  /** Apple's protocol name in the review's locale, or the service's short label where Apple prints none. */
  readonly name: string;
  /** The RFC in force: the current one where Apple's is obsolete or missing; `null` where none applies. */
  readonly rfc: number | null;
  /** The RFC Apple's table prints; `null` where it prints none. */
  readonly appleRfc: number | null;
  /** IANA's service name for the ports; `null` where unassigned. */
  readonly ianaName: string | null;
}

/** One service a rule opens, and the selected products that need it. */
export interface ReviewReason {
  /** The service the rule opens. */
  readonly service: ReviewService;
  /** The selected products that need the service, sorted by id. */
  readonly products: readonly ReviewProduct[];
}

/** A port range of one protocol. */
export type ReviewPortRange = ProtocolPortRange;

/** One firewall rule and why it exists. */
export interface ReviewRule {
  /** Whether the rule allows egress or ingress. */
  readonly direction: Direction;
  /** The rule's protocol. */
  readonly protocol: Protocol;
  /** The first port the rule opens. */
  readonly fromPort: number;
  /** The last port the rule opens, inclusive. */
  readonly toPort: number;
  /** Where the traffic may go (egress) or come from (ingress). */
  readonly peer: Peer;
  /** The address family whose AWS quota the rule counts against. */
  readonly family: AddressFamily;
  /** The rule's AWS description, as deployed. */
  readonly description: string;
  /** The selected products that need the rule, sorted by id. */
  readonly products: readonly ReviewProduct[];
  /** Products → services → protocol, one entry per service, in port order. */
  readonly reasons: readonly ReviewReason[];
  /** Descriptions of the user's own rules merged into this one. */
  readonly extra: readonly string[];
  /** Ports inside the rule that no selected service needs, opened to fit the rule budget. */
  readonly widened: readonly PortRange[];
  /** The reasons as sentences in the review's locale, one per service, extra rule and widening. */
  readonly why: readonly string[];
}

/** Something Apple retired, and when. */
export interface ReviewRetirement {
  /** A service or product id. */
  readonly id: string;
  /** Its name in the review's locale. */
  readonly name: string;
  /** ISO date, YYYY-MM-DD. */
  readonly date: string;
}

/** A service a selected product uses that the policy leaves out, and why. */
export interface ReviewExclusion {
  /** The service left out. */
  readonly service: ReviewService;
  /** The ports the service would have opened. */
  readonly ports: readonly ReviewPortRange[];
  /** Why it was left out. */
  readonly reason: ExclusionReason;
  /** The selected products that use the service, sorted by id. */
  readonly products: readonly ReviewProduct[];
  /** For `legacy`: the retired service and/or products, with Apple's retirement dates; else empty. */
  readonly retired: readonly ReviewRetirement[];
  /** The reason as a sentence in the review's locale, with the setting that keeps the service. */
  readonly why: string;
}

/** Ports opened beyond the selection to fit the rule budget. */
export interface ReviewWidening extends ReviewPortRange {
  /** The peer the ports are opened to. */
  readonly peer: Peer;
  /** How many ports the range holds. */
  readonly ports: number;
}

/** The rule budget (`maxRules`) and what fitting into it cost. */
export interface ReviewBudget {
  /** Rules allowed per address family; `null` when no budget is set. */
  readonly maxRules: number | null;
  /** Every range opened beyond the selection. */
  readonly widened: readonly ReviewWidening[];
  /** Total ports opened beyond the selection. */
  readonly widenedPorts: number;
}

/** Counts per address family against one AWS quota. */
export interface ReviewQuotaCount {
  /** The count in the IPv4 family. */
  readonly ipv4: number;
  /** The count in the IPv6 family. */
  readonly ipv6: number;
  /** AWS's default quota, per direction and per address family. */
  readonly limit: number;
  /** True when both families are within the limit. */
  readonly withinLimit: boolean;
}

/**
 * Network ACL entries per direction, as `planNetworkAcl` lays them out: one allow per rule, one
 * return entry per protocol and CIDR, and the ACL's default deny in each family that has entries.
 */
export interface ReviewNetworkAclCounts {
  /** Outbound entries, the default deny included. */
  readonly outbound: ReviewQuotaCount;
  /** Inbound entries, the default deny included. */
  readonly inbound: ReviewQuotaCount;
}

/** The policy's rule counts against AWS's default quotas. */
export interface ReviewQuotas {
  /** Security-group rules in the policy's direction (AWS's default quota: {@link AWS_QUOTAS.securityGroupRulesPerDirection} per family). */
  readonly securityGroupRules: ReviewQuotaCount;
  /**
   * Network ACL entries (AWS's default quota: {@link AWS_QUOTAS.networkAclRulesPerDirection} per direction and family, default deny included);
   * `null` when a rule's peer is a security group or prefix list, which an ACL cannot hold.
   */
  readonly networkAclEntries: ReviewNetworkAclCounts | null;
}

/** A resolver notice, with its message in the review's locale. */
export interface ReviewNotice {
  /** The notice's stable code, as the resolver gives it. */
  readonly code: NoticeCode;
  /** The notice in the review's locale. */
  readonly message: string;
}

/** A host group: one category of Apple's enterprise-network article. */
export interface ReviewHostGroup {
  /** The host group's id. */
  readonly id: HostGroupId;
  /** The article's category name, in English in both locales: the catalogue carries no translation. */
  readonly name: string;
}

/** One host the selected products reach, as Apple's enterprise-network article lists it. */
export interface ReviewHost {
  /** The host as Apple writes it: `albert.apple.com`, or `*.push.apple.com` for every subdomain. */
  readonly host: string;
  /** How the host matches names: exactly, or every subdomain of a wildcard. */
  readonly match: HostMatch;
  /** Every port and protocol the article lists for the host, sorted. */
  readonly ports: readonly ReviewPortRange[];
  /** The selected products that need the host, sorted by id. */
  readonly products: readonly ReviewProduct[];
  /** The categories that list the host, sorted by id. */
  readonly hostGroups: readonly ReviewHostGroup[];
  /** What the host is for, in the article's English words. */
  readonly descriptions: readonly string[];
  /** The systems the article limits the host to; empty for all. */
  readonly platforms: readonly Platform[];
  /** The catalogue's notes on the host, in English. */
  readonly notes: readonly string[];
  /**
   * The host's ports that no rule of the policy opens, to any peer: the devices cannot reach the
   * host there through these rules. Empty when every port is open, or when there is no policy.
   */
  readonly portsNotOpened: readonly ReviewPortRange[];
  /** Descriptions, system limits, notes and ports not opened, as text in the review's locale. */
  readonly remarks: readonly string[];
  /** Where the host's facts come from (URLs). */
  readonly sources: readonly string[];
}

/** The hosts of the selection, with the article they come from and what Apple says of all of them. */
export interface ReviewHosts {
  /** Apple's article title and address. */
  readonly source: {
    /** The article's title. */
    readonly title: string;
    /** The article's address. */
    readonly url: string;
  };
  /** Apple's own words about every host it lists (device-initiated; HTTPS interception breaks them), in English. */
  readonly statements: readonly string[];
  /** Sorted by domain, its labels read right to left, a domain's wildcard first. */
  readonly hosts: readonly ReviewHost[];
  /** Selected products the article lists no hosts for. */
  readonly productsWithoutHosts: readonly ReviewProduct[];
  /** The systems the hosts are for; every platform unless the selection narrowed them. */
  readonly platforms: readonly Platform[];
  /** Hosts left out because the article limits them to other systems, with those systems. */
  readonly hostsLeftOut: readonly {
    /** The host as Apple writes it. */
    readonly host: string;
    /** The systems the article limits it to. */
    readonly platforms: readonly Platform[];
  }[];
}

/** The whole review document. */
export interface PolicyReview {
  /** The version of the document's structure. */
  readonly schemaVersion: typeof REVIEW_SCHEMA_VERSION;
  /** The language of the document's names and sentences. */
  readonly locale: Locale;
  /** Whether the rules are egress or ingress. */
  readonly direction: Direction;
  /** The selected products after aliases and profiles are expanded, sorted by id. */
  readonly products: readonly ReviewProduct[];
  /** The profiles selected, sorted by id. */
  readonly profiles: readonly ReviewProfile[];
  /** Every rule and why it exists, in the policy's order. */
  readonly rules: readonly ReviewRule[];
  /** The services the policy leaves out, and why. */
  readonly excluded: readonly ReviewExclusion[];
  /** The rule budget and what fitting into it cost. */
  readonly budget: ReviewBudget;
  /** The rule counts against AWS's default quotas. */
  readonly quotas: ReviewQuotas;
  /** What a reviewer should know beside the rules. */
  readonly notices: readonly ReviewNotice[];
  /**
   * The hosts Apple lists for the selected products, which security groups cannot filter by name;
   * `null` for an ingress policy, because the devices reach Apple's hosts outbound.
   */
  readonly hosts: ReviewHosts | null;
}
