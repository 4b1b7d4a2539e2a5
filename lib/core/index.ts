/** The framework-free core: typed catalogue access, the resolver and review rendering. */
export type { AppleProduct, NetworkId, ProfileId, ServiceId } from './catalogue-ids.generated';
export type * from './catalogue-types';
export type * from './policy-types';
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
} from './catalogue';
export { parseCidr, type CidrParse } from './cidr';
export { DESCRIPTION_PATTERN, MAX_DESCRIPTION_LENGTH, formatPorts } from './descriptions';
export { ANY_IPV4, ANY_IPV6, comparePeers, formatPeer, isAnywhere, peerFamily, peerKey, peerWeight } from './destinations';
export { ApplePortsError, type Problem, type ProblemCode } from './problems';
export { resolve } from './resolver';
export { AWS_QUOTAS } from './quotas';
export { DEFAULT_NETWORK_ACL_ENTRIES, planNetworkAcl, type NetworkAclEntryPlan, type NetworkAclEntryPurpose, type NetworkAclOptions } from './network-acl';
export { checkSecurityGroupQuota, countRulesByFamily } from './security-group';
export { renderReview, reviewPolicy, type ReviewFormat, type ReviewOptions, type ReviewPolicyOptions } from './review';
export type * from './review-types';
export { REVIEW_SCHEMA_VERSION } from './review-types';
export { diffPolicies, type ClosingCause, type PolicyDiff, type PortChangeReason, type PortTotals, type RuleChange, type RuleChangeKind } from './policy-diff';
export { renderPolicyDiff, type PolicyDiffFormat, type PolicyDiffRenderOptions } from './policy-diff-render';
export type { PortInterval } from './port-sets';
export { countPortRanges, portsUsedBy } from './product-ports';
export type { HostGroupId } from './catalogue-ids.generated';
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
} from './hosts';
export {
  MAX_PREFIX_LIST_ENTRIES,
  appleNetworkPrefixList,
  appleNetworkPrefixListPeer,
  type AppleNetworkPrefixListOptions,
  type AppleNetworkPrefixListPlan,
  type PrefixListEntryPlan,
} from './apple-network-prefix-list';
export { FIREWALL_LIMITATIONS, type FirewallLimitation } from './network-firewall-limitations';
export { DEFAULT_SID_BASE, planFirewallRules } from './network-firewall';
export type * from './network-firewall-types';
export {
  NETWORK_FIREWALL_KEYWORDS_SOURCE,
  NETWORK_FIREWALL_RULE_KEYWORDS,
  formatSuricataRule,
  type RuleKeyword,
  type RuleOption,
  type RuleProtocol,
  type SuricataRule,
} from './suricata';
export type { AppleFirewallRulesSelection, AppleServicesSelection } from './adapter-selection';
