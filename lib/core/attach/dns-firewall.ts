/**
 * What the CDK construct and the Pulumi component `AppleDnsFirewall` decide before they create
 * their Route 53 Resolver DNS Firewall resources, planned once: the core's plan, the VPC
 * associations at the user's priority within AWS's range, and the warnings. Each adapter
 * translates its deploy-time values (VPC ids) into placeholders first and renders the design after.
 */
import { DNS_FIREWALL_QUOTAS, VPC_ID_PATTERN } from '../aws/facts';
import { planDnsFirewall, type DnsBlockResponse, type DnsFirewallPlan } from '../dns-firewall';
import type { Problem } from '../problems';
import type { AppleFirewallRulesSelection } from './firewall-rules-selection';
import { attempt, type PlanOutcome } from './outcome';
import { plannedWarnings, type PlannedWarning } from './warnings';

/** The DNS Firewall rule group's selection and behaviour, shared by the CDK and Pulumi twins. */
export interface AppleDnsFirewallSelection extends Pick<AppleFirewallRulesSelection, 'products' | 'profiles' | 'hostGroups' | 'platforms'> {
  /**
   * Block every other name the VPC resolves: a walled garden. This blocks everything else in the
   * VPC, AWS service endpoints (`*.amazonaws.com`) and your own domains included, unless you list
   * them in `allowDomains`; the warning `apple-ports:dns-firewall-walled-garden` says so.
   * @default false - Apple's names are allowed and nothing is blocked
   */
  readonly walledGarden?: boolean;
  /**
   * Further names to allow, in DNS Firewall's syntax (`*.amazonaws.com`, `example.com`).
   * @default []
   */
  readonly allowDomains?: readonly string[];
  /**
   * What a blocked query gets in a walled garden.
   * @default 'NXDOMAIN'
   */
  readonly blockResponse?: DnsBlockResponse;
  /**
   * The association priority in each VPC, unique among the rule groups associated with it; DNS
   * Firewall evaluates a VPC's rule groups from the lowest. AWS's range is `DNS_FIREWALL_QUOTAS`
   * `associationPriorityMin` to `associationPriorityMax`. Required with VPCs.
   * @default - no default: give it with the VPCs
   */
  readonly priority?: number;
}

/** The rule group as an adapter asks for it, VPC ids as placeholders for deploy-time values. */
export interface DnsFirewallRequest extends AppleDnsFirewallSelection {
  /** The VPCs to associate the rule group with (ids, or placeholders). @default [] */
  readonly vpcIds?: readonly string[];
  /** True for a placeholder of a deploy-time value; such values skip validation. @default () => false */
  readonly isUnresolved?: (value: string) => boolean;
  /** Names placeholders in messages as the user knows the values. @default the text as is */
  readonly readable?: (text: string) => string;
}

/** One association of the rule group with a VPC. */
export interface DnsFirewallAssociationDesign {
  /** The VPC id, or the adapter's placeholder. */
  readonly vpcId: string;
  readonly priority: number;
  /** A name for the association (Pulumi requires one): `apple-dns-firewall-1`… */
  readonly name: string;
}

/** What the adapter renders. */
export interface DnsFirewallDesign {
  readonly plan: DnsFirewallPlan;
  readonly associations: readonly DnsFirewallAssociationDesign[];
  readonly warnings: readonly PlannedWarning[];
}

function checkAssociations(request: DnsFirewallRequest, problems: Problem[]): void {
  const { isUnresolved = () => false, readable = (text: string) => text } = request;
  const vpcIds = request.vpcIds ?? [];
  const { associationPriorityMin: min, associationPriorityMax: max, ruleGroupsPerVpc } = DNS_FIREWALL_QUOTAS;
  const invalid = (message: string) => problems.push({ code: 'invalid-dns-firewall-option', message });
  if (request.priority !== undefined && !(Number.isInteger(request.priority) && request.priority >= min && request.priority <= max)) {
    invalid(`priority ${String(request.priority)} is not a DNS Firewall association priority. Use a whole number from ${min} to ${max}, unique among the rule groups of each VPC (DNS Firewall evaluates the lowest first).`);
  }
  if (vpcIds.length > 0 && request.priority === undefined) {
    invalid(`The rule group is associated with VPCs but has no priority. Give priority, from ${min} to ${max}: unique among the (at most ${ruleGroupsPerVpc}) rule groups each VPC has, lowest evaluated first.`);
  }
  for (const id of vpcIds.filter((v) => !isUnresolved(v) && !VPC_ID_PATTERN.test(v))) {
    invalid(`'${id}' is not a VPC id. Use an id such as vpc-0123456789abcdef0, or a VPC construct or Output.`);
  }
  const seen = new Set<string>();
  for (const id of vpcIds) {
    if (seen.has(id)) {
      invalid(`${readable(id)} is listed twice: a rule group can be associated with a VPC once. List each VPC once.`);
    }
    seen.add(id);
  }
}

/**
 * Plans a DNS Firewall rule group for an adapter: the core's plan, the VPC associations at the
 * given priority, and one warning per notice.
 */
export function planDnsFirewallRuleGroup(request: DnsFirewallRequest): PlanOutcome<DnsFirewallDesign> {
  const { readable = (text: string) => text, isUnresolved = () => false } = request;
  const problems: Problem[] = [];
  const plan = attempt(
    problems,
    () =>
      planDnsFirewall(
        { products: request.products, profiles: request.profiles, hostGroups: request.hostGroups, ...(request.platforms !== undefined ? { platforms: request.platforms } : {}) },
        { walledGarden: request.walledGarden, allowDomains: request.allowDomains, blockResponse: request.blockResponse, isUnresolved },
      ),
    { reword: (problem) => ({ ...problem, message: readable(problem.message) }) },
  );
  checkAssociations(request, problems);
  if (plan === undefined || problems.length > 0) {
    return { ok: false, problems };
  }
  const associations = (request.vpcIds ?? []).map((vpcId, index) => ({ vpcId, priority: request.priority!, name: `apple-dns-firewall-${index + 1}` }));
  return { ok: true, value: { plan, associations, warnings: plannedWarnings(plan.notices, { readable }) } };
}
