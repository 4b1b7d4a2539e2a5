/**
 * The planner behind `AppleServicesEgress` and `AppleServicesIngress`, for the CDK and Pulumi
 * alike: where the rules go, the resolved policies, the network ACL entries, every problem and
 * every warning, decided once. An adapter translates its deploy-time values into placeholders
 * first, hands the request here, and renders the design: it decides nothing itself.
 */
import { AWS_QUOTAS } from '../aws/facts';
import { countRulesByFamily, networkAclBudget, networkAclOverBudgetProblem, planNetworkAcl, securityGroupQuotaProblems, type NetworkAclBudget, type NetworkAclEntryPlan, type NetworkAclOptions } from '../aws';
import type { Direction } from '../catalogue';
import { API_TERMS, peerKey, peersField, resolve, type Destination, type NoticeCode, type Peer, type PolicyRule, type ResolvedPolicy, type SelectionTerms } from '../policy';
import type { Problem } from '../problems';
import { attempt, type PlanOutcome } from './outcome';
import type { AppleServicesSelection } from './selection';
import { plannedWarnings, type PlannedWarning } from './warnings';

/** How an adapter names itself and its props, so the planner's messages speak its language. */
export interface AdapterVocabulary {
  /** The class for each direction: `AppleServicesEgress`, `AppleServicesIngress`. */
  readonly typeName: Readonly<Record<Direction, string>>;
  /** What the class is: a CDK `construct` or a Pulumi `component`. */
  readonly claimant: 'construct' | 'component';
  /** The target props: `vpc`/`vpcId`, `securityGroup`/`securityGroupId`, `subnets`/`subnetIds`, `networkAcl`/`networkAclId`. */
  readonly props: { readonly vpc: string; readonly securityGroup: string; readonly subnets: string; readonly networkAcl: string };
  /** Examples of sources, in the adapter's syntax, for an ingress without any. */
  readonly peerExamples: string;
  /**
   * How the rules can be attached after construction, e.g. "call applyTo(...) / applyToNetworkAcl(...)";
   * with it, attaching nothing is reported when the app is synthesized rather than at once.
   * @default the rules must be attached at construction
   */
  readonly attachLater?: string;
  /** How to add an existing network ACL to more subnets, for the conflicting-targets message. @default none */
  readonly associateMore?: string;
}

/** What the user gave as targets (values only known at deploy time count as given). */
export interface TargetRequest {
  /** A VPC to create a security group (and a network ACL for subnets) in. */
  readonly vpc: boolean;
  /** An existing security group. */
  readonly securityGroup: boolean;
  /**
   * Subnets to create a network ACL for: `list` (usable), `empty` (an empty list), `output` (a
   * list only known at deploy time, which cannot be counted).
   * @default not given
   */
  readonly subnets?: 'list' | 'empty' | 'output';
  /** An existing network ACL. */
  readonly networkAcl: boolean;
}

/** Whether a resource is created, given, or absent. */
export type TargetMode = 'create' | 'existing' | 'none';

/** The request an adapter makes, with deploy-time values as placeholders. */
export interface ServicesRequest extends AppleServicesSelection {
  readonly direction: Direction;
  /** The destinations (egress) or sources (ingress). @default the resolver's default */
  readonly peers?: readonly Destination[];
  /** What `'apple-network'` stands for. @default Apple's published network */
  readonly appleNetworkPeers?: readonly Destination[];
  /**
   * Prefix lists (by id or placeholder) whose entries apple-ports wrote from the catalogue, with
   * their CIDRs: network ACL entries, which cannot reference a list, use the CIDRs instead.
   * @default none
   */
  readonly networkAclStandIns?: ReadonlyMap<string, readonly Peer[]>;
  /**
   * Security-group peers (by id or placeholder) the user created in the same app or program and
   * handed over as groups rather than ids: each gets the matching rule on its side, as the CDK's
   * `connections.allowTo/allowFrom` do, so the traffic is allowed at both ends.
   * @default none: peer groups given by id are left untouched
   */
  readonly ownedSecurityGroups?: ReadonlySet<string>;
  readonly target: TargetRequest;
  /** @default rule numbers, return ports and budget as `planNetworkAcl` defaults them */
  readonly networkAclOptions?: NetworkAclOptions;
  /** Rules per direction and family a security group may hold. @default {@link AWS_QUOTAS}.securityGroupRulesPerDirection */
  readonly securityGroupRuleQuota?: number;
  /** True for a placeholder of a deploy-time value. @default () => false */
  readonly isUnresolved?: (value: string) => boolean;
  /** Names placeholders in messages as the user knows the values. @default the text as is */
  readonly readable?: (text: string) => string;
  readonly vocabulary: AdapterVocabulary;
}

