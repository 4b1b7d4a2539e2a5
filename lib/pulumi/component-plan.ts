/**
 * Everything a component decides before it creates a resource: where the rules go, the resolved
 * policies, the network ACL entries and the warnings. Every problem is gathered, so one error
 * lists them all. Creates no resources, so the component can refuse bad input up front.
 */
import { ApplePortsError, AWS_QUOTAS, DEFAULT_NETWORK_ACL_ENTRIES, checkSecurityGroupQuota, findProfile, planNetworkAcl, resolve, type Direction, type Problem, type NetworkAclEntryPlan, type PolicySelection, type ResolvedPolicy } from '../core';
import { peerKey } from '../core/internal';
import type { AppleServicesCommonArgs, PulumiDestination } from './apple-services-args';
import { InputReferences } from './input-references';

/** What a component's args look like to the planner, whichever the direction. */
export interface PlannerArgs extends AppleServicesCommonArgs {
  /** Destinations (egress) or sources (ingress). */
  readonly peers?: readonly PulumiDestination[];
  readonly appleNetworkPeers?: readonly PulumiDestination[];
}

/** The component being planned, for messages. */
export interface PlannerSubject {
  /** `'AppleServicesEgress'` or `'AppleServicesIngress'`. */
  readonly typeName: string;
  readonly direction: Direction;
  /** What the peers argument is called: `'destinations'` or `'sources'`. */
  readonly peersName: string;
}

/** One thing wrong with a component's args; `code` is stable, `message` names the fix. */
export interface ComponentProblem {
  readonly code: string;
  readonly message: string;
}

/** Whether the component creates a resource, uses an existing one, or has none. */
export type TargetMode = 'create' | 'existing' | 'none';

/** The outcome of planning a component. */
export interface ComponentPlan {
  readonly securityGroup: TargetMode;
  readonly networkAcl: TargetMode;
  /** The resolved selection, as the security group holds it. */
  readonly policy: ResolvedPolicy;
  /** The selection resolved within the network ACL budget, when the component has an ACL. */
  readonly networkAclPolicy?: ResolvedPolicy;
  readonly networkAclEntries: readonly NetworkAclEntryPlan[];
  /** Entries allowed per direction and address family in the ACL. */
  readonly networkAclBudget: number;
  /** Placeholders the policies use for Pulumi outputs. */
  readonly references: InputReferences;
  /** `apple-ports:<code>: …` lines to log as warnings. */
  readonly warnings: readonly string[];
}

/** Either a plan or every problem found. */
export type PlanResult = { readonly ok: true; readonly plan: ComponentPlan } | { readonly ok: false; readonly problems: readonly ComponentProblem[] };

const ATTACH_CHOICES =
  'Attach them in one of four ways: pass vpcId (a security group is created), securityGroupId (an existing group), subnetIds with vpcId (a network ACL is created for those subnets) or networkAclId (entries are added to an existing network ACL).';

const COMPONENT_FOR: Record<Direction, string> = { egress: 'AppleServicesEgress', ingress: 'AppleServicesIngress' };

function targets(args: PlannerArgs, problems: ComponentProblem[]): { securityGroup: TargetMode; networkAcl: TargetMode } {
  const securityGroup: TargetMode = args.securityGroupId !== undefined ? 'existing' : args.vpcId !== undefined ? 'create' : 'none';
  let networkAcl: TargetMode = args.networkAclId !== undefined ? 'existing' : 'none';
  if (args.subnetIds !== undefined) {
    if (args.networkAclId !== undefined) {
      problems.push({
        code: 'conflicting-network-acl-targets',
        message: 'Pass either subnetIds (a network ACL is created and associated with them) or networkAclId (entries are added to that ACL), not both.',
      });
    } else if (!Array.isArray(args.subnetIds)) {
      problems.push({
        code: 'subnet-list-output',
        message:
          'subnetIds must be a list whose length is known when the program runs (each id may be an Output). A list that is itself an Output, such as awsx\'s vpc.privateSubnetIds, cannot be counted before deployment: pass the subnets one by one, e.g. [subnetA.id, subnetB.id], or associate an ACL of your own and pass networkAclId.',
      });
    } else if (args.subnetIds.length === 0) {
      problems.push({ code: 'empty-subnets', message: 'subnetIds is empty. Name the subnets the network ACL protects, or leave subnetIds out.' });
    } else if (args.vpcId === undefined) {
      problems.push({
        code: 'subnets-without-vpc',
        message: 'subnetIds needs vpcId, the VPC the network ACL is created in. Pass vpcId as well, or pass networkAclId to add entries to an existing network ACL.',
      });
    } else {
      networkAcl = 'create';
    }
  }
  if (securityGroup === 'none' && networkAcl === 'none' && problems.length === 0) {
    problems.push({ code: 'no-target', message: `The rules are attached to nothing, so they open no ports. ${ATTACH_CHOICES}` });
  }
  if (args.appleNetworkPeers !== undefined && args.peers !== undefined && !args.peers.includes('apple-network')) {
    problems.push({
      code: 'apple-network-peers-unused',
      message: "appleNetworkPeers stand for 'apple-network', which destinations does not name, so no rule would use them. Add 'apple-network' to destinations, or leave destinations out: with appleNetworkPeers it defaults to ['apple-network'].",
    });
  }
  const quota = args.securityGroupRuleQuota;
  if (quota !== undefined && !(Number.isInteger(quota) && quota >= 1)) {
    problems.push({
      code: 'invalid-quota',
      message: `securityGroupRuleQuota ${String(quota)} is not a rule count. Use your account's rules-per-security-group quota, a whole number (AWS's default is ${AWS_QUOTAS.securityGroupRulesPerDirection}).`,
    });
  }
  return { securityGroup, networkAcl };
}

