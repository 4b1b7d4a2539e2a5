/**
 * What the CDK construct and the Pulumi component `AppleServicesFirewallRules` decide before they
 * create their rule group, planned once: the selection handed to the Network Firewall planner, the
 * rule group's name, and the warnings. Each adapter translates its deploy-time values into
 * placeholders first and renders the design after.
 */
import { RULE_GROUP_NAME_MAX_LENGTH, RULE_GROUP_NAME_PATTERN } from '../aws/facts';
import { planFirewallRules, type FirewallRuleGroupPlan } from '../network-firewall';
import type { Destination, NoticeCode } from '../policy';
import type { Problem } from '../problems';
import type { AppleFirewallRulesSelection } from './firewall-rules-selection';
import { attempt, type PlanOutcome } from './outcome';
import { plannedWarnings, type PlannedWarning } from './warnings';

/** The resolver's notices a rule group does not raise (see `planFirewallRuleGroup`). */
const NOT_FOR_RULE_GROUPS: ReadonlySet<NoticeCode> = new Set<NoticeCode>(['link-local-excluded', 'local-gateway-excluded', 'apple-network-partial', 'quic-closed']);

/** The rule group as an adapter asks for it, with deploy-time values as placeholders. */
export interface FirewallRuleGroupRequest extends AppleFirewallRulesSelection {
  /** Where the port rules go, as for `planFirewallRules`. @default ['apple-network'] */
  readonly destinations?: readonly Destination[];
  /** CIDRs for `HOME_NET`. @default not set */
  readonly homeNet?: readonly string[];
  /**
   * The name the rule group will have: the user's `ruleGroupName`, or the name the adapter
   * generates (for Pulumi's auto-naming, the name with its random suffix).
   * @default not checked: the adapter generates a valid name
   */
  readonly ruleGroupName?: {
    readonly value: string;
    /**
     * What a generated name comes from, for the message when it is not valid, e.g. "the component
     * name and Pulumi's random suffix".
     * @default the user gave the name as ruleGroupName
     */
    readonly generatedFrom?: string;
  };
  /** True for a placeholder of a deploy-time value; such values skip validation. @default () => false */
  readonly isUnresolved?: (value: string) => boolean;
  /** Names placeholders in messages as the user knows the values. @default the text as is */
  readonly readable?: (text: string) => string;
}

/** What the adapter renders. */
export interface FirewallRuleGroupDesign {
  readonly plan: FirewallRuleGroupPlan;
  readonly warnings: readonly PlannedWarning[];
}

function checkName(name: FirewallRuleGroupRequest['ruleGroupName'], isUnresolved: (value: string) => boolean, problems: Problem[]): void {
  if (name === undefined || isUnresolved(name.value) || RULE_GROUP_NAME_PATTERN.test(name.value)) {
    return;
  }
  const rule = `1-${RULE_GROUP_NAME_MAX_LENGTH} letters, digits and hyphens`;
  problems.push({
    code: 'invalid-rule-group-name',
    message:
      name.generatedFrom === undefined
        ? `ruleGroupName '${name.value}' is not a rule group name. Use ${rule}, or leave it out for a generated one.`
        : `The rule group would be named '${name.value}' (${name.generatedFrom}), which is not a rule group name (${rule}). Use letters, digits and hyphens there, or pass ruleGroupName.`,
  });
}

/**
 * Plans a rule group for an adapter: the core's Network Firewall plan over the selection, the
 * name checked against AWS's rules, and one warning per notice. The resolver's notices hold for
 * the port rules too, except those the rule group says better or not at all: link-local multicast
 * and NAT-PMP requests to the local gateway never reach a firewall (and the group has no option to
 * keep them); HTTP and HTTPS are allowed by name, not to 'anywhere', so 'apple-network' narrowing
 * only some services is no news; and QUIC is the plan's own `quic-not-matched`.
 */
export function planFirewallRuleGroup(request: FirewallRuleGroupRequest): PlanOutcome<FirewallRuleGroupDesign> {
  const { readable = (text: string) => text, isUnresolved = () => false } = request;
  const problems: Problem[] = [];
  const plan = attempt(
    problems,
    () =>
      planFirewallRules(
        {
          products: request.products,
          profiles: request.profiles,
          hostGroups: request.hostGroups,
          ipv6: request.ipv6,
          includeLegacy: request.includeLegacy,
          exclude: request.exclude,
          extraRules: request.extraRules,
          ...(request.destinations !== undefined ? { destinations: request.destinations } : {}),
        },
        { sidBase: request.sidBase, capacity: request.capacity, homeNet: request.homeNet, isUnresolved },
      ),
    { reword: (problem) => ({ ...problem, message: readable(problem.message) }) },
  );
  checkName(request.ruleGroupName, isUnresolved, problems);
  if (plan === undefined || problems.length > 0) {
    return { ok: false, problems };
  }
  const policyNotices = (plan.policy?.notices ?? []).filter((notice) => !NOT_FOR_RULE_GROUPS.has(notice.code));
  return { ok: true, value: { plan, warnings: plannedWarnings([...policyNotices, ...plan.notices], { readable }) } };
}
