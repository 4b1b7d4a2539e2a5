/**
 * The resolver's contract: what a user selects and the plain, deterministic policy it becomes.
 * Every adapter (CDK, Pulumi, review, CLI) renders a `ResolvedPolicy`; none computes rules itself.
 */
import type { AppleProduct, AppleProductName, Direction, ProfileId, ServiceId } from '../catalogue';
import type { Protocol } from '../ports';
import type { SelectionTerms } from './terms';
import type { RULE_DESCRIPTION_MAX_LENGTH, RULE_DESCRIPTION_PATTERN } from '../aws/facts';

/** Where a rule lets traffic go (egress) or come from (ingress). */
export type Peer =
  | {
      /** An IPv4 CIDR. */
      readonly kind: 'ipv4';
      /** The CIDR, canonical (`10.0.0.0/16`) or a deploy-time value's name. */
      readonly cidr: string;
    }
  | {
      /** An IPv6 CIDR. */
      readonly kind: 'ipv6';
      /** The CIDR, canonical (`2001:db8::/32`) or a deploy-time value's name. */
      readonly cidr: string;
    }
  | {
      /** A managed prefix list. */
      readonly kind: 'prefix-list';
      /** The list's id (`pl-…`) or a deploy-time value's name. */
      readonly id: string;
      /** The list's address family; its rules count against that family's quota. @default 'ipv4' */
      readonly family?: AddressFamily;
      /** The list's max entries: AWS counts a rule referencing it as this many rules. @default 1 */
      readonly maxEntries?: number;
    }
  | {
      /** A security group. */
      readonly kind: 'security-group';
      /** The group's id (`sg-…`) or a deploy-time value's name. */
      readonly id: string;
    };

/** The address family a peer's rules count against in AWS's per-family quotas. */
export type AddressFamily = 'ipv4' | 'ipv6';

/**
 * A destination (egress) or source (ingress) as the user writes it:
 * - `'anywhere'`: `0.0.0.0/0`, plus `::/0` when `ipv6` is set;
 * - `'apple-network'`: narrows services that only talk to Apple (APNs) to Apple's published
 *   network (17.0.0.0/8); other services keep the remaining destinations;
 * - an IPv4 or IPv6 CIDR (`'10.0.0.0/16'`, `'2001:db8::/32'`);
 * - a prefix-list id (`'pl-…'`) or security-group id (`'sg-…'`);
 * - a `Peer` object, which adapters use for references they resolve themselves.
 */
export type Destination = 'anywhere' | 'apple-network' | string | Peer;

/** A rule the user adds beside the catalogue's, e.g. a corporate proxy port. */
export interface ExtraRule {
  /** The rule's protocol. */
  readonly protocol: Protocol;
  /** The first port the rule opens. */
  readonly fromPort: number;
  /** @default fromPort */
  readonly toPort?: number;
  /** Why the rule exists; becomes part of the rule description. */
  readonly description: string;
}

/** What the user asks for. */
export interface PolicySelection {
  /**
   * Apple products by id, English or Chinese name, or alias (`'iMessage'`, `'APNs'`, `'ARD'`),
   * checked by the compiler. Names known only at run time (a config file) go through
   * `parseProducts` or `parseSelection`, which check them and suggest the closest.
   * @default [] (name products, profiles or extraRules)
   */
  readonly products?: readonly AppleProductName[];
  /**
   * Named bundles of products from the catalogue, checked by the compiler (`parseSelection` for
   * names known only at run time).
   * @default []
   */
  readonly profiles?: readonly ProfileId[];
  /**
   * `'egress'`: the Apple devices connect out; `'ingress'`: they host a service.
   * @default the profiles' direction, else 'egress'
   */
  readonly direction?: Direction;
  /**
   * Where egress may go, or where ingress may come from. Ingress has no default.
   * @default ['anywhere'] for egress
   */
  readonly destinations?: readonly Destination[];
  /**
   * What `'apple-network'` stands for, e.g. a managed prefix list holding Apple's network.
   * @default Apple's network from the catalogue (`apple`), plus its APNs IPv6 subnets when `ipv6` is set
   */
  readonly appleNetworkPeers?: readonly Destination[];
  /**
   * Add `::/0` to `'anywhere'` and Apple's published IPv6 subnets to `'apple-network'`.
   * @default false
   */
  readonly ipv6?: boolean;
  /**
   * Keep services Apple has retired (legacy APNs 2195/2196, Xcode Server, iTunes Radio…).
   * @default false
   */
  readonly includeLegacy?: boolean;
  /**
   * Keep traffic that never leaves the local link: multicast (Bonjour mDNS, SSDP, NAT-PMP
   * announcements), which never crosses a VPC, and NAT-PMP requests to the local gateway, which in
   * a VPC is the VPC router.
   * @default false
   */
  readonly includeLinkLocal?: boolean;
  /** Service ids to leave out even though a selected product uses them (`parseSelection` for ids known only at run time). @default [] */
  readonly exclude?: readonly ServiceId[];
  /** Rules of the user's own, merged with the catalogue's. @default [] */
  readonly extraRules?: readonly ExtraRule[];
  /**
   * The most rules allowed per address family in this direction, counted as AWS counts them
   * against the security-group quota: a rule to a prefix list counts as the list's `maxEntries`.
   * When the minimal rule set is larger, the smallest gaps between port ranges are closed first
   * (per rule saved) and every widening is reported.
   * @default no limit
   */
  readonly maxRules?: number;
}

