/** The arguments of the Pulumi `AppleServicesFirewallRules` component. */
import type * as pulumi from '@pulumi/pulumi';
import type { AppleFirewallRulesSelection } from '../core';
import type { RULE_GROUP_NAME_MAX_LENGTH } from '../core/internal';
import type { PulumiDestination } from './apple-services-args';

/** Arguments of `AppleServicesFirewallRules`: the selection, then how the rule group is numbered and sized. */
export interface AppleServicesFirewallRulesArgs extends AppleFirewallRulesSelection {
  /**
   * Where the port rules (everything but HTTP and HTTPS, which are allowed by host name) go:
   * `'apple-network'` sends push notifications to 17.0.0.0/8 and the rest to `$EXTERNAL_NET`;
   * CIDRs (strings, `{ cidrIpv4: … }` or `{ cidrIpv6: … }` with Outputs) are written into the
   * rules. Prefix lists and security groups cannot appear in Suricata rules.
   * @default ['apple-network']
   */
  readonly destinations?: readonly PulumiDestination[];
  /**
   * CIDRs of the Apple devices, for the rule group's `HOME_NET` variable: the clients the rules
   * allow. Set it when the devices sit in other VPCs than the firewall (centralised egress);
   * Outputs such as `vpc.cidrBlock` are fine.
   * @default not set: the firewall policy's HOME_NET, by default the inspection VPC's CIDR
   */
  readonly homeNet?: readonly pulumi.Input<string>[];
  /**
   * The rule group's name (letters, digits and hyphens, at most {@link RULE_GROUP_NAME_MAX_LENGTH}). Changing it replaces the
   * group. With a fixed name, give `capacity` too; a replacement then deletes the old group first.
   * @default Pulumi's auto-name from the component name, e.g. `apple-rules-rule-group-1a2b3c4`
   */
  readonly ruleGroupName?: pulumi.Input<string>;
  /**
   * The rule group's description.
   * @default no description
   */
  readonly description?: pulumi.Input<string>;
  /**
   * Tags for the rule group.
   * @default no tags
   */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}