/** The network ACL side of a design. */
export interface NetworkAclDesign {
  /** The selection resolved within the entry budget (only the ACL is widened). */
  readonly policy: ResolvedPolicy;
  readonly entries: readonly NetworkAclEntryPlan[];
  /** Entries allowed per direction and address family. */
  readonly budget: number;
  /** Ports the budget forced open, as `apple-ports:network-acl-budget-widened`. */
  readonly warnings: readonly PlannedWarning[];
}

/** The notices of a network ACL's own plan, raised as `apple-ports:network-acl-<code>`. */
export type NetworkAclWarningCode = Extract<NoticeCode, 'budget-widened'> | 'path-mtu-discovery-off';

/** A rule on a peer security group that lets the traffic leave (or enter) at its end too. */
export interface MatchingRule {
  /** The peer group (its id or placeholder) the rule goes on. */
  readonly group: string;
  /** The direction on the peer group: the opposite of the policy's. */
  readonly direction: Direction;
  readonly protocol: PolicyRule['protocol'];
  readonly fromPort: number;
  readonly toPort: number;
  readonly description: string;
}

/** What an adapter renders. */
export interface ServicesDesign {
  readonly securityGroup: TargetMode;
  readonly networkAcl: TargetMode;
  /** The resolved policy, as security groups hold it. */
  readonly policy: ResolvedPolicy;
  /** Rules per direction and family a security group may hold. */
  readonly securityGroupRuleQuota: number;
  /** One per notice of the policy. */
  readonly warnings: readonly PlannedWarning[];
  /** The rules owned peer groups get so the traffic is allowed at their end too. */
  readonly matchingRules: readonly MatchingRule[];
  /** The terms the planner words messages in, for the ledgers' checks. */
  readonly terms: SelectionTerms;
  /** The network ACL design: planned with the rest when the request names an ACL, else on first use. */
  readonly networkAclDesign: () => PlanOutcome<NetworkAclDesign>;
  /** Why rules attached to nothing open nothing, and the ways to attach them. */
  readonly unattachedMessage: string;
}

/** The adapter's terms: its props keep the selection's names; directions are its classes. */
function adapterTerms(vocabulary: AdapterVocabulary): SelectionTerms {
  return {
    ...API_TERMS,
    direction: (direction) => vocabulary.typeName[direction],
    chooseDirection: `Use ${vocabulary.typeName.egress} or ${vocabulary.typeName.ingress}.`,
    peerExamples: vocabulary.peerExamples,
  };
}

function attachChoices(vocabulary: AdapterVocabulary): string {
  const { vpc, securityGroup, subnets, networkAcl } = vocabulary.props;
  const ways = `pass ${vpc} (a security group is created), ${securityGroup} (an existing group), ${subnets} with ${vpc} (a network ACL is created for those subnets) or ${networkAcl} (entries are added to an existing network ACL)`;
  return vocabulary.attachLater ? `Attach them in one of five ways: ${ways}, or ${vocabulary.attachLater}.` : `Attach them in one of four ways: ${ways}.`;
}

