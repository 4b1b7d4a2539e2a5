/**
 * An AWS Network Firewall stateful rule group for a selection of Apple products, as an
 * `aws.networkfirewall.RuleGroup`. The rules, their order and the capacity come from the core's
 * plan; this component only copies them into the resource.
 */
import * as pulumi from '@pulumi/pulumi';
import { RuleGroup } from '@pulumi/aws/networkfirewall';
import type { FirewallRuleGroupPlan } from '../core';
import { AppleServicesResourceError } from './errors';
import type { AppleServicesFirewallRulesArgs } from './firewall-rules-args';
import { planFirewallRulesComponent } from './firewall-rules-plan';
import { typeToken } from './type-tokens';
import { logWarnings } from './warnings';

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
   * placeholders named after their resource (`<vpc.cidrIpv4>`, `<vpc.homeNet>`), so the snapshot stays stable.
   */
  public readonly plan: FirewallRuleGroupPlan;
  /** The rule group resource. */
  public readonly ruleGroup: RuleGroup;
  /** The rule group's ARN, for a firewall policy's `statefulRuleGroupReferences`. */
  public readonly ruleGroupArn: pulumi.Output<string>;

  /** Plans the rule group for the selection and creates it as a child; bad args fail here with one `ResourceError` listing every problem. */
  constructor(name: string, args: AppleServicesFirewallRulesArgs, opts?: pulumi.ComponentResourceOptions) {
    super(typeToken('AppleServicesFirewallRules'), name, {}, opts);
    const given = args ?? {};
    const { ruleGroupName, description, tags } = given;
    const childName = `${name}-rule-group`;
    const result = planFirewallRulesComponent(given, childName);
    if (!result.ok) {
      throw new AppleServicesResourceError(result.problems, `AppleServicesFirewallRules '${name}'`, this);
    }
    const { plan, references, warnings, naming } = result.value;
    logWarnings(this, warnings);
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
      // Capacity cannot change in place: Pulumi replaces the group, create-first under a new
      // auto-name, or delete-first when the user fixed the name, since two groups cannot share it.
      { parent: this, deleteBeforeReplace: naming.deleteBeforeReplace },
    );
    this.ruleGroupArn = this.ruleGroup.arn;

    this.registerOutputs({ ruleGroupArn: this.ruleGroupArn, plan: this.plan });
  }
}
