/**
 * An AWS Network Firewall domain-list rule group (`RulesSourceList`, ALLOWLIST) of the hosts Apple
 * lists for a selection, as an `aws.networkfirewall.RuleGroup`. The targets, target types and
 * capacity come from the core's plan; this component only copies them into the resource.
 */
import * as pulumi from '@pulumi/pulumi';
import { RuleGroup } from '@pulumi/aws/networkfirewall';
import type { DomainListRuleGroupPlan, PlanOutcome, Problem } from '../core';
import { planDomainListRuleGroup, rulesSourceList, type DomainListRuleGroupDesign } from '../core/internal';
import type { AppleServicesDomainListArgs } from './domain-list-args';
import { AppleServicesResourceError } from './errors';
import { ruleGroupInputs } from './firewall-rules-plan';
import { InputReferences } from './input-references';
import { typeToken } from './type-tokens';
import { logWarnings } from './warnings';

/** Plans the domain list of a component whose rule group resource is named `childName`. */
function planComponent(args: AppleServicesDomainListArgs, childName: string): PlanOutcome<DomainListRuleGroupDesign & { references: InputReferences }> {
  const problems: Problem[] = [];
  const references = new InputReferences();
  const inputs = ruleGroupInputs(args, childName, references, problems);
  if (!inputs) {
    return { ok: false, problems };
  }
  const outcome = planDomainListRuleGroup({ ...args, ...inputs });
  return outcome.ok ? { ok: true, value: { ...outcome.value, references } } : outcome;
}

/**
 * A stateful domain-list rule group that allows the HTTPS (TLS SNI) and HTTP (Host) traffic of the
 * hosts Apple lists for the selected products, the form AWS maintains the rule syntax of. Traffic
 * on other ports (APNs TCP 5223, QUIC) needs rules of its own: `AppleServicesFirewallRules` adds them.
 * The group uses strict rule order, as the firewall policy that references it must
 * (`statefulEngineOptions: { ruleOrder: 'STRICT_ORDER' }`).
 *
 * ```ts
 * const apple = new AppleServicesDomainList('apple-domains', { products: ['SoftwareUpdate', 'iCloud'], platforms: ['macOS'] });
 * // apple.ruleGroupArn in the statefulRuleGroupReferences of an aws.networkfirewall.FirewallPolicy with strict rule order
 * ```
 */
export class AppleServicesDomainList extends pulumi.ComponentResource {
  /** The planned targets, capacity, notices and limitations, for review snapshots. */
  public readonly plan: DomainListRuleGroupPlan;
  /** The rule group resource. */
  public readonly ruleGroup: RuleGroup;
  /** The rule group's ARN, for a firewall policy's `statefulRuleGroupReferences`. */
  public readonly ruleGroupArn: pulumi.Output<string>;

  /** Plans the domain list for the selection and creates its rule group as a child; bad args fail here with one `ResourceError` listing every problem. */
  constructor(name: string, args: AppleServicesDomainListArgs, opts?: pulumi.ComponentResourceOptions) {
    super(typeToken('AppleServicesDomainList'), name, {}, opts);
    const given = args ?? {};
    const childName = `${name}-rule-group`;
    const result = planComponent(given, childName);
    if (!result.ok) {
      throw new AppleServicesResourceError(result.problems, `AppleServicesDomainList '${name}'`, this);
    }
    const { plan, references, warnings, naming } = result.value;
    logWarnings(this, warnings);
    this.plan = plan;
    const list = rulesSourceList(plan);
    this.ruleGroup = new RuleGroup(
      childName,
      {
        type: 'STATEFUL',
        capacity: plan.capacity,
        ...(given.ruleGroupName !== undefined ? { name: given.ruleGroupName } : {}),
        ...(given.description !== undefined ? { description: given.description } : {}),
        ruleGroup: {
          ...(plan.homeNet !== undefined
            ? { ruleVariables: { ipSets: [{ key: 'HOME_NET', ipSet: { definitions: plan.homeNet.map((cidr) => references.inputFor(cidr)) } }] } }
            : {}),
          rulesSource: { rulesSourceList: { targets: [...list.targets], targetTypes: [...list.targetTypes], generatedRulesType: list.generatedRulesType } },
          statefulRuleOptions: { ruleOrder: plan.ruleOrder },
        },
        ...(given.tags !== undefined ? { tags: given.tags } : {}),
      },
      { parent: this, deleteBeforeReplace: naming.deleteBeforeReplace },
    );
    this.ruleGroupArn = this.ruleGroup.arn;
    this.registerOutputs({ ruleGroupArn: this.ruleGroupArn, plan: this.plan });
  }
}
