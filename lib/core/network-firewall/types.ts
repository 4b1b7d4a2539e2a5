/**
 * The contract of the Network Firewall planner: what a user selects for a rule group, and the plain,
 * deterministic plan the CDK and Pulumi adapters copy into their rule-group resource.
 */
import type { AppleProduct, HostGroupId, ServiceId } from '../catalogue';
import type { Destination, HostList, HostSelection, PolicySelection, ResolvedPolicy, SelectionTerms } from '../policy';
import type { FirewallLimitation } from './limitations';
import type { SuricataRule } from './suricata';

/** The selection a rule group is planned for: products, profiles and host groups, as for `hostsFor`. */
export interface FirewallSelection extends HostSelection {
  /**
   * Where the port rules go, as for `resolve`: `'apple-network'` sends the services Apple's port
   * table places on Apple's network (APNs) to 17.0.0.0/8 and the rest anywhere (`$EXTERNAL_NET`);
   * CIDRs are written into the rules. Prefix lists and security groups cannot appear in a rules string.
   * @default ['apple-network']
   */
  readonly destinations?: readonly Destination[];
  /** Add Apple's published APNs IPv6 subnets to the rules bound for Apple's network. @default false */
  readonly ipv6?: boolean;
  /** Keep services Apple has retired, as for `resolve`. @default false */
  readonly includeLegacy?: boolean;
  /** Service ids to leave out, as for `resolve`. @default [] */
  readonly exclude?: PolicySelection['exclude'];
  /** Port rules of the user's own, sent to the general destinations. @default [] */
  readonly extraRules?: PolicySelection['extraRules'];
}

/** How the rule group is numbered, sized and scoped. */
export interface FirewallRuleOptions {
  /**
   * The first rule's signature id; the rules take `sidBase`, `sidBase + 1`… in the plan's order.
   * Give every rule group of a firewall policy its own range.
   * @default `DEFAULT_SID_BASE`
   */
  readonly sidBase?: number;
  /**
   * The capacity to reserve, from the rules' count to AWS's maximum. AWS fixes a rule group's
   * capacity when it is created, and a rule group that outgrows it must be replaced.
   * @default `defaultCapacity(requiredCapacity)`: the rules with room to grow, rounded up to a whole `CAPACITY_STEP`
   */
  readonly capacity?: number;
  /**
   * CIDRs for the rule group's `HOME_NET` variable: the clients the rules allow. Without it, the
   * firewall policy's `HOME_NET` applies, which defaults to the inspection VPC's CIDR, so set it
   * when the Apple devices sit in other VPCs (centralised egress).
   * @default not set
   */
  readonly homeNet?: readonly string[];
  /** True for a value only known at deploy time (CDK token, Pulumi output); it skips validation. @default () => false */
  readonly isUnresolved?: (value: string) => boolean;
  /**
   * How messages name the selection's fields and these options (`sidBase`, `--sid-base`).
   * @default the field names as written here
   */
  readonly terms?: SelectionTerms;
}

/** What a rule does: opens TCP handshakes, allows a TLS or HTTP host by name, or a port range. */
export type FirewallRuleKind = 'tcp-handshake' | 'tls-sni' | 'http-host' | 'port';

/** One planned rule. */
export interface FirewallRulePlan {
  readonly sid: number;
  readonly kind: FirewallRuleKind;
  readonly rule: SuricataRule;
  /** The rule as one line of the rules string. */
  readonly text: string;
  /** Selected products that need the rule, sorted. */
  readonly products: readonly AppleProduct[];
  /** For name rules: the hosts the rule allows (the named host and those it covers), sorted. */
  readonly hosts: readonly string[];
  /** Host groups the allowed hosts come from, sorted. */
  readonly hostGroups: readonly HostGroupId[];
  /** For port rules: the catalogue services whose ports the rule opens, sorted. */
  readonly services: readonly ServiceId[];
}

/** A host left without a rule of its own because a wildcard rule already matches it. */
export interface CoveredHost {
  readonly host: string;
  readonly kind: 'tls-sni' | 'http-host';
  readonly coveredBy: string;
}

/** Stable codes for what a reviewer should know about the plan. */
export type FirewallNoticeCode = 'quic-not-matched' | 'host-ports-not-opened' | 'ports-beyond-port-table' | 'products-without-hosts';

/** Something a reviewer should know about the rule group. */
export interface FirewallNotice {
  readonly code: FirewallNoticeCode;
  readonly message: string;
  readonly hosts: readonly string[];
  readonly products: readonly AppleProduct[];
}

/** Everything needed to create the rule group. */
export interface FirewallRuleGroupPlan {
  /** The selected products after aliases and profiles are expanded, sorted. */
  readonly products: readonly AppleProduct[];
  readonly profiles: readonly string[];
  /** Host groups the named hosts come from, sorted. */
  readonly hostGroups: readonly HostGroupId[];
  /** Handshake rules, then TLS SNI rules, then HTTP Host rules, then port rules. */
  readonly rules: readonly FirewallRulePlan[];
  /** The rules, one per line: the rule group's `RulesString`. */
  readonly rulesString: string;
  /** The rules' capacity as AWS counts it: one per rule. */
  readonly requiredCapacity: number;
  /** The capacity to reserve: the one asked for, or `defaultCapacity(requiredCapacity)`. */
  readonly capacity: number;
  /** The rules are written for strict evaluation order (`StatefulRuleOptions.RuleOrder`). */
  readonly ruleOrder: 'STRICT_ORDER';
  /** CIDRs for the rule group's `HOME_NET` variable, when asked for. */
  readonly homeNet?: readonly string[];
  /** Hosts matched by a wildcard rule instead of a rule of their own. */
  readonly covered: readonly CoveredHost[];
  readonly notices: readonly FirewallNotice[];
  readonly limitations: readonly FirewallLimitation[];
  /** The hosts of the selection, as `hostsFor` lists them. */
  readonly hosts: HostList;
  /** The resolver's policy the port rules come from; absent when only host groups are selected. */
  readonly policy?: ResolvedPolicy;
}
