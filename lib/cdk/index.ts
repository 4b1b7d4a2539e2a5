/**
 * apple-ports for the AWS CDK: `AppleServicesEgress` and `AppleServicesIngress` turn Apple
 * products into security-group rules and network ACL entries; `AppleNetworkPrefixList` holds
 * Apple's network as a prefix list; `AppleServicesFirewallRules` is a Network Firewall rule group.
 *
 * @module apple-ports/cdk
 */
export { AppleNetworkPrefixList, type AppleNetworkPrefixListProps } from './apple-network-prefix-list';
export { AppleServicesEgress } from './apple-services-egress';
export { AppleServicesFirewallRules, type AppleServicesFirewallRulesProps } from './apple-services-firewall-rules';
export { AppleServicesDomainList, type AppleServicesDomainListProps } from './apple-services-domain-list';
export { AppleDnsFirewall, type AppleDnsFirewallProps } from './apple-dns-firewall';
export { AppleServicesIngress } from './apple-services-ingress';
export { AppleTrafficObserver, type AppleTrafficObserverProps } from './apple-traffic-observer';
export { AppleServicesError, type AppleServicesErrorCode } from './errors';
export type { AppleServicesEgressProps, AppleServicesIngressProps, AppleServicesPeer, AppleServicesSelectionProps, AppleServicesTargetProps } from './props';
export {
  ApplePortsError,
  WARNING_PREFIX,
  type AppleNetworkPrefixListOptions,
  type AppleNetworkPrefixListPlan,
  type DnsFirewallPlan,
  type DomainListRuleGroupPlan,
  type FirewallRuleGroupPlan,
  type NetworkAclOptions,
  type ResolvedPolicy,
  type TrafficObserverPlan,
} from '../core';
