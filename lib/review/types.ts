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
  readonly id: AppleProduct;
  readonly name: string;
}

/** A selected profile: its id and its name in the review's locale. */
export interface ReviewProfile {
  readonly id: ProfileId;
  readonly name: string;
}

/** A catalogue service as a reviewer needs it: Apple's protocol name and the RFC to read. */
export interface ReviewService {
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
  readonly service: ReviewService;
  readonly products: readonly ReviewProduct[];
}

/** A port range of one protocol. */
export type ReviewPortRange = ProtocolPortRange;

/** One firewall rule and why it exists. */
export interface ReviewRule {
  readonly direction: Direction;
  readonly protocol: Protocol;
  readonly fromPort: number;
  readonly toPort: number;
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
  readonly name: string;
  /** ISO date, YYYY-MM-DD. */
  readonly date: string;
}

/** A service a selected product uses that the policy leaves out, and why. */
export interface ReviewExclusion {
  readonly service: ReviewService;
  readonly ports: readonly ReviewPortRange[];
  readonly reason: ExclusionReason;
  readonly products: readonly ReviewProduct[];
  /** For `legacy`: the retired service and/or products, with Apple's retirement dates; else empty. */
  readonly retired: readonly ReviewRetirement[];
  /** The reason as a sentence in the review's locale, with the setting that keeps the service. */
  readonly why: string;
}

/** Ports opened beyond the selection to fit the rule budget. */
export interface ReviewWidening extends ReviewPortRange {
  readonly peer: Peer;
  /** How many ports the range holds. */
  readonly ports: number;
}

/** The rule budget (`maxRules`) and what fitting into it cost. */
export interface ReviewBudget {
  /** Rules allowed per address family; `null` when no budget is set. */
  readonly maxRules: number | null;
  readonly widened: readonly ReviewWidening[];
  /** Total ports opened beyond the selection. */
  readonly widenedPorts: number;
}

/** Counts per address family against one AWS quota. */
export interface ReviewQuotaCount {
  readonly ipv4: number;
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
  readonly outbound: ReviewQuotaCount;
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
  readonly code: NoticeCode;
  readonly message: string;
}

/** A host group: one category of Apple's enterprise-network article. */
export interface ReviewHostGroup {
  readonly id: HostGroupId;
  /** The article's category name, in English in both locales: the catalogue carries no translation. */
  readonly name: string;
}

/** One host the selected products reach, as Apple's enterprise-network article lists it. */
export interface ReviewHost {
  /** The host as Apple writes it: `albert.apple.com`, or `*.push.apple.com` for every subdomain. */
  readonly host: string;
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
  readonly sources: readonly string[];
}

/** The hosts of the selection, with the article they come from and what Apple says of all of them. */
export interface ReviewHosts {
  /** Apple's article title and address. */
  readonly source: { readonly title: string; readonly url: string };
  /** Apple's own words about every host it lists (device-initiated; HTTPS interception breaks them), in English. */
  readonly statements: readonly string[];
  /** Sorted by domain, its labels read right to left, a domain's wildcard first. */
  readonly hosts: readonly ReviewHost[];
  /** Selected products the article lists no hosts for. */
  readonly productsWithoutHosts: readonly ReviewProduct[];
  /** The systems the hosts are for; every platform unless the selection narrowed them. */
  readonly platforms: readonly Platform[];
  /** Hosts left out because the article limits them to other systems, with those systems. */
  readonly hostsLeftOut: readonly { readonly host: string; readonly platforms: readonly Platform[] }[];
}

/** The whole review document. */
export interface PolicyReview {
  readonly schemaVersion: typeof REVIEW_SCHEMA_VERSION;
  readonly locale: Locale;
  readonly direction: Direction;
  readonly products: readonly ReviewProduct[];
  readonly profiles: readonly ReviewProfile[];
  readonly rules: readonly ReviewRule[];
  readonly excluded: readonly ReviewExclusion[];
  readonly budget: ReviewBudget;
  readonly quotas: ReviewQuotas;
  readonly notices: readonly ReviewNotice[];
  /**
   * The hosts Apple lists for the selected products, which security groups cannot filter by name;
   * `null` for an ingress policy, because the devices reach Apple's hosts outbound.
   */
  readonly hosts: ReviewHosts | null;
}
