/**
 * Everything `AppleServicesFirewallRules` decides before it creates its rule group: the core's plan
 * over the selection, with Pulumi outputs as placeholders, and the warnings. Every problem is
 * gathered, so one error lists them all.
 */
import type * as pulumi from '@pulumi/pulumi';
import { ApplePortsError, planFirewallRules, type Destination, type FirewallRuleGroupPlan, type FirewallSelection } from '../core';
import type { AppleServicesFirewallRulesArgs } from './apple-services-firewall-rules';
import type { ComponentProblem } from './component-plan';
import { InputReferences } from './input-references';

/** The outcome of planning the rule group. */
export interface FirewallRulesComponentPlan {
  /** The core's plan; Pulumi outputs appear in it as placeholders (`<cidrIpv4#0>`, `<homeNet#0>`). */
  readonly plan: FirewallRuleGroupPlan;
  /** Turns the plan's placeholders back into the user's inputs. */
  readonly references: InputReferences;
  /** `apple-ports:<code>: …` lines to log as warnings. */
  readonly warnings: readonly string[];
}

/** Either a plan or every problem found. */
export type FirewallRulesPlanResult = { readonly ok: true; readonly value: FirewallRulesComponentPlan } | { readonly ok: false; readonly problems: readonly ComponentProblem[] };

/** Rule group names AWS accepts: 1-128 letters, digits and hyphens. */
const RULE_GROUP_NAME = new RegExp('^[a-zA-Z0-9-]{1,128}$');

/** What Pulumi's default auto-naming appends to a resource name: a hyphen and seven random characters. */
const AUTO_NAME_SUFFIX = '-0000000';

function checkName(ruleGroupName: pulumi.Input<string> | undefined, childName: string, problems: ComponentProblem[]): void {
  if (ruleGroupName === undefined) {
    if (!RULE_GROUP_NAME.test(`${childName}${AUTO_NAME_SUFFIX}`)) {
      problems.push({
        code: 'invalid-rule-group-name',
        message: `The rule group would be auto-named '${childName}-' and seven random characters, which is not a rule group name (1-128 letters, digits and hyphens). Name the component with letters, digits and hyphens, or pass ruleGroupName.`,
      });
    }
  } else if (typeof ruleGroupName === 'string' && !RULE_GROUP_NAME.test(ruleGroupName)) {
    problems.push({
      code: 'invalid-rule-group-name',
      message: `ruleGroupName '${ruleGroupName}' is not a rule group name. Use 1-128 letters, digits and hyphens, or leave it out for a generated one.`,
    });
  }
}

/** The homeNet CIDRs as plain strings for the core, Outputs as placeholders. */
function homeNetStrings(homeNet: AppleServicesFirewallRulesArgs['homeNet'], references: InputReferences, problems: ComponentProblem[]): string[] | undefined {
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
 * Plans the rule group of a component whose rule group resource is named `childName`: converts the
 * args, runs the core's planner and collects the warnings. The resolver's notices hold for the port rules too, except link-local
 * multicast, which never reaches a firewall and which the rule group has no option to keep.
 */
export function planFirewallRulesComponent(args: AppleServicesFirewallRulesArgs, childName: string): FirewallRulesPlanResult {
  const problems: ComponentProblem[] = [];
  const references = new InputReferences();
  const destinations: Destination[] | undefined = references.toCoreDestinations(args.destinations, 'destinations', problems);
  const homeNet = homeNetStrings(args.homeNet, references, problems);
  checkName(args.ruleGroupName, childName, problems);
  if (problems.some((p) => p.code === 'unwrapped-output' || p.code === 'invalid-reference' || p.code === 'home-net-output')) {
    // The planner would only add noise about lists emptied of the values it could not read.
    return { ok: false, problems };
  }
  const selection: FirewallSelection = {
    products: args.products,
    profiles: args.profiles,
    hostGroups: args.hostGroups,
    ipv6: args.ipv6,
    includeLegacy: args.includeLegacy,
    exclude: args.exclude,
    extraRules: args.extraRules,
    ...(destinations !== undefined ? { destinations } : {}),
  };
  let plan: FirewallRuleGroupPlan | undefined;
  try {
    plan = planFirewallRules(selection, { sidBase: args.sidBase, capacity: args.capacity, homeNet, isUnresolved: references.isPlaceholder });
  } catch (error) {
    if (!(error instanceof ApplePortsError)) {
      throw error;
    }
    // The core's problems come first, in its order, as the CDK construct reports them.
    problems.unshift(...error.problems.map((p) => ({ code: p.code, message: references.readable(p.message) })));
  }
  if (plan === undefined || problems.length > 0) {
    return { ok: false, problems };
  }
  const policyNotices = (plan.policy?.notices ?? []).filter((notice) => notice.code !== 'link-local-excluded');
  const warnings = [...policyNotices, ...plan.notices].map((notice) => `apple-ports:${notice.code}: ${notice.message}`);
  return { ok: true, value: { plan, references, warnings } };
}
