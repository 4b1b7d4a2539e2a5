/**
 * The framework-free core: typed catalogue access, the resolver, AWS planning (quotas, network
 * ACL entries, prefix lists) and Network Firewall rules. Loads neither aws-cdk-lib nor @pulumi.
 */
export {
  catalogue,
  catalogueAt,
  catalogueReleases,
  compareHosts,
  countPortRanges,
  diffCatalogues,
  domainListTarget,
  findCatalogueRelease,
  findHostGroup,
  findPlatform,
  findProduct,
  findProfile,
  findService,
  getCatalogueRelease,
  getEphemeralPorts,
  getHostGroup,
  getNetwork,
  getProduct,
  getProfile,
  getService,
  hostDomain,
  hostGroups,
  hostMatch,
  lookupPort,
  networks,
  PLATFORMS,
  portsUsedBy,
  products,
  productsUsing,
  profiles,
  services,
  type HostMatch,
  type PortUse,
} from './catalogue';
export type * from './catalogue/change-types';
export type * from './catalogue/ids.generated';
export type * from './catalogue/types';
export type { PortRange, Protocol, ProtocolPortRange } from './ports';
export { ApplePortsError, formatProblems, type Problem, type ProblemCode } from './problems';
export type * from './policy/types';
export {
  ANY_IPV4,
  ANY_IPV6,
  DESCRIPTION_PATTERN,
  MAX_DESCRIPTION_LENGTH,
  formatPeer,
  hostsFor,
  isAnywhere,
  type HostLeftOut,
  parseCidr,
  parseProducts,
  parseSelection,
  resolve,
  type CidrParse,
  type ParsedSelectionNames,
  type ParseSelectionOptions,
  type SelectionNames,
  type HostList,
  type HostSelection,
  type RequiredHost,
} from './policy';
export {
  AWS_QUOTAS,
  DNS_FIREWALL_QUOTAS,
  DNS_FIREWALL_RULE_NUMBERING,
  NETWORK_FIREWALL_QUOTAS,
  DEFAULT_NETWORK_ACL_ENTRIES,
  MAX_PREFIX_LIST_ENTRIES,
  appleNetworkPrefixList,
  appleNetworkPrefixListPeer,
  checkSecurityGroupQuota,
  countRulesByFamily,
  networkAclRuleBudget,
  planNetworkAcl,
  type AppleNetworkPrefixListOptions,
  type AppleNetworkPrefixListPlan,
  type NetworkAclEntryPlan,
  type NetworkAclEntryPurpose,
  type NetworkAclIcmpEntryPlan,
  type NetworkAclOptions,
  type NetworkAclPortEntryPlan,
  type PrefixListEntryPlan,
  type ReturnPorts,
} from './aws';
export {
  DEFAULT_SID_BASE,
  FIREWALL_LIMITATIONS,
  NETWORK_FIREWALL_KEYWORDS_SOURCE,
  NETWORK_FIREWALL_RULE_KEYWORDS,
  formatSuricataRule,
  planFirewallRules,
  type FirewallLimitation,
  type RuleKeyword,
  type RuleOption,
  type RuleProtocol,
  type SuricataRule,
} from './network-firewall';
export type * from './network-firewall/types';
export {
  HOST_FILE_FORMATS,
  TLS_BYPASS_FORMATS,
  domainList,
  hostFile,
  pacFile,
  squidAcl,
  tlsBypassList,
  wildcardList,
  type HostFileFormat,
  type HostFileOptions,
  type PacFileOptions,
  type SquidAclOptions,
  type TlsBypassFormat,
  type TlsBypassVendor,
} from './host-formats';
export { WARNING_PREFIX, type PlanOutcome, type PlannedWarning } from './attach';
export type { AppleDnsFirewallSelection, AppleDomainListSelection, AppleFirewallRulesSelection, AppleServicesSelection } from './attach';
export * from './flows';
export { DNS_FIREWALL_RULE_PRIORITIES, EVERY_DOMAIN, planDnsFirewall } from './dns-firewall';
export type * from './dns-firewall/types';
export {
  CAPACITY_HEADROOM,
  CAPACITY_STEP,
  DOMAIN_LIST_LIMITATIONS,
  defaultCapacity,
  planDomainListRules,
  type DomainListLimitation,
  type DomainListOptions,
  type DomainListRuleGroupPlan,
  type DomainListTargetType,
} from './network-firewall';
