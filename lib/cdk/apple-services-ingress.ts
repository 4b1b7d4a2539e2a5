/** The construct for Macs that serve Apple protocols: an EC2 Mac reached over Screen Sharing or ARD. */
import type { Construct } from 'constructs';
import { AppleServicesFirewall } from './apple-services-firewall';
import type { AppleServicesIngressProps } from './props';

/**
 * Ingress rules for the selected Apple products from the given sources, in a security group
 * (created in `vpc` or given) and/or network ACL entries with their outbound return entries.
 *
 * @example
 * new AppleServicesIngress(this, 'MacHosts', { products: ['ScreenSharing'], sources: [bastion], vpc });
 */
export class AppleServicesIngress extends AppleServicesFirewall {
  /** Resolves the selection and adds its ingress rules to the group and network ACL the props name or create; bad props fail here with every problem listed. */
  constructor(scope: Construct, id: string, props: AppleServicesIngressProps) {
    super(scope, id, 'ingress', { ...props, peers: props.sources ?? [] });
  }
}
