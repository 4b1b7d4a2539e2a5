/**
 * apple-ports for the AWS CDK: `AppleServicesEgress` and `AppleServicesIngress` turn Apple
 * products into security-group rules and network ACL entries.
 */
export { AppleServicesEgress } from './apple-services-egress';
export { AppleServicesFirewall } from './apple-services-firewall';
export { AppleServicesIngress } from './apple-services-ingress';
export { AppleServicesError, type AppleServicesErrorCode } from './errors';
export type { AppleServicesEgressProps, AppleServicesIngressProps, AppleServicesPeer, AppleServicesSelectionProps, AppleServicesTargetProps } from './props';
export { WARNING_PREFIX } from './warnings';
export { ApplePortsError, type NetworkAclOptions, type ResolvedPolicy } from '../core';
