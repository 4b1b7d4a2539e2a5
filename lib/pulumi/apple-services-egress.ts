/** `AppleServicesEgress`: Apple devices connecting out, as security-group rules and NACL entries. */
import type * as pulumi from '@pulumi/pulumi';
import type { AppleServicesEgressArgs } from './apple-services-args';
import { AppleServicesComponent } from './apple-services-component';

/**
 * Lets Apple devices reach the selected Apple products and nothing else: a security group (created
 * in `vpcId`, or `securityGroupId`) and/or a network ACL (created for `subnetIds`, or
 * `networkAclId`) with the return traffic the ACL needs.
 *
 * ```ts
 * const vdi = new AppleServicesEgress('vdi', { products: ['iCloud', 'FaceTime'], vpcId: vpc.id });
 * ```
 */
export class AppleServicesEgress extends AppleServicesComponent {
  /** Resolves the selection and creates the egress rules (and the group and network ACL the args ask for) as children; bad args fail here with one `ResourceError` listing every problem. */
  constructor(name: string, args: AppleServicesEgressArgs, opts?: pulumi.ComponentResourceOptions) {
    const { destinations: given, ...rest } = args ?? {};
    // Naming what 'apple-network' stands for implies using it; other services still go anywhere.
    const destinations = given ?? (rest.appleNetworkPeers !== undefined ? ['apple-network'] : undefined);
    super('egress', name, { ...rest, ...(destinations !== undefined ? { peers: destinations } : {}) }, opts);
  }
}
