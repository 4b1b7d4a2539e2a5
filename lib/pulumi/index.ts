/**
 * apple-ports for Pulumi: `AppleServicesEgress` and `AppleServicesIngress` components that render
 * the resolver's rules as `aws.vpc` security-group rules and `aws.ec2` network ACL entries,
 * `AppleNetworkPrefixList` (an `aws.ec2` managed prefix list of Apple's network) and
 * `AppleServicesFirewallRules` and `AppleServicesDomainList` (`aws.networkfirewall` rule groups),
 * `AppleDnsFirewall` (an `aws.route53` Resolver DNS Firewall rule group), and `AppleTrafficObserver`
 * (`aws.ec2` flow logs to a CloudWatch log group, with its `aws.iam` role and Route 53 Resolver
 * query logging). Loads only the `@pulumi/aws` modules of the resources it creates.
 *
 * @module apple-ports/pulumi
 */
export { AppleServicesEgress } from './apple-services-egress';
export { AppleServicesIngress } from './apple-services-ingress';
export { AppleNetworkPrefixList, type AppleNetworkPrefixListArgs } from './apple-network-prefix-list';
export { AppleServicesFirewallRules } from './apple-services-firewall-rules';
export type { AppleServicesFirewallRulesArgs } from './firewall-rules-args';
export { AppleTrafficObserver, type AppleTrafficObserverArgs } from './apple-traffic-observer';
export { AppleServicesDomainList } from './apple-services-domain-list';
export { AppleDnsFirewall } from './apple-dns-firewall';
export type { AppleDnsFirewallArgs } from './dns-firewall-args';
export type { AppleServicesDomainListArgs } from './domain-list-args';
export { AppleServicesResourceError } from './errors';
export type {
  AppleServicesCommonArgs,
  AppleServicesEgressArgs,
  AppleServicesIngressArgs,
  InputReference,
  Ipv4CidrReference,
  Ipv6CidrReference,
  PrefixListReference,
  PulumiDestination,
  SecurityGroupReference,
  SecurityGroupResourceReference,
} from './apple-services-args';
export type {
  AddressFamily,
  AppleNetworkPrefixListOptions,
  AppleNetworkPrefixListPlan,
  AppleProduct,
  DnsFirewallPlan,
  DomainListRuleGroupPlan,
  FirewallRuleGroupPlan,
  HostGroupId,
  NetworkAclOptions,
  NetworkId,
  PolicyRule,
  Problem,
  ProblemCode,
  ProfileId,
  ResolvedPolicy,
  ServiceId,
  TrafficObserverPlan,
} from '../core';
