/** The arguments of the Pulumi `AppleDnsFirewall` component. */
import type * as pulumi from '@pulumi/pulumi';
import type { AppleDnsFirewallSelection } from '../core';

/** Arguments of `AppleDnsFirewall`: the selection, then the VPCs it is associated with. */
export interface AppleDnsFirewallArgs extends AppleDnsFirewallSelection {
  /**
   * The ids of the VPCs to associate the rule group with, at `priority`; Outputs such as `vpc.id` are fine.
   * @default none: associate the rule group yourself, e.g. through Firewall Manager
   */
  readonly vpcIds?: readonly pulumi.Input<string>[];
  /**
   * Tags for the domain lists, the rule group and the associations.
   * @default no tags
   */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}
