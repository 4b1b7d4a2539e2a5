/**
 * apple-ports for Pulumi: `AppleServicesEgress` and `AppleServicesIngress` components that render
 * the resolver's rules as `aws.vpc` security-group rules and `aws.ec2` network ACL entries. Loads
 * only the `@pulumi/aws` ec2 and vpc modules.
 */
export { AppleServicesEgress } from './apple-services-egress';
export { AppleServicesIngress } from './apple-services-ingress';
export { AppleServicesComponent } from './apple-services-component';
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
} from './apple-services-args';
export type { AppleProduct, NetworkAclOptions, PolicyRule, ProfileId, ResolvedPolicy, ServiceId } from '../core';
