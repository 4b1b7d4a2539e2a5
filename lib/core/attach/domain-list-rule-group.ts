/**
 * What the CDK construct and the Pulumi component `AppleServicesDomainList` decide before they
 * create their Network Firewall domain-list rule group, planned once: the core's domain-list plan,
 * the name checks, the capacity a fixed name needs, and the warnings.
 */
import { planDomainListRules, type DomainListRuleGroupPlan, type DomainListTargetType } from '../network-firewall';
import type { Problem } from '../problems';
import { finishRuleGroupPlan, type FirewallRuleGroupRequest, type RuleGroupNaming } from './firewall-rule-group';
import type { AppleFirewallRulesSelection } from './firewall-rules-selection';
import { attempt, type PlanOutcome } from './outcome';
import { plannedWarnings, type PlannedWarning } from './warnings';

/**
 * The domain-list rule group's selection and size: the Suricata twin's fields that a list of names
 * can use, documented once there.
 */
export type AppleDomainListSelection = Pick<AppleFirewallRulesSelection, 'products' | 'profiles' | 'hostGroups' | 'platforms' | 'capacity'>;

/** The domain-list rule group as an adapter asks for it, with deploy-time values as placeholders. */
export interface DomainListRuleGroupRequest extends AppleDomainListSelection, Pick<FirewallRuleGroupRequest, 'homeNet' | 'ruleGroupName' | 'fixedName' | 'description' | 'isUnresolved' | 'readable'> {}

/** What the adapter renders. */
export interface DomainListRuleGroupDesign {
  readonly plan: DomainListRuleGroupPlan;
  readonly warnings: readonly PlannedWarning[];
  readonly naming: RuleGroupNaming;
}

/** The `RulesSourceList` both adapters write. */
export interface RulesSourceListDesign {
  readonly targets: readonly string[];
  readonly targetTypes: readonly DomainListTargetType[];
  readonly generatedRulesType: 'ALLOWLIST';
}

/**
 * Plans a domain-list rule group for an adapter: the core's plan over the selection, the name
 * checked against AWS's rules, a capacity required when the name is fixed, one warning per notice.
 */
export function planDomainListRuleGroup(request: DomainListRuleGroupRequest): PlanOutcome<DomainListRuleGroupDesign> {
  const { readable = (text: string) => text, isUnresolved = () => false } = request;
  const problems: Problem[] = [];
  const plan = attempt(
    problems,
    () =>
      planDomainListRules(
        { products: request.products, profiles: request.profiles, hostGroups: request.hostGroups, ...(request.platforms !== undefined ? { platforms: request.platforms } : {}) },
        { capacity: request.capacity, homeNet: request.homeNet, isUnresolved },
      ),
    { reword: (problem) => ({ ...problem, message: readable(problem.message) }) },
  );
  return finishRuleGroupPlan(request, plan, problems, (p) => ({ plan: p, warnings: plannedWarnings(p.notices, { readable }) }));
}

/** The plan's `RulesSourceList`, as both adapters write it. */
export function rulesSourceList(plan: DomainListRuleGroupPlan): RulesSourceListDesign {
  return { targets: plan.targets, targetTypes: plan.targetTypes, generatedRulesType: plan.generatedRulesType };
}
