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