/** How the resolver treats values it cannot see yet (CDK tokens, Pulumi outputs). */
export interface ResolveOptions {
  /**
   * True for a value that is only known at deploy time; such values skip validation.
   * @default every value is taken as known
   */
  readonly isUnresolved?: (value: string) => boolean;
  /**
   * How messages name the selection's fields, for callers that write them differently (the
   * adapters' props, the command line's flags).
   * @default the selection's own field names
   */
  readonly terms?: SelectionTerms;
}

/** A port range opened beyond the selection to fit a rule budget. */
export interface PortWidening {
  /** The protocol of the ports opened. */
  readonly protocol: Protocol;
  /** The first port opened beyond the selection. */
  readonly fromPort: number;
  /** The last port opened beyond the selection, inclusive. */
  readonly toPort: number;
  /** The peer the ports are opened to. */
  readonly peer: Peer;
}

/** One firewall rule: a protocol, a port range and a peer, with where it came from. */
export interface PolicyRule {
  /** The protocol the rule allows. */
  readonly protocol: Protocol;
  /** The first port the rule opens. */
  readonly fromPort: number;
  /** The last port the rule opens, inclusive. */
  readonly toPort: number;
  /** Where the traffic may go (egress) or come from (ingress). */
  readonly peer: Peer;
  /** AWS-valid description: at most {@link RULE_DESCRIPTION_MAX_LENGTH} characters, from {@link RULE_DESCRIPTION_PATTERN}'s set. */
  readonly description: string;
  /** Catalogue services whose ports this rule opens, sorted. */
  readonly services: readonly ServiceId[];
  /** Selected products that need this rule, sorted. */
  readonly products: readonly AppleProduct[];
  /** Descriptions of the user's extra rules merged into this one. */
  readonly extra: readonly string[];
  /** Ports inside this rule that no selected service needs, opened to fit the budget. */
  readonly widened: readonly PortWidening[];
}

/** Stable codes for what the resolver reports beside the rules. */
export type NoticeCode =
  | 'legacy-excluded'
  | 'link-local-excluded'
  | 'local-gateway-excluded'
  | 'direction-excluded'
  | 'user-excluded'
  | 'exclude-unused'
  | 'budget-widened'
  | 'amazon-dns'
  | 'amazon-time-sync'
  | 'open-ingress'
  | 'ipv6-unused'
  | 'apple-network-partial'
  | 'prefix-list-size-unknown'
  | 'quic-closed';

/** Something a reviewer should know about the policy. */
export interface PolicyNotice {
  /** The notice's stable code; adapters raise it as the warning `apple-ports:<code>`. */
  readonly code: NoticeCode;
  /** What happened and how to change it, in English. */
  readonly message: string;
  /** The services the notice is about, sorted. */
  readonly services: readonly ServiceId[];
  /** The selected products the notice is about, sorted. */
  readonly products: readonly AppleProduct[];
  /** The ports a rule budget opened beyond the selection (for `budget-widened`); empty otherwise. */
  readonly widened: readonly PortWidening[];
  /** The peers the notice is about (prefix lists of unknown size; the peers services still go to). */
  readonly peers?: readonly Peer[];
  /** Apple's hosts the notice is about, as the enterprise-network article writes them. */
  readonly hosts?: readonly string[];
}

/** Why a selected service was left out. */
export type ExclusionReason = 'legacy' | 'link-local' | 'local-gateway' | 'direction' | 'user';

/** A service a selected product uses that the policy leaves out. */
export interface ExcludedService {
  /** The id of the service left out. */
  readonly service: ServiceId;
  /** Why it was left out. */
  readonly reason: ExclusionReason;
  /** The selected products that use the service, sorted. */
  readonly products: readonly AppleProduct[];
}

/** The resolver's output: everything an adapter needs, in a fixed order. */
export interface ResolvedPolicy {
  /** Whether the rules are egress (the devices connect out) or ingress. */
  readonly direction: Direction;
  /** The selected products after aliases and profiles are expanded, sorted. */
  readonly products: readonly AppleProduct[];
  /** The profiles selected, sorted. */
  readonly profiles: readonly ProfileId[];
  /** Rules sorted by protocol, ports, then peer. */
  readonly rules: readonly PolicyRule[];
  /** What a reviewer should know beside the rules, in a fixed order. */
  readonly notices: readonly PolicyNotice[];
  /** The services of the selected products that the rules leave out, and why. */
  readonly excluded: readonly ExcludedService[];
  /** The budget the rules were fitted to, if any. */
  readonly maxRules?: number;
}