/** A profile is meant for one direction; the resolver would silently drop its other services. */
function checkProfiles(args: PlannerArgs, subject: PlannerSubject, problems: ComponentProblem[]): void {
  for (const id of args.profiles ?? []) {
    const profile = findProfile(String(id));
    if (profile && profile.direction !== subject.direction) {
      problems.push({
        code: 'profile-direction',
        message: `Profile '${profile.id}' is meant for ${profile.direction}, but ${subject.typeName} opens ${subject.direction}. Use it with ${COMPONENT_FOR[profile.direction]}, or select its products (${profile.products.join(', ')}) here.`,
      });
    }
  }
}

/** Runs a core step, turning its `ApplePortsError` into problems, each prefixed with `context`. */
function attempt<T>(problems: ComponentProblem[], step: () => T, context?: string, reword: (problem: Problem) => Problem = (p) => p): T | undefined {
  try {
    return step();
  } catch (error) {
    if (error instanceof ApplePortsError) {
      problems.push(...error.problems.map(reword).map((p) => ({ code: p.code, message: context ? `${context}: ${p.message}` : p.message })));
      return undefined;
    }
    throw error;
  }
}

/**
 * Widening closes gaps between the ports of one protocol and CIDR, never across them, so the ACL
 * needs at least one entry per protocol and CIDR. Checked here because the resolver's own message
 * speaks of security groups.
 */
function checkNetworkAclFits(policy: ResolvedPolicy, maxRules: number, problems: ComponentProblem[]): boolean {
  const before = problems.length;
  for (const family of ['ipv4', 'ipv6'] as const) {
    const groups = new Set(policy.rules.filter((rule) => rule.peer.kind === family).map((rule) => `${rule.protocol} ${peerKey(rule.peer)}`));
    if (groups.size > maxRules) {
      problems.push({
        code: 'network-acl-quota',
        message: `The network ACL needs at least ${groups.size} ${family === 'ipv4' ? 'IPv4' : 'IPv6'} ${policy.direction} entries (one per protocol and CIDR, even with every port gap closed), more than the ${maxRules} allowed. Name fewer CIDRs, use a security group instead, or raise the quota and networkAclOptions.maxEntries (at most ${AWS_QUOTAS.networkAclRulesPerDirectionMax - 1}).`,
      });
    }
  }
  return problems.length === before;
}

/** Every notice of the policy; of the ACL's, only the widening, as its other notices are the same. */
function warningLines(policy: ResolvedPolicy, networkAclPolicy: ResolvedPolicy | undefined, networkAclBudget: number): string[] {
  const lines = policy.notices.map((n) => `apple-ports:${n.code}: ${n.message}`);
  for (const n of networkAclPolicy?.notices ?? []) {
    if (n.code === 'budget-widened') {
      lines.push(`apple-ports:network-acl-${n.code}: Network ACL entries (networkAclOptions.maxEntries ${networkAclBudget}): ${n.message}`);
    }
  }
  return lines;
}

