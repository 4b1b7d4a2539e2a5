/**
 * What `AppleServicesFirewallRules` and `AppleServicesDomainList` translate before the core plans
 * their rule group: Pulumi outputs become placeholders, and the rule group's name is the one Pulumi
 * will give it.
 */
import type * as pulumi from '@pulumi/pulumi';
import type { PlanOutcome, Problem } from '../core';
import { planFirewallRuleGroup, type FirewallRuleGroupDesign, type FirewallRuleGroupRequest } from '../core/internal';
import type { AppleServicesFirewallRulesArgs } from './firewall-rules-args';
import { InputReferences } from './input-references';

/** The core's design, and the way back from its placeholders to the user's inputs. */
export interface FirewallRulesComponentPlan extends FirewallRuleGroupDesign {
  /** Turns the plan's placeholders back into the user's inputs. */
  readonly references: InputReferences;
}

/** What Pulumi's default auto-naming appends to a resource name: a hyphen and seven random characters. */
const AUTO_NAME_SUFFIX = '-0000000';

/**
 * The name fields of a rule-group request: the auto-name Pulumi will give a child named
 * `childName`, or the user's name (an Output cannot be checked, but is still a fixed name).
 */
function ruleGroupNameRequest(
  given: pulumi.Input<string> | undefined,
  childName: string,
): { readonly ruleGroupName: FirewallRuleGroupRequest['ruleGroupName']; readonly fixedName: boolean } {
  return {
    ruleGroupName:
      given === undefined
        ? { value: `${childName}${AUTO_NAME_SUFFIX}`, generatedFrom: "the component's name and the seven random characters Pulumi's auto-naming adds" }
        : typeof given === 'string'
          ? { value: given }
          : undefined,
    fixedName: given !== undefined,
  };
}

/** The homeNet CIDRs as plain strings for the core, Outputs as placeholders. */
function homeNetStrings(homeNet: AppleServicesFirewallRulesArgs['homeNet'], references: InputReferences, problems: Problem[]): string[] | undefined {
  if (homeNet === undefined) {
    return undefined;
  }
  if (!Array.isArray(homeNet)) {
    problems.push({
      code: 'home-net-output',
      message: 'homeNet must be a list whose entries are known to be CIDRs when the program runs (each CIDR may be an Output). A list that is itself an Output cannot be checked before deployment: pass the CIDRs one by one, e.g. [vpc.cidrBlock].',
    });
    return undefined;
  }
  const strings: string[] = [];
  homeNet.forEach((cidr: pulumi.Input<string>, index: number) => {
    const value = references.toCoreString(cidr, 'homeNet', `homeNet[${index}]`, problems);
    if (value !== undefined) {
      strings.push(value);
    }
  });
  return strings;
}

/**
 * What both rule-group components (Suricata rules and domain list) hand the core beside their
 * selection: homeNet as strings, the description, the name fields and the placeholder hooks. Gives
 * `undefined` when `problems` holds any: the planner would only add noise about lists emptied of
 * the values that could not be read.
 */
export function ruleGroupInputs(
  args: Pick<AppleServicesFirewallRulesArgs, 'homeNet' | 'description' | 'ruleGroupName'>,
  childName: string,
  references: InputReferences,
  problems: Problem[],
) {
  const homeNet = homeNetStrings(args.homeNet, references, problems);
  if (problems.length > 0) {
    return undefined;
  }
  return {
    homeNet,
    description: typeof args.description === 'string' ? args.description : undefined,
    ...ruleGroupNameRequest(args.ruleGroupName, childName),
    isUnresolved: references.isPlaceholder,
    readable: (text: string) => references.readable(text),
  };
}

/** Plans the rule group of a component whose rule group resource is named `childName`. */
export function planFirewallRulesComponent(args: AppleServicesFirewallRulesArgs, childName: string): PlanOutcome<FirewallRulesComponentPlan> {
  const problems: Problem[] = [];
  const references = new InputReferences();
  const destinations = references.toCoreDestinations(args.destinations, 'destinations', problems);
  const inputs = ruleGroupInputs(args, childName, references, problems);
  if (!inputs) {
    return { ok: false, problems };
  }
  const outcome = planFirewallRuleGroup({ ...args, destinations, ...inputs });
  return outcome.ok ? { ok: true, value: { ...outcome.value, references } } : outcome;
}