/** Where the rules go, and every problem with the targets given. */
function planTargets(request: ServicesRequest, problems: Problem[]): { securityGroup: TargetMode; networkAcl: TargetMode } {
  const { target, vocabulary } = request;
  const { vpc, subnets, networkAcl } = vocabulary.props;
  const securityGroup: TargetMode = target.securityGroup ? 'existing' : target.vpc ? 'create' : 'none';
  let acl: TargetMode = target.networkAcl ? 'existing' : 'none';
  if (target.subnets !== undefined) {
    if (target.networkAcl) {
      problems.push({
        code: 'conflicting-network-acl-targets',
        message: `Pass either ${subnets} (a network ACL is created and associated with them) or ${networkAcl} (entries are added to that ACL), not both.${vocabulary.associateMore ? ` ${vocabulary.associateMore}` : ''}`,
      });
    } else if (target.subnets === 'output') {
      problems.push({
        code: 'subnet-list-output',
        message: `${subnets} must be a list whose length is known when the program runs (each id may be an Output). A list that is itself an Output, such as awsx's vpc.privateSubnetIds, cannot be counted before deployment: pass the subnets one by one, e.g. [subnetA.id, subnetB.id], or associate an ACL of your own and pass ${networkAcl}.`,
      });
    } else if (target.subnets === 'empty') {
      problems.push({ code: 'empty-subnets', message: `${subnets} is empty. Name the subnets the network ACL protects, or leave ${subnets} out.` });
    } else if (!target.vpc) {
      problems.push({
        code: 'subnets-without-vpc',
        message: `${subnets} needs ${vpc}, the VPC the network ACL is created in. Pass ${vpc} as well, or pass ${networkAcl} to add entries to an existing network ACL.`,
      });
    } else {
      acl = 'create';
    }
  }
  if (securityGroup === 'none' && acl === 'none' && problems.length === 0 && !vocabulary.attachLater) {
    problems.push({ code: 'no-target', message: `The rules are attached to nothing, so they open no ports. ${attachChoices(vocabulary)}` });
  }
  return { securityGroup, networkAcl: acl };
}

/** Problems with options the resolver does not read. */
function checkOptions(request: ServicesRequest, problems: Problem[]): void {
  const peers = peersField(request.direction);
  if (request.appleNetworkPeers !== undefined && request.peers !== undefined && !request.peers.includes('apple-network')) {
    problems.push({
      code: 'apple-network-peers-unused',
      message: `appleNetworkPeers stand for 'apple-network', which ${peers} does not name, so no rule would use them. Add 'apple-network' to ${peers}, or leave ${peers} out: with appleNetworkPeers it defaults to ['apple-network'].`,
    });
  }
  const quota = request.securityGroupRuleQuota;
  if (quota !== undefined && !(Number.isInteger(quota) && quota >= 1)) {
    problems.push({
      code: 'invalid-quota',
      message: `securityGroupRuleQuota ${String(quota)} is not a rule count. Use your account's rules-per-security-group quota, a whole number (AWS's default is ${AWS_QUOTAS.securityGroupRulesPerDirection}).`,
    });
  }
}

/** The peers with every catalogue prefix list swapped for its CIDRs, which ACL entries take. */
function withStandIns(peers: readonly Destination[] | undefined, standIns: ReadonlyMap<string, readonly Peer[]>): Destination[] | undefined {
  return peers?.flatMap((peer): Destination[] => {
    const cidrs = typeof peer === 'object' && peer.kind === 'prefix-list' ? standIns.get(peer.id) : undefined;
    return cidrs ? [...cidrs] : [peer];
  });
}

/**
 * Widening closes gaps between the ports of one protocol and CIDR, never across them, so the ACL
 * needs at least one entry per protocol and CIDR whatever its budget. The resolver's own
 * `budget-too-small` speaks of `maxRules` and security groups, so the ACL is checked here first.
 */
function networkAclFitProblems(policy: ResolvedPolicy, budget: NetworkAclBudget, maxRules: number): Problem[] {
  return (['ipv4', 'ipv6'] as const).flatMap((family) => {
    const needed = new Set(policy.rules.filter((rule) => rule.peer.kind === family).map((rule) => `${rule.protocol} ${peerKey(rule.peer)}`)).size;
    return needed > maxRules
      ? [networkAclOverBudgetProblem({ needed, family, direction: policy.direction, atLeast: true, budget, maxRules, maxEntriesField: 'networkAclOptions.maxEntries' })]
      : [];
  });
}

