/** The construct for Apple devices that connect out: VDI desktops, EC2 Mac build hosts, managed Macs. */
import type { Construct } from 'constructs';
import { AppleServicesFirewall } from './apple-services-firewall';
import type { AppleServicesEgressProps } from './props';

/**
 * Egress rules for the selected Apple products, in a security group (created in `vpc` or given)
 * and/or network ACL entries with their inbound return entries.
 *
 * @example
 * new AppleServicesEgress(this, 'Mac', { products: ['iCloud', 'FaceTime'], vpc });
 */
export class AppleServicesEgress extends AppleServicesFirewall {
  /** Resolves the selection and adds its egress rules to the group and network ACL the props name or create; bad props fail here with every problem listed. */
  constructor(scope: Construct, id: string, props: AppleServicesEgressProps) {
    // Naming what 'apple-network' stands for implies using it; other services still go anywhere.
    const destinations = props.destinations ?? (props.appleNetworkPeers !== undefined ? ['apple-network'] : undefined);
    super(scope, id, 'egress', { ...props, peers: destinations });
  }
}
