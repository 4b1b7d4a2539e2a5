/** The framework-free core: typed catalogue access, the resolver, AWS planning and Network Firewall rules. */
export type { AppleProduct, NetworkId, ProfileId, ServiceId } from './catalogue/ids.generated';
export type * from './catalogue/types';
export type * from './policy/types';
export {
  catalogue,
  findProduct,
  findProfile,
  findService,
  getEphemeralPorts,
  getNetwork,
  getProduct,
  getProfile,
  getService,
  lookupPort,
  networks,
  products,
  productsUsing,
  profiles,
  services,
  type PortUse,
} from './catalogue/catalogue';
export { parseCidr, type CidrParse } from './policy/cidr';
export { DESCRIPTION_PATTERN, MAX_DESCRIPTION_LENGTH, formatPorts } from './policy/descriptions';
export { ANY_IPV4, ANY_IPV6, comparePeers, formatPeer, isAnywhere, peerFamily, peerKey, peerWeight } from './policy/destinations';
export { ApplePortsError, type Problem, type ProblemCode } from './problems';
export { resolve } from './policy/resolve';
export { AWS_QUOTAS } from './aws/facts';
export { DEFAULT_NETWORK_ACL_ENTRIES, planNetworkAcl, type NetworkAclEntryPlan, type NetworkAclEntryPurpose, type NetworkAclOptions } from './aws/network-acl';
export { checkSecurityGroupQuota, countRulesByFamily } from './aws/security-group-quota';
export type { PortInterval } from './ports/port-sets';
export { countPortRanges, portsUsedBy } from './catalogue/product-ports';
export type { HostGroupId } from './catalogue/ids.generated';
export {
  compareHosts,
  domainListTarget,
  findHostGroup,
  getHostGroup,
  hostDomain,
  hostGroups,
  hostMatch,
  hostsFor,
  type HostList,
  type HostMatch,
  type HostSelection,
  type RequiredHost,
} from './policy/hosts';
export {
  MAX_PREFIX_LIST_ENTRIES,
  appleNetworkPrefixList,
  appleNetworkPrefixListPeer,
  type AppleNetworkPrefixListOptions,
  type AppleNetworkPrefixListPlan,
  type PrefixListEntryPlan,
} from './aws/prefix-list';
export { FIREWALL_LIMITATIONS, type FirewallLimitation } from './network-firewall/limitations';
export { DEFAULT_SID_BASE, planFirewallRules } from './network-firewall/plan';
export type * from './network-firewall/types';
export {
  NETWORK_FIREWALL_KEYWORDS_SOURCE,
  NETWORK_FIREWALL_RULE_KEYWORDS,
  formatSuricataRule,
  type RuleKeyword,
  type RuleOption,
  type RuleProtocol,
  type SuricataRule,
} from './network-firewall/suricata';
export type { AppleFirewallRulesSelection, AppleServicesSelection } from './attach/selection';
