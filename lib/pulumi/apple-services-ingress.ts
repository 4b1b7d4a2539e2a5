/** `AppleServicesIngress`: Macs hosting Apple services, as security-group rules and NACL entries. */
import type * as pulumi from '@pulumi/pulumi';
import type { AppleServicesIngressArgs } from './apple-services-args';
import { AppleServicesComponent } from './apple-services-component';

/**
 * Lets the named sources reach the Apple services a Mac hosts (Screen Sharing, Apple Remote
 * Desktop, SSH…) and nothing else. Sources are required; `'anywhere'` works but warns. A source
 * given as `{ securityGroup: bastion }` also gets the matching egress to the Macs.
 *
 * ```ts
 * const macs = new AppleServicesIngress('macs', {
 *   products: ['ScreenSharing'],
 *   sources: [{ securityGroup: bastion }],
 *   vpcId: vpc.id,
 * });
 * ```
 */
export class AppleServicesIngress extends AppleServicesComponent {
  /** Resolves the selection and creates the ingress rules (and the group and network ACL the args ask for) as children; bad args fail here with one `ResourceError` listing every problem. */
  constructor(name: string, args: AppleServicesIngressArgs, opts?: pulumi.ComponentResourceOptions) {
    const { sources, ...rest } = args ?? {};
    super('ingress', name, { ...rest, ...(sources !== undefined ? { peers: sources } : {}) }, opts);
  }
}