/**
 * Whether resolving the policy's selection with `maxRules` returns the same rules and notices: it
 * widened nothing, and each address family already holds at most `maxRules` rules, counted as the
 * resolver's budget counts them.
 */
function fitsUnchanged(policy: ResolvedPolicy, maxRules: number): boolean {
  const counts = countRulesByFamily(policy);
  return policy.rules.every((rule) => rule.widened.length === 0) && counts.ipv4 <= maxRules && counts.ipv6 <= maxRules;
}

/**
 * Plans the network ACL side: the selection (with catalogue prefix lists as their CIDRs) resolved
 * within the entry budget, and the entries with their stable rule numbers.
 */
function planNetworkAclSide(request: ServicesRequest, policy: ResolvedPolicy, terms: SelectionTerms, reword: (problem: Problem) => Problem): PlanOutcome<NetworkAclDesign> {
  const problems: Problem[] = [];
  const options = request.networkAclOptions ?? {};
  // Path MTU Discovery takes one entry each way in every family in use; the rules get the rest.
  const aclBudget = networkAclBudget(options);
  const { maxEntries: budget, forRules } = aclBudget;
  const maxRules = Math.min(forRules, request.maxRules ?? forRules);
  // The limit that binds is named in the ACL's messages: the entry budget, or maxRules below it.
  const limit = maxRules < forRules ? 'maxRules' : forRules < budget ? `the entries networkAclOptions.maxEntries ${budget} leaves after Path MTU Discovery:` : 'networkAclOptions.maxEntries';
  const aclTerms: SelectionTerms = { ...terms, field: (field) => (field === 'maxRules' ? limit : terms.field(field)) };
  const standIns = request.networkAclStandIns ?? new Map<string, readonly Peer[]>();
  const swapped = standIns.size > 0;
  const selection = selectionOf(request, swapped ? withStandIns(request.peers, standIns) : request.peers, swapped ? withStandIns(request.appleNetworkPeers, standIns) : request.appleNetworkPeers);
  const resolveOptions = { isUnresolved: request.isUnresolved, terms: aclTerms };
  const unwidened = swapped ? attempt(problems, () => resolve({ ...selection, maxRules: undefined }, resolveOptions), { context: 'network ACL', reword }) : policy;
  if (unwidened === undefined) {
    return { ok: false, problems };
  }
  problems.push(...networkAclFitProblems(unwidened, aclBudget, maxRules));
  if (problems.length > 0) {
    return { ok: false, problems };
  }
  // A policy that widened nothing and fits the budget is what resolving it within the budget
  // returns, so it is not resolved twice.
  const aclPolicy = fitsUnchanged(unwidened, maxRules)
    ? { ...unwidened, maxRules }
    : attempt(problems, () => resolve({ ...selection, maxRules }, resolveOptions), { context: `network ACL (at most ${maxRules} entries per direction and address family)`, reword });
  const entries = aclPolicy && attempt(problems, () => planNetworkAcl(aclPolicy, options, aclTerms), { context: 'network ACL', reword });
  if (aclPolicy === undefined || entries === undefined) {
    return { ok: false, problems };
  }
  const widened = aclPolicy.notices.filter((notice) => notice.code === 'budget-widened');
  const pathMtuOff: { readonly code: NetworkAclWarningCode; readonly message: string }[] =
    options.pathMtuDiscovery === false
      ? [
          {
            code: 'path-mtu-discovery-off',
            message:
              'pathMtuDiscovery is false, so the network ACL drops the ICMP messages Path MTU Discovery needs (fragmentation needed, packet too big): a transfer to a peer on a path with a smaller MTU can stall instead of shrinking its packets. Leave pathMtuDiscovery on unless every path has the same MTU.',
          },
        ]
      : [];
  return {
    ok: true,
    value: {
      policy: aclPolicy,
      entries,
      budget,
      // The other notices are the security-group policy's too, and raised with it.
      warnings: [
        ...plannedWarnings(widened, { readable: request.readable, idPrefix: 'network-acl-', messagePrefix: 'Network ACL entries: ' }),
        ...plannedWarnings(pathMtuOff, { idPrefix: 'network-acl-' }),
      ],
    },
  };
}

