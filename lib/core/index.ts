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
export { WARNING_PREFIX, type PlanOutcome, type PlannedWarning } from './attach';
export type { AppleFirewallRulesSelection, AppleServicesSelection } from './attach';
export * from './flows';
