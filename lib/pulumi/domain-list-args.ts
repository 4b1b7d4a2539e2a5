/** The arguments of the Pulumi `AppleServicesDomainList` component. */
import type * as pulumi from '@pulumi/pulumi';
import type { AppleDomainListSelection } from '../core';
import type { RULE_GROUP_NAME_MAX_LENGTH } from '../core/internal';

/** Arguments of `AppleServicesDomainList`: the selection, then the rule group's scope and name. */
export interface AppleServicesDomainListArgs extends AppleDomainListSelection {
  /**
   * CIDRs of the Apple devices, for the rule group's `HOME_NET` variable; Outputs such as
   * `vpc.cidrBlock` are fine.
   * @default not set: the firewall policy's HOME_NET, by default the inspection VPC's CIDR
   */
  readonly homeNet?: readonly pulumi.Input<string>[];
  /**
   * The rule group's name (letters, digits and hyphens, at most {@link RULE_GROUP_NAME_MAX_LENGTH}). With a fixed name, give
   * `capacity` too; a replacement then deletes the old group first.
   * @default Pulumi's auto-name from the component name, e.g. `apple-domains-rule-group-1a2b3c4`
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
