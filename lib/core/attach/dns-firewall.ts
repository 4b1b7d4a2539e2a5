/**
 * What the CDK construct and the Pulumi component `AppleDnsFirewall` decide before they create
 * their Route 53 Resolver DNS Firewall resources, planned once: the core's plan, the VPC
 * associations at the user's priority within AWS's range, and the warnings. Each adapter
 * translates its deploy-time values (VPC ids) into placeholders first and renders the design after.
 */
import { DNS_FIREWALL_QUOTAS, fnv1a, type ClaimantKind, type DnsFirewallVpcLedger } from '../aws';
import { resourceIdReason } from '../aws/resource-ids';
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

/** How an adapter names its VPCs, so the planner's messages speak its language. */
export interface DnsFirewallVocabulary {
  /** The VPCs' prop: `vpcs` (CDK), `vpcIds` (Pulumi). */
  readonly vpcs: string;
  /** What else the prop takes besides an id: `a VPC construct`, `an Output such as vpc.id`. */
  readonly vpcValue: string;
  /** What the adapter's class is: a CDK `construct` or a Pulumi `component`. */
  readonly claimant: ClaimantKind;
}

/** The VPCs' ledgers, for rule groups apple-ports associates with a VPC another already has. */
export interface DnsFirewallLedgers {
  /** Who associates this rule group, for messages: `'Test/AppleDns'`, `AppleDnsFirewall 'dns'`. */
  readonly owner: string;
  /** The ledger of the VPC an id or placeholder stands for (one per VPC, however it is given). */
  readonly ledgerOf: (vpcId: string) => DnsFirewallVpcLedger;
}

/** The rule group as an adapter asks for it, VPC ids as placeholders for deploy-time values. */
export interface DnsFirewallRequest extends AppleDnsFirewallSelection {
  /** How messages name the VPCs. */
  readonly vocabulary: DnsFirewallVocabulary;
  /** The VPCs' ledgers. @default none: no check against other rule groups */
  readonly ledgers?: DnsFirewallLedgers;
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
  /**
   * What the association is known by, from its VPC (`vpc-0123456789abcdef0`, `Test-Vpc` for the
   * placeholder `{Test/Vpc}`): the adapter's construct id or resource name ends with it, so adding
   * or removing a VPC leaves the other VPCs' associations as they are.
   */
  readonly key: string;
  /** The association's name in AWS, from its key: `apple-dns-firewall-vpc-0123456789abcdef0`. */
  readonly name: string;
}

/** What the adapter renders. */
export interface DnsFirewallDesign {
  readonly plan: DnsFirewallPlan;
  readonly associations: readonly DnsFirewallAssociationDesign[];
  readonly warnings: readonly PlannedWarning[];
}

function checkAssociations(request: DnsFirewallRequest, problems: Problem[]): void {
  const { isUnresolved = () => false, readable = (text: string) => text, vocabulary } = request;
  const vpcIds = request.vpcIds ?? [];
  const { associationPriorityMin: min, associationPriorityMax: max, ruleGroupsPerVpc } = DNS_FIREWALL_QUOTAS;
  const invalid = (message: string) => problems.push({ code: 'invalid-dns-firewall-option', message });
  if (request.priority !== undefined && !(Number.isInteger(request.priority) && request.priority >= min && request.priority <= max)) {
    invalid(`priority ${String(request.priority)} is not a DNS Firewall association priority. Use a whole number from ${min} to ${max}, unique among the rule groups of each VPC (DNS Firewall evaluates the lowest first).`);
  }
  if (vpcIds.length > 0 && request.priority === undefined) {
    invalid(`The rule group is associated with the VPCs in ${vocabulary.vpcs} but has no priority. Give priority, from ${min} to ${max}: unique among the (at most ${ruleGroupsPerVpc}) rule groups each VPC has, lowest evaluated first.`);
  }
  for (const id of vpcIds.filter((v) => !isUnresolved(v))) {
    const reason = resourceIdReason('vpc', id);
    if (reason !== undefined) {
      invalid(`${vocabulary.vpcs}: '${id}' is not a VPC id: ${reason} Or pass ${vocabulary.vpcValue}.`);
    }
  }
  const seen = new Set<string>();
  for (const id of vpcIds) {
    if (seen.has(id)) {
      invalid(`${readable(id)} is listed twice in ${vocabulary.vpcs}: a rule group can be associated with a VPC once. List each VPC once.`);
    }
    seen.add(id);
  }
}

const ASSOCIATION_NAME_PREFIX = 'apple-dns-firewall-';

/** A key of letters, digits and hyphens from a VPC id or placeholder: `{Test/Vpc}` → `Test-Vpc`. */
function slug(vpcId: string): string {
  return vpcId.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'vpc';
}

/**
 * The key of each VPC's association, from the VPC alone (never from its place in the list). A key
 * too long for AWS's association name, or shared by two VPCs (`{a/b}` and `{a-b}`), is shortened or
 * told apart by a hash of the VPC's own id or placeholder.
 */
function associationKeys(vpcIds: readonly string[]): string[] {
  const room = DNS_FIREWALL_QUOTAS.associationNameMaxLength - ASSOCIATION_NAME_PREFIX.length;
  const slugs = vpcIds.map(slug);
  const hashed = (vpcId: string, base: string) => {
    const hash = fnv1a(vpcId).toString(16).padStart(8, '0');
    return `${base.slice(0, room - hash.length - 1)}-${hash}`;
  };
  return slugs.map((key, index) => (key.length > room || slugs.filter((other) => other === key).length > 1 ? hashed(vpcIds[index]!, key) : key));
}

/**
 * Claims each VPC's priority in its ledger, all or none: two rule groups at one priority in a VPC,
 * or more rule groups than AWS's quota per VPC, are problems.
 */
function claimVpcs(request: DnsFirewallRequest, associations: readonly DnsFirewallAssociationDesign[]): readonly Problem[] {
  const { ledgers, vocabulary, readable = (text: string) => text } = request;
  if (ledgers === undefined) {
    return [];
  }
  const claims = associations.map((association) => ({
    ledger: ledgers.ledgerOf(association.vpcId),
    claim: { owner: ledgers.owner, claimant: vocabulary.claimant, vpcName: `'${readable(association.vpcId)}'`, priority: association.priority },
  }));
  const problems = claims.flatMap(({ ledger, claim }) => ledger.check(claim));
  if (problems.length === 0) {
    for (const { ledger, claim } of claims) {
      ledger.record(claim);
    }
  }
  return problems;
}

/**
 * Plans a DNS Firewall rule group for an adapter: the core's plan, the VPC associations at the
 * given priority, each keyed by its VPC, and one warning per notice.
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
  const vpcIds = request.vpcIds ?? [];
  const keys = associationKeys(vpcIds);
  const associations = vpcIds.map((vpcId, index) => ({ vpcId, priority: request.priority!, key: keys[index]!, name: `${ASSOCIATION_NAME_PREFIX}${keys[index]!}` }));
  const claimProblems = claimVpcs(request, associations);
  if (claimProblems.length > 0) {
    return { ok: false, problems: claimProblems };
  }
  return { ok: true, value: { plan, associations, warnings: plannedWarnings(plan.notices, { readable }) } };
}
