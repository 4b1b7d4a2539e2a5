/**
 * An AWS Network Firewall stateful rule group for a selection of Apple products, as an
 * `aws.networkfirewall.RuleGroup`. The rules, their order and the capacity come from the core's
 * plan; this component only copies them into the resource.
 */
import * as pulumi from '@pulumi/pulumi';
import { RuleGroup } from '@pulumi/aws/networkfirewall';
import type { AppleFirewallRulesSelection, FirewallRuleGroupPlan } from '../core';
import type { PulumiDestination } from './apple-services-args';
import { TYPE_TOKEN_PREFIX, formatProblems } from './apple-services-component';
import { planFirewallRulesComponent } from './firewall-rules-plan';

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
   * The rule group's name (letters, digits and hyphens, at most 128). Changing it replaces the group.
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

/**
 * A strict-order stateful Network Firewall rule group that allows what the selected Apple products
 * need: TLS SNI and HTTP Host rules for the hosts Apple lists, and port rules for the rest (APNs,
 * FaceTime and Game Center UDP…). Use it in a firewall policy with strict rule order and a drop
 * default action. QUIC and connections without SNI cannot be matched by name (see `plan.limitations`).
 *
 * ```ts
 * const apple = new AppleServicesFirewallRules('apple-rules', { products: ['SoftwareUpdate', 'iCloud'] });
 * // apple.ruleGroupArn in an aws.networkfirewall.FirewallPolicy's statefulRuleGroupReferences
 * ```
 */
export class AppleServicesFirewallRules extends pulumi.ComponentResource {
  /**
   * The planned rules, capacity, notices and limitations, for review snapshots. Outputs appear as
   * placeholders in it (`<cidrIpv4#0>`, `<homeNet#0>`), so the snapshot stays stable.
   */
  public readonly plan: FirewallRuleGroupPlan;
  /** The rule group resource. */
  public readonly ruleGroup: RuleGroup;
  /** The rule group's ARN, for a firewall policy's `statefulRuleGroupReferences`. */
  public readonly ruleGroupArn: pulumi.Output<string>;

  constructor(name: string, args: AppleServicesFirewallRulesArgs, opts?: pulumi.ComponentResourceOptions) {
    super(`${TYPE_TOKEN_PREFIX}AppleServicesFirewallRules`, name, {}, opts);
    const given = args ?? {};
    const { ruleGroupName, description, tags } = given;
    const childName = `${name}-rule-group`;
    const result = planFirewallRulesComponent(given, childName);
    // Bad input, not a bug: the message names the component and the fix, a stack trace adds nothing.
    if (!result.ok) {
      throw new pulumi.ResourceError(formatProblems(`AppleServicesFirewallRules '${name}'`, result.problems), this, true);
    }
    const { plan, references, warnings } = result.value;
    for (const warning of warnings) {
      void pulumi.log.warn(warning, this);
    }
    this.plan = plan;
    this.ruleGroup = new RuleGroup(
      childName,
      {
        type: 'STATEFUL',
        capacity: plan.capacity,
        ...(ruleGroupName !== undefined ? { name: ruleGroupName } : {}),
        ...(description !== undefined ? { description } : {}),
        ruleGroup: {
          ...(plan.homeNet !== undefined
            ? { ruleVariables: { ipSets: [{ key: 'HOME_NET', ipSet: { definitions: plan.homeNet.map((cidr) => references.inputFor(cidr)) } }] } }
            : {}),
          rulesSource: { rulesString: references.interpolate(plan.rulesString) },
          statefulRuleOptions: { ruleOrder: plan.ruleOrder },
        },
        ...(tags !== undefined ? { tags } : {}),
      },
      { parent: this },
    );
    this.ruleGroupArn = this.ruleGroup.arn;

    this.registerOutputs({ ruleGroupArn: this.ruleGroupArn, plan: this.plan });
  }
}