/** The rules owned peer groups need for the policy's rules to them. */
function matchingRules(policy: ResolvedPolicy, owned: ReadonlySet<string>): MatchingRule[] {
  return policy.rules.flatMap((rule) =>
    rule.peer.kind === 'security-group' && owned.has(rule.peer.id)
      ? [{ group: rule.peer.id, direction: policy.direction === 'egress' ? 'ingress' : 'egress', protocol: rule.protocol, fromPort: rule.fromPort, toPort: rule.toPort, description: rule.description }]
      : [],
  );
}

/** The resolver's selection for a request and its peers. */
function selectionOf(request: ServicesRequest, peers: readonly Destination[] | undefined, appleNetworkPeers: readonly Destination[] | undefined) {
  return {
    products: request.products,
    profiles: request.profiles,
    direction: request.direction,
    ipv6: request.ipv6,
    includeLegacy: request.includeLegacy,
    includeLinkLocal: request.includeLinkLocal,
    exclude: request.exclude,
    extraRules: request.extraRules,
    maxRules: request.maxRules,
    ...(peers !== undefined ? { destinations: peers } : {}),
    ...(appleNetworkPeers !== undefined ? { appleNetworkPeers } : {}),
  };
}

/**
 * Plans an `AppleServicesEgress` or `AppleServicesIngress`: validates the targets and options,
 * resolves the selection, checks it against the security-group quota when a group holds it, and
 * plans the network ACL entries when an ACL does. Returns every problem at once.
 */
export function planServices(request: ServicesRequest): PlanOutcome<ServicesDesign> {
  const problems: Problem[] = [];
  const terms = adapterTerms(request.vocabulary);
  const readable = request.readable ?? ((text: string) => text);
  const reword = (problem: Problem): Problem => ({ ...problem, message: readable(problem.message) });
  const mode = planTargets(request, problems);
  checkOptions(request, problems);
  const unusedPeers = problems.some((p) => p.code === 'apple-network-peers-unused');
  // Unused apple-network peers are reported once, above, with the fix that fits the adapter's default.
  const selection = selectionOf(request, request.peers, unusedPeers ? undefined : request.appleNetworkPeers);
  const policy = attempt(problems, () => resolve(selection, { isUnresolved: request.isUnresolved, terms }), { reword });
  if (policy !== undefined && request.networkAclOptions !== undefined) {
    // Plans no entries, only checks the options, so bad ones fail even without an ACL.
    attempt(problems, () => planNetworkAcl({ ...policy, rules: [] }, request.networkAclOptions), { context: 'networkAclOptions', reword });
  }
  const quota = request.securityGroupRuleQuota ?? AWS_QUOTAS.securityGroupRulesPerDirection;
  if (policy !== undefined && mode.securityGroup !== 'none' && problems.length === 0) {
    problems.push(...securityGroupQuotaProblems(policy, quota, terms));
  }
  if (policy === undefined || problems.length > 0) {
    return { ok: false, problems };
  }
  let networkAcl: PlanOutcome<NetworkAclDesign> | undefined;
  const networkAclDesign = () => (networkAcl ??= planNetworkAclSide(request, policy, terms, reword));
  if (mode.networkAcl !== 'none') {
    const planned = networkAclDesign();
    if (!planned.ok) {
      return planned;
    }
  }
  return {
    ok: true,
    value: {
      ...mode,
      policy,
      securityGroupRuleQuota: quota,
      warnings: plannedWarnings(policy.notices, { readable }),
      matchingRules: matchingRules(policy, request.ownedSecurityGroups ?? new Set()),
      terms,
      networkAclDesign,
      unattachedMessage: `The rules are attached to nothing, so they open no ports. ${attachChoices(request.vocabulary)}`,
    },
  };
}
