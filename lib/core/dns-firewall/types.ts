/**
 * The contract of the DNS Firewall planner: what a rule group for Apple's names is asked for, and
 * the plain, deterministic plan the CDK and Pulumi adapters copy into their resources.
 */
import type { HostList, HostSelection } from '../policy';

/** How DNS Firewall answers a query a BLOCK rule matches. */
export type DnsBlockResponse = 'NODATA' | 'NXDOMAIN';

/** How the rule group treats names outside Apple's list. */
export interface DnsFirewallOptions {
  /**
   * Block every other name the VPC resolves (a walled garden): a last rule BLOCKs the domain list
   * `*`. AWS service endpoints (`*.amazonaws.com`) and your own domains are blocked too unless
   * listed in `allowDomains`.
   * @default false - the rule group only ALLOWs Apple's names, and blocks nothing
   */
  readonly walledGarden?: boolean;
  /**
   * Further names to ALLOW, in DNS Firewall's syntax (`*.amazonaws.com` for subdomains,
   * `example.com` for one name), e.g. the AWS service endpoints the VPC needs.
   * @default []
   */
  readonly allowDomains?: readonly string[];
  /** What a blocked query gets. @default 'NXDOMAIN' */
  readonly blockResponse?: DnsBlockResponse;
  /** True for a value only known at deploy time; it skips validation. @default () => false */
  readonly isUnresolved?: (value: string) => boolean;
}

/** The domain lists the plan creates. */
export type DnsDomainListId = 'apple' | 'allowed' | 'everything';

/** One domain list. */
export interface DnsDomainListPlan {
  /** Which list it is: Apple's names, the names the user allows, or every name. */
  readonly id: DnsDomainListId;
  /** Domains in DNS Firewall's syntax, sorted as the hosts are. */
  readonly domains: readonly string[];
  /** What the list is for, for a resource name or a review. */
  readonly purpose: string;
}

/** One rule of the rule group. */
export interface DnsFirewallRulePlan {
  /** A name unique in the rule group (Pulumi requires one). */
  readonly name: string;
  /** Unique in the rule group; evaluated from the lowest. */
  readonly priority: number;
  /** What the rule does with a query that matches its list. */
  readonly action: 'ALLOW' | 'BLOCK';
  /** The list the rule matches queries against. */
  readonly domainList: DnsDomainListId;
  /** For BLOCK rules: the answer a blocked query gets. */
  readonly blockResponse?: DnsBlockResponse;
  /**
   * For ALLOW rules, `TRUST_REDIRECTION_DOMAIN`: the CNAMEs Apple's names resolve through
   * (Apple's and its CDNs' names outside the list) are trusted rather than inspected, so a walled
   * garden does not block them; the rule's first name is still matched against the list.
   */
  readonly redirection?: 'TRUST_REDIRECTION_DOMAIN';
}

/** Stable codes for what a reviewer should know about the rule group. */
export type DnsFirewallNoticeCode = 'dns-firewall-allow-only' | 'dns-firewall-walled-garden';

/** Something a reviewer should know about the rule group. */
export interface DnsFirewallNotice {
  /** The notice's stable code; adapters raise it as the warning `apple-ports:<code>`. */
  readonly code: DnsFirewallNoticeCode;
  /** What a reviewer should know, in English. */
  readonly message: string;
}

/** Everything needed to create the rule group and its domain lists. */
export interface DnsFirewallPlan {
  /** The selected products after aliases and profiles are expanded, sorted. */
  readonly products: HostList['products'];
  /** The profiles selected, sorted. */
  readonly profiles: HostList['profiles'];
  /** The host groups selected, sorted. */
  readonly hostGroups: HostList['hostGroups'];
  /** Apple's names first, then the names the user allows, then `*` for a walled garden. */
  readonly domainLists: readonly DnsDomainListPlan[];
  /** In priority order. */
  readonly rules: readonly DnsFirewallRulePlan[];
  /** Whether the last rule blocks every other name. */
  readonly walledGarden: boolean;
  /** What a reviewer should know about the rule group. */
  readonly notices: readonly DnsFirewallNotice[];
  /** The hosts of the selection, as `hostsFor` lists them. */
  readonly hosts: HostList;
}

/** The selection a DNS Firewall rule group is planned for: products, profiles, host groups, platforms. */
export type DnsFirewallSelection = HostSelection;
