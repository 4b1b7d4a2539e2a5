/**
 * What the CDK construct and the Pulumi component `AppleServicesFirewallRules` decide before they
 * create their rule group, planned once: the selection handed to the Network Firewall planner, the
 * rule group's name, and the warnings. Each adapter translates its deploy-time values into
 * placeholders first and renders the design after.
 */
import { RULE_GROUP_DESCRIPTION_MAX_LENGTH, RULE_GROUP_NAME_MAX_LENGTH, RULE_GROUP_NAME_PATTERN } from '../aws/facts';
import { capacityNameSuffix, defaultCapacity, NAME_SERVICES, planFirewallRules, type FirewallRuleGroupPlan } from '../network-firewall';
import { excludeUnusedNotice, type Destination, type NoticeCode, type PolicyNotice } from '../policy';
import type { Problem } from '../problems';
import type { AppleFirewallRulesSelection } from './firewall-rules-selection';
import { attempt, type PlanOutcome } from './outcome';
import { plannedWarnings, type PlannedWarning } from './warnings';

/** The resolver's notices a rule group does not raise (see `planFirewallRuleGroup`). */
const NOT_FOR_RULE_GROUPS: ReadonlySet<NoticeCode> = new Set<NoticeCode>(['link-local-excluded', 'local-gateway-excluded', 'apple-network-partial', 'quic-closed']);

/**
 * The resolver's notice that `exclude` changes nothing is not so for a rule group: excluding
 * `http` or `https` also drops the names matched on it (HTTP Host, TLS SNI).
 */
function forRuleGroup(notice: PolicyNotice): PolicyNotice[] {
  return notice.code === 'exclude-unused' ? excludeUnusedNotice(notice.services.filter((id) => !NAME_SERVICES.has(id)), () => false) : [notice];
}

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
  /**
   * True when the user fixed the name (`ruleGroupName`), also when it is a deploy-time value the
   * core cannot read.
   * @default true when `ruleGroupName` is given without `generatedFrom`
   */
  readonly fixedName?: boolean;
  /** The rule group's description, checked against AWS's rules. @default no description */
  readonly description?: string;
  /** True for a placeholder of a deploy-time value; such values skip validation. @default () => false */
  readonly isUnresolved?: (value: string) => boolean;
  /** Names placeholders in messages as the user knows the values. @default the text as is */
  readonly readable?: (text: string) => string;
}

/** How a rule group is named so that a change AWS cannot make in place replaces it safely. */
export interface RuleGroupNaming {
  /**
   * The end of a generated name, `-c200`: the capacity is in the name, so a new capacity is a new
   * name and CloudFormation creates the new group before it deletes the old one.
   */
  readonly generatedNameSuffix: string;
  /**
   * True when the user fixed the name: a replacement must delete the old group first (Pulumi's
   * `deleteBeforeReplace`), since two groups cannot share a name.
   */
  readonly deleteBeforeReplace: boolean;
}

/** What the adapter renders. */
export interface FirewallRuleGroupDesign {
  readonly plan: FirewallRuleGroupPlan;
  readonly warnings: readonly PlannedWarning[];
  readonly naming: RuleGroupNaming;
}

/** The name fields both rule-group requests share. */
export type RuleGroupNameRequest = Pick<FirewallRuleGroupRequest, 'ruleGroupName' | 'fixedName' | 'capacity'>;

/** What the end of both rule-group planners checks: the name, and the description. */
export type RuleGroupFinishRequest = RuleGroupNameRequest & Pick<FirewallRuleGroupRequest, 'description' | 'isUnresolved'>;

/** Whether the user fixed the rule group's name. */
export function isFixedName(request: RuleGroupNameRequest): boolean {
  return request.fixedName ?? (request.ruleGroupName !== undefined && request.ruleGroupName.generatedFrom === undefined);
}

/**
 * A fixed name needs a given capacity: CloudFormation cannot replace a custom-named resource, and a
 * capacity that followed the rules would change, and so replace the group, when a product is added.
 */
export function checkFixedNameCapacity(request: RuleGroupNameRequest, requiredCapacity: number, problems: Problem[]): void {
  if (isFixedName(request) && request.capacity === undefined) {
    problems.push({
      code: 'fixed-name-replacement',
      message: `ruleGroupName is fixed, so the rule group cannot be replaced under the same name when its capacity must grow (CloudFormation refuses to replace a custom-named resource). Give capacity as well: this selection needs ${requiredCapacity}, and ${defaultCapacity(requiredCapacity)} leaves room to grow. Or leave ruleGroupName out for a generated name that changes with the capacity.`,
    });
  }
}

/** The naming of a planned rule group. */
export function ruleGroupNaming(request: RuleGroupNameRequest, capacity: number): RuleGroupNaming {
  return { generatedNameSuffix: capacityNameSuffix(capacity), deleteBeforeReplace: isFixedName(request) };
}

/**
 * The end of both rule-group planners: the name and description checked, a capacity required when
 * the name is fixed, and the design with its naming, or every problem.
 */
export function finishRuleGroupPlan<P extends { readonly requiredCapacity: number; readonly capacity: number }, D>(
  request: RuleGroupFinishRequest,
  plan: P | undefined,
  problems: Problem[],
  design: (plan: P) => D,
): PlanOutcome<D & { readonly naming: RuleGroupNaming }> {
  checkName(request.ruleGroupName, request.isUnresolved ?? (() => false), problems);
  checkDescription(request.description, request.isUnresolved ?? (() => false), problems);
  if (plan !== undefined) {
    checkFixedNameCapacity(request, plan.requiredCapacity, problems);
  }
  if (plan === undefined || problems.length > 0) {
    return { ok: false, problems };
  }
  return { ok: true, value: { ...design(plan), naming: ruleGroupNaming(request, plan.capacity) } };
}

/** Checks a rule group name against AWS's rules, unless it is a deploy-time value. */
export function checkName(name: FirewallRuleGroupRequest['ruleGroupName'], isUnresolved: (value: string) => boolean, problems: Problem[]): void {
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

/** AWS takes a rule group description of one line (`^.*$`), of 1 to `RULE_GROUP_DESCRIPTION_MAX_LENGTH` characters. */
function checkDescription(description: string | undefined, isUnresolved: (value: string) => boolean, problems: Problem[]): void {
  if (description === undefined || isUnresolved(description)) {
    return;
  }
  const lineBreak = /[\n\r\u2028\u2029]+/g;
  const fault: readonly [string, string] | undefined =
    description.length === 0
      ? ['is empty', 'Write one, or leave description out.']
      : description.length > RULE_GROUP_DESCRIPTION_MAX_LENGTH
        ? [`has ${description.length} characters`, 'Shorten it, or leave description out.']
        : lineBreak.test(description)
          ? [`'${description.replace(lineBreak, ' / ')}' has a line break`, 'Write it on one line.']
          : undefined;
  if (fault !== undefined) {
    problems.push({
      code: 'invalid-firewall-option',
      message: `The rule group's description ${fault[0]}; AWS takes 1-${RULE_GROUP_DESCRIPTION_MAX_LENGTH} characters on one line. ${fault[1]}`,
    });
  }
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
          ...(request.platforms !== undefined ? { platforms: request.platforms } : {}),
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
  return finishRuleGroupPlan(request, plan, problems, (p) => {
    const policyNotices = (p.policy?.notices ?? []).filter((notice) => !NOT_FOR_RULE_GROUPS.has(notice.code)).flatMap(forRuleGroup);
    return { plan: p, warnings: plannedWarnings([...policyNotices, ...p.notices], { readable }) };
  });
}