/** Validates a component's args, resolves its policies and plans its ACL entries. */
export function planComponent(args: PlannerArgs, subject: PlannerSubject): PlanResult {
  const problems: ComponentProblem[] = [];
  const mode = targets(args, problems);
  checkProfiles(args, subject, problems);
  const references = new InputReferences();
  const destinations = references.toCoreDestinations(args.peers, subject.peersName, problems);
  // Unused peers are reported once, above, with the fix that fits this component's default; the
  // resolver is not asked about them again.
  const unusedPeers = problems.some((p) => p.code === 'apple-network-peers-unused');
  const appleNetworkPeers = unusedPeers ? undefined : references.toCoreDestinations(args.appleNetworkPeers, 'appleNetworkPeers', problems);
  const selection: PolicySelection = {
    products: args.products,
    profiles: args.profiles,
    direction: subject.direction,
    ipv6: args.ipv6,
    includeLegacy: args.includeLegacy,
    includeLinkLocal: args.includeLinkLocal,
    exclude: args.exclude,
    extraRules: args.extraRules,
    maxRules: args.maxRules,
    ...(destinations !== undefined ? { destinations } : {}),
    ...(appleNetworkPeers !== undefined ? { appleNetworkPeers } : {}),
  };
  if (problems.some((p) => p.code === 'profile-direction' || p.code === 'unwrapped-output' || p.code === 'invalid-reference')) {
    // The resolver would only add noise: a profile's products all refused for the direction, or
    // a list emptied of the peers it could not read.
    return { ok: false, problems };
  }
  // Network ACL entries take CIDRs only: a prefix list apple-ports filled from the catalogue is
  // swapped for its CIDRs there, while the security group references the list.
  const networkAclSelection: PolicySelection = references.hasNetworkAclStandIns
    ? {
        ...selection,
        ...(destinations !== undefined ? { destinations: references.toNetworkAclDestinations(destinations) } : {}),
        ...(appleNetworkPeers !== undefined ? { appleNetworkPeers: references.toNetworkAclDestinations(appleNetworkPeers) } : {}),
      }
    : selection;
  const options = { isUnresolved: references.isPlaceholder };
  const reword = (problem: Problem): Problem => rewordForArgs(problem, subject);
  const policy = attempt(problems, () => resolve(selection, options), undefined, reword);
  const networkAclOptions = args.networkAclOptions ?? {};
  if (policy !== undefined && args.networkAclOptions !== undefined) {
    // Plans no entries, only checks the options, so bad ones fail even without an ACL.
    attempt(problems, () => planNetworkAcl({ ...policy, rules: [] }, networkAclOptions), 'networkAclOptions');
  }
  if (policy === undefined || problems.length > 0) {
    return { ok: false, problems };
  }
  if (mode.securityGroup !== 'none') {
    attempt(problems, () => checkSecurityGroupQuota(policy, args.securityGroupRuleQuota ?? AWS_QUOTAS.securityGroupRulesPerDirection));
  }
  const networkAclBudget = networkAclOptions.maxEntries ?? DEFAULT_NETWORK_ACL_ENTRIES;
  let networkAclPolicy: ResolvedPolicy | undefined;
  let networkAclEntries: NetworkAclEntryPlan[] = [];
  if (mode.networkAcl !== 'none') {
    const maxRules = Math.min(networkAclBudget, args.maxRules ?? networkAclBudget);
    const unwidened =
      networkAclSelection === selection ? policy : attempt(problems, () => resolve({ ...networkAclSelection, maxRules: undefined }, options), 'network ACL', reword);
    if (unwidened !== undefined && checkNetworkAclFits(unwidened, maxRules, problems)) {
      networkAclPolicy = attempt(problems, () => resolve({ ...networkAclSelection, maxRules }, options), `network ACL (at most ${maxRules} entries per direction and address family)`, reword);
    }
    if (networkAclPolicy !== undefined) {
      const aclPolicy = networkAclPolicy;
      networkAclEntries = attempt(problems, () => planNetworkAcl(aclPolicy, networkAclOptions), 'network ACL') ?? [];
    }
  }
  if (problems.length > 0) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    plan: {
      ...mode,
      policy,
      ...(networkAclPolicy !== undefined ? { networkAclPolicy } : {}),
      networkAclEntries,
      networkAclBudget,
      references,
      warnings: warningLines(policy, networkAclPolicy, networkAclBudget),
    },
  };
}

/** The core names ingress sources `destinations`; the ingress component's argument is `sources`. */
function rewordForArgs(problem: Problem, subject: PlannerSubject): Problem {
  if (problem.code !== 'ingress-without-sources') {
    return problem;
  }
  return {
    ...problem,
    message: `${subject.peersName} is empty: name who may connect, e.g. a bastion security group ({ securityGroupId: bastion.id }), an admin CIDR ('203.0.113.0/24') or a prefix list ('pl-…'). There is no default; 'anywhere' works but warns.`,
  };
}
