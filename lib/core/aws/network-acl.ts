/**
 * Network ACL planning, shared by the CDK and Pulumi adapters. NACLs are stateless: every allow
 * needs a return entry in the other direction for the clients' ephemeral ports, and Path MTU
 * Discovery needs its ICMP messages let through both ways. Entries are numbered from a hash of
 * their content, so adding or removing a product leaves the numbers of the other entries alone;
 * renumbering an entry replaces it, and CloudFormation creates the replacement before it deletes
 * the old entry, which fails when the number is still taken.
 */
import { getEphemeralPorts, type Direction, type EphemeralPortRange } from '../catalogue';
import {
  ANY_IPV4,
  ANY_IPV6,
  API_TERMS,
  cidrContains,
  describeRule,
  familyName,
  formatPeer,
  peersField,
  type AddressFamily,
  type PolicyRule,
  type ResolvedPolicy,
  type SelectionTerms,
} from '../policy';
import { PORT_NUMBERS, formatPortRange, isPortNumber, type PortRange, type Protocol } from '../ports';
import { throwIfProblems, type Problem } from '../problems';
import { AWS_QUOTAS, NETWORK_ACL_NUMBERING, PATH_MTU_DISCOVERY_ICMP } from './facts';

/**
 * Where return traffic goes: a client ephemeral range the catalogue names — `'aws-nat-gateway'`
 * when a NAT gateway or load balancer in the subnet makes the connections, `'macos'` when Macs in
 * the subnet make them themselves — or a range of your own.
 */
export type ReturnPorts = EphemeralPortRange['id'] | PortRange;

/** Options for a policy's network ACL entries. */
export interface NetworkAclOptions {
  /**
   * The lowest rule number the entries may take.
   * @default {@link NETWORK_ACL_NUMBERING}.firstRuleNumber
   */
  readonly firstRuleNumber?: number;
  /**
   * The distance between usable rule numbers, leaving room for hand-written entries between them.
   * @default {@link NETWORK_ACL_NUMBERING}.ruleNumberStep
   */
  readonly ruleNumberStep?: number;
  /**
   * The highest rule number the entries may take; give each policy sharing one ACL its own range.
   * @default {@link AWS_QUOTAS}.networkAclMaxRuleNumber, the highest a user's entry may take
   */
  readonly lastRuleNumber?: number;
  /**
   * The client ports return traffic goes to: `'aws-nat-gateway'` (a NAT gateway or load balancer
   * in the subnet makes the connections), `'macos'` (Macs in the subnet make them, from macOS's
   * ephemeral range), or `{ fromPort, toPort }`. Both named ranges come from the catalogue.
   * @default 'aws-nat-gateway', which also covers macOS clients
   */
  readonly returnPorts?: ReturnPorts;
  /**
   * The most entries per direction and address family, the ACL's default deny entry excluded.
   * @default {@link DEFAULT_NETWORK_ACL_ENTRIES}: AWS's default quota less the default deny
   */
  readonly maxEntries?: number;
  /**
   * Allow the ICMP messages Path MTU Discovery needs, inbound and outbound, in each address family
   * the ACL allows ({@link PATH_MTU_DISCOVERY_ICMP}). Without them, large transfers to peers on the
   * internet (iCloud, software updates) can stall when a path's MTU is smaller.
   * @default true
   */
  readonly pathMtuDiscovery?: boolean;
}

/** Why an entry exists: an allow of the policy, the return path of one, or Path MTU Discovery. */
export type NetworkAclEntryPurpose = 'allow' | 'return' | 'path-mtu-discovery';

/** What every planned entry has. */
interface NetworkAclEntryBase {
  /** A stable, readable id for the entry (safe as a CDK construct id or Pulumi name suffix). */
  readonly id: string;
  /** The entry's rule number, from a hash of its content, on the numbering step. */
  readonly ruleNumber: number;
  /** True for an outbound entry. */
  readonly egress: boolean;
  /** The entry's address family. */
  readonly family: AddressFamily;
  /** The CIDR the entry allows traffic to or from. */
  readonly cidr: string;
  /** Why the entry exists: an allow, a return path, or Path MTU Discovery. */
  readonly purpose: NetworkAclEntryPurpose;
  /** What the entry is for (NACL entries carry no description in AWS; this is for review). */
  readonly description: string;
}

/** An entry for TCP or UDP ports. */
export interface NetworkAclPortEntryPlan extends NetworkAclEntryBase, PortRange {
  /** The entry's protocol. */
  readonly protocol: Protocol;
}

/** An entry for one ICMP (IPv4) or ICMPv6 message type and code. */
export interface IcmpEntryPlan<P extends 'icmp' | 'icmpv6'> extends NetworkAclEntryBase {
  /** The entry's protocol: ICMP for IPv4, ICMPv6 for IPv6. */
  readonly protocol: P;
  /** The ICMP message type the entry allows. */
  readonly icmpType: number;
  /** The ICMP message code the entry allows. */
  readonly icmpCode: number;
}

/** An entry for one ICMP or ICMPv6 message type and code. */
export type NetworkAclIcmpEntryPlan = IcmpEntryPlan<'icmp'> | IcmpEntryPlan<'icmpv6'>;

/** One planned network ACL entry. */
export type NetworkAclEntryPlan = NetworkAclPortEntryPlan | NetworkAclIcmpEntryPlan;

/** The default budget of entries per direction and family: AWS's quota less the default deny. */
export const DEFAULT_NETWORK_ACL_ENTRIES = AWS_QUOTAS.networkAclRulesPerDirection - 1;

/** The options with every default applied and the return range read from the catalogue. */
export interface ResolvedNetworkAclOptions {
  readonly firstRuleNumber: number;
  readonly ruleNumberStep: number;
  readonly lastRuleNumber: number;
  readonly returnPorts: PortRange;
  readonly maxEntries: number;
  readonly pathMtuDiscovery: boolean;
}

/** An entry before it has a rule number. */
type EntryDraft = (Omit<NetworkAclPortEntryPlan, 'ruleNumber'> | Omit<IcmpEntryPlan<'icmp'>, 'ruleNumber'> | Omit<IcmpEntryPlan<'icmpv6'>, 'ruleNumber'>) & { readonly key: string };

/** FNV-1a: a small, stable string hash (the same on every platform and Node version). */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The options with their defaults; the named return ranges come from the catalogue. */
export function resolveNetworkAclOptions(options: NetworkAclOptions = {}): ResolvedNetworkAclOptions {
  const returnPorts = options.returnPorts ?? 'aws-nat-gateway';
  const range = typeof returnPorts === 'string' ? getEphemeralPorts(returnPorts) : returnPorts;
  return {
    firstRuleNumber: options.firstRuleNumber ?? NETWORK_ACL_NUMBERING.firstRuleNumber,
    ruleNumberStep: options.ruleNumberStep ?? NETWORK_ACL_NUMBERING.ruleNumberStep,
    lastRuleNumber: options.lastRuleNumber ?? AWS_QUOTAS.networkAclMaxRuleNumber,
    returnPorts: { fromPort: range.fromPort, toPort: range.toPort },
    maxEntries: options.maxEntries ?? DEFAULT_NETWORK_ACL_ENTRIES,
    pathMtuDiscovery: options.pathMtuDiscovery ?? true,
  };
}

/** The entries Path MTU Discovery adds in each direction for each family in use: one each way. */
export function pathMtuEntriesPerDirection(options: NetworkAclOptions = {}): number {
  return (options.pathMtuDiscovery ?? true) ? 1 : 0;
}

/** A network ACL's entry budget per direction and address family, and what the rules get of it. */
export interface NetworkAclBudget {
  /** The entries apple-ports may add: `maxEntries`, or `DEFAULT_NETWORK_ACL_ENTRIES`. */
  readonly maxEntries: number;
  /** The entries Path MTU Discovery takes: one, or none with `pathMtuDiscovery: false`. */
  readonly pathMtuEntries: number;
  /** What is left for the rules' entries: the `maxRules` to resolve with. */
  readonly forRules: number;
}

/** The entry budget of a network ACL, worked out once for every caller from its options. */
export function networkAclBudget(options: NetworkAclOptions = {}): NetworkAclBudget {
  const maxEntries = options.maxEntries ?? DEFAULT_NETWORK_ACL_ENTRIES;
  const pathMtuEntries = pathMtuEntriesPerDirection(options);
  return { maxEntries, pathMtuEntries, forRules: maxEntries - pathMtuEntries };
}

/**
 * The rules a policy may have per address family for its network ACL entries to fit: the entry
 * budget less the Path MTU Discovery entry. Resolve with this as `maxRules` before `planNetworkAcl`.
 */
export function networkAclRuleBudget(options: NetworkAclOptions = {}): number {
  return networkAclBudget(options).forRules;
}

/** Entries a network ACL needs beyond its budget, in one direction and address family. */
export interface NetworkAclShortfall {
  /** The entries the rules need, Path MTU Discovery's left out. */
  readonly needed: number;
  readonly family: AddressFamily;
  readonly direction: Direction;
  /** True when every port gap is closed already, so widening cannot help. */
  readonly atLeast: boolean;
  readonly budget: NetworkAclBudget;
  /** A `maxRules` below the budget's, when that is what binds. @default none */
  readonly maxRules?: number;
  /** How the caller names `maxEntries`: `maxEntries`, `networkAclOptions.maxEntries`. */
  readonly maxEntriesField: string;
}

/** The fix every network ACL over budget offers last: `raise the quota and maxEntries (at most 39)`. */
export function raiseNetworkAclQuota(maxEntriesField: string): string {
  return `raise the quota and ${maxEntriesField} (at most ${AWS_QUOTAS.networkAclRulesPerDirectionMax - 1})`;
}

/** The one message for a network ACL over its entry budget: what it needs, what binds, and the fixes. */
export function networkAclOverBudgetProblem(shortfall: NetworkAclShortfall): Problem {
  const { needed, family, direction, atLeast, budget, maxRules, maxEntriesField: field } = shortfall;
  const allowed = maxRules !== undefined && maxRules < budget.forRules ? maxRules : budget.forRules;
  const binds =
    allowed < budget.forRules ? `maxRules ${allowed}` : budget.pathMtuEntries > 0 ? `${field} ${budget.maxEntries}, less one entry for Path MTU Discovery` : `${field} ${budget.maxEntries}`;
  const quota = raiseNetworkAclQuota(field);
  const fixes = atLeast ? `Name fewer CIDRs, use a security group instead, or ${quota}.` : `Resolve the policy with maxRules ${allowed} so ports are widened to fit, name fewer CIDRs, or ${quota}.`;
  return {
    code: 'network-acl-quota',
    message: `The network ACL needs ${atLeast ? 'at least ' : ''}${needed} ${familyName(family)} ${direction} entries${atLeast ? ' (one per protocol and CIDR, even with every port gap closed)' : ''}, more than the ${allowed} allowed (${binds}). ${fixes}`,
  };
}

/** The CIDR of a rule's peer, or one problem per peer a network ACL cannot hold (not one per rule). */
function cidrOf(rule: PolicyRule, direction: Direction, problems: Problem[], terms: SelectionTerms): { cidr: string; family: AddressFamily } | undefined {
  if (rule.peer.kind === 'ipv4' || rule.peer.kind === 'ipv6') {
    return { cidr: rule.peer.cidr, family: rule.peer.kind };
  }
  const peer = `the ${rule.peer.kind === 'prefix-list' ? 'prefix list' : 'security group'} '${formatPeer(rule.peer)}'`;
  const message = `Network ACL entries take CIDRs only, but rules go to ${peer}. Use CIDR ${terms.field(peersField(direction))} for network ACLs, or attach the selection to a security group instead.`;
  if (!problems.some((p) => p.message === message)) {
    problems.push({ code: 'network-acl-peer', message });
  }
  return undefined;
}

function entryId(egress: boolean, purpose: NetworkAclEntryPurpose, what: string, cidr: string): string {
  const label = purpose === 'return' ? 'Return' : purpose === 'path-mtu-discovery' ? 'PathMtu' : '';
  return `${egress ? 'Out' : 'In'}${label} ${what} ${cidr}`;
}

function validateOptions(options: NetworkAclOptions, resolved: ResolvedNetworkAclOptions, problems: Problem[]): void {
  const { firstRuleNumber: first, ruleNumberStep: step, lastRuleNumber: last, returnPorts, maxEntries } = resolved;
  const max = AWS_QUOTAS.networkAclMaxRuleNumber;
  const isWhole = (n: number) => Number.isInteger(n);
  if (!isWhole(first) || first < 1 || first > max) {
    problems.push({ code: 'invalid-network-acl-option', message: `firstRuleNumber ${first} is outside 1-${max}, the rule numbers a network ACL entry may take.` });
  }
  if (!isWhole(last) || last < 1 || last > max) {
    problems.push({ code: 'invalid-network-acl-option', message: `lastRuleNumber ${last} is outside 1-${max}, the rule numbers a network ACL entry may take.` });
  }
  if (!isWhole(step) || step < 1) {
    problems.push({ code: 'invalid-network-acl-option', message: `ruleNumberStep ${step} must be a whole number of at least 1.` });
  }
  if (first > last) {
    problems.push({ code: 'invalid-network-acl-option', message: `firstRuleNumber ${first} is above lastRuleNumber ${last}. Swap them.` });
  }
  const { fromPort, toPort } = returnPorts;
  if (!isPortNumber(fromPort) || !isPortNumber(toPort) || fromPort > toPort) {
    problems.push({
      code: 'invalid-network-acl-option',
      message: `returnPorts ${fromPort}-${toPort} is not a port range. Use 'aws-nat-gateway', 'macos', or fromPort <= toPort within ${formatPortRange(PORT_NUMBERS)}.`,
    });
  }
  if (!isWhole(maxEntries) || maxEntries < 1 || maxEntries > AWS_QUOTAS.networkAclRulesPerDirectionMax - 1) {
    problems.push({
      code: 'invalid-network-acl-option',
      message: `maxEntries ${maxEntries} is outside 1-${AWS_QUOTAS.networkAclRulesPerDirectionMax - 1}: AWS allows at most ${AWS_QUOTAS.networkAclRulesPerDirectionMax} rules per direction and family, the default deny included.`,
    });
  }
  if (options.pathMtuDiscovery !== undefined && typeof options.pathMtuDiscovery !== 'boolean') {
    problems.push({ code: 'invalid-network-acl-option', message: `pathMtuDiscovery '${String(options.pathMtuDiscovery)}' is not true or false. Leave it out to allow Path MTU Discovery, or pass false.` });
  }
}

/**
 * The fewest return entries that admit the same traffic: a return to a CIDR another return of the
 * same protocol and family already covers (most often `0.0.0.0/0` or `::/0`) adds nothing.
 */
function withoutCoveredReturns(returns: readonly { protocol: Protocol; family: AddressFamily; cidr: string }[]): typeof returns {
  return returns.filter((entry) => !returns.some((other) => other !== entry && other.protocol === entry.protocol && other.family === entry.family && other.cidr !== entry.cidr && cidrContains(other.cidr, entry.cidr)));
}

/** The entries of a policy before numbering: allows, the fewest returns, and Path MTU Discovery. */
function drafts(policy: ResolvedPolicy, options: ResolvedNetworkAclOptions, problems: Problem[], terms: SelectionTerms): EntryDraft[] {
  const allowEgress = policy.direction === 'egress';
  const result = new Map<string, EntryDraft>();
  const returns = new Map<string, { protocol: Protocol; family: AddressFamily; cidr: string }>();
  for (const rule of policy.rules) {
    const target = cidrOf(rule, policy.direction, problems, terms);
    if (!target) {
      continue;
    }
    const id = entryId(allowEgress, 'allow', `${rule.protocol} ${formatPortRange(rule)}`, target.cidr);
    result.set(id, { id, key: id, egress: allowEgress, protocol: rule.protocol, ...target, fromPort: rule.fromPort, toPort: rule.toPort, purpose: 'allow', description: rule.description });
    returns.set(`${rule.protocol} ${target.cidr}`, { protocol: rule.protocol, ...target });
  }
  const { returnPorts } = options;
  for (const entry of withoutCoveredReturns([...returns.values()])) {
    const id = entryId(!allowEgress, 'return', `${entry.protocol} ${formatPortRange(returnPorts)}`, entry.cidr);
    result.set(id, {
      id,
      key: id,
      egress: !allowEgress,
      protocol: entry.protocol,
      family: entry.family,
      cidr: entry.cidr,
      fromPort: returnPorts.fromPort,
      toPort: returnPorts.toPort,
      purpose: 'return',
      description: describeRule({ products: [], labels: [`Return traffic ${allowEgress ? 'from' : 'to'} ${entry.cidr}`], protocol: entry.protocol, fromPort: returnPorts.fromPort, toPort: returnPorts.toPort, widenedPorts: 0 }),
    });
  }
  if (options.pathMtuDiscovery) {
    const families = new Set([...returns.values()].map((entry) => entry.family));
    for (const family of (['ipv4', 'ipv6'] as const).filter((f) => families.has(f))) {
      const icmp = PATH_MTU_DISCOVERY_ICMP[family];
      const cidr = family === 'ipv4' ? ANY_IPV4 : ANY_IPV6;
      for (const egress of [true, false]) {
        const id = entryId(egress, 'path-mtu-discovery', `${icmp.protocol} ${icmp.type}:${icmp.code}`, cidr);
        result.set(id, {
          id,
          key: id,
          egress,
          protocol: icmp.protocol,
          family,
          cidr,
          icmpType: icmp.type,
          icmpCode: icmp.code,
          purpose: 'path-mtu-discovery',
          description: `Path MTU Discovery (${icmp.protocol} type ${icmp.type} code ${icmp.code}, ${egress ? 'to' : 'from'} ${cidr})`,
        });
      }
    }
  }
  return [...result.values()];
}

function checkQuota(entries: readonly EntryDraft[], options: NetworkAclOptions, problems: Problem[]): void {
  const budget = networkAclBudget(options);
  for (const egress of [true, false]) {
    for (const family of ['ipv4', 'ipv6'] as const) {
      const needed = entries.filter((e) => e.egress === egress && e.family === family && e.purpose !== 'path-mtu-discovery').length;
      if (needed > budget.forRules) {
        problems.push(networkAclOverBudgetProblem({ needed, family, direction: egress ? 'egress' : 'ingress', atLeast: false, budget, maxEntriesField: 'maxEntries' }));
      }
    }
  }
}

/**
 * Gives each entry a rule number: its preferred slot is a hash of its content; on a clash the
 * entry with the smaller key keeps the slot and the other takes the next free one. The result
 * does not depend on the order the entries came in.
 */
function numberEntries(entries: readonly EntryDraft[], first: number, step: number, last: number, problems: Problem[]): NetworkAclEntryPlan[] {
  const slots = Math.floor((last - first) / step) + 1;
  const planned: NetworkAclEntryPlan[] = [];
  for (const egress of [true, false]) {
    const inDirection = entries
      .filter((e) => e.egress === egress)
      .map((e) => ({ entry: e, preferred: fnv1a(e.key) % slots }))
      .sort((a, b) => a.preferred - b.preferred || (a.entry.key < b.entry.key ? -1 : 1));
    if (inDirection.length > slots) {
      problems.push({
        code: 'invalid-network-acl-option',
        message: `Rule numbers ${first}-${last} in steps of ${step} leave ${slots} numbers for ${inDirection.length} ${egress ? 'egress' : 'ingress'} entries. Widen the range or shorten the step.`,
      });
      continue;
    }
    const taken = new Set<number>();
    for (const { entry, preferred } of inDirection) {
      let slot = preferred;
      while (taken.has(slot)) {
        slot = (slot + 1) % slots;
      }
      taken.add(slot);
      const { key: _key, ...plan } = entry;
      planned.push({ ...plan, ruleNumber: first + slot * step } as NetworkAclEntryPlan);
    }
  }
  return planned.sort((a, b) => Number(b.egress) - Number(a.egress) || a.ruleNumber - b.ruleNumber);
}

/** True for an entry of ICMP messages rather than ports. */
export function isIcmpEntry(entry: NetworkAclEntryPlan): entry is NetworkAclIcmpEntryPlan {
  return entry.protocol === 'icmp' || entry.protocol === 'icmpv6';
}

/** What an entry lets through, without its CIDR: `tcp 443`, `icmp 3:4`. */
export function entryTraffic(entry: NetworkAclEntryPlan): string {
  return isIcmpEntry(entry) ? `${entry.protocol} ${entry.icmpType}:${entry.icmpCode}` : `${entry.protocol} ${formatPortRange(entry)}`;
}

/**
 * The entries a policy needs per direction and family, as `planNetworkAcl` lays them out (without
 * numbering them or checking the budget), for reviews; `undefined` when some peer is not a CIDR.
 */
export function countNetworkAclEntries(policy: ResolvedPolicy, options: NetworkAclOptions = {}): Record<'egress' | 'ingress', Record<AddressFamily, number>> | undefined {
  const problems: Problem[] = [];
  const entries = drafts(policy, resolveNetworkAclOptions(options), problems, API_TERMS);
  if (problems.length > 0) {
    return undefined;
  }
  const count = (egress: boolean, family: AddressFamily) => entries.filter((e) => e.egress === egress && e.family === family).length;
  return { egress: { ipv4: count(true, 'ipv4'), ipv6: count(true, 'ipv6') }, ingress: { ipv4: count(false, 'ipv4'), ipv6: count(false, 'ipv6') } };
}

/**
 * Plans the network ACL entries of a policy: an allow per rule, the fewest return entries per
 * protocol and CIDR, and the ICMP Path MTU Discovery needs in each family in use, numbered stably.
 * Throws an `ApplePortsError` for peers a NACL cannot hold, bad options, or more entries than the budget.
 */
export function planNetworkAcl(policy: ResolvedPolicy, options: NetworkAclOptions = {}, terms: SelectionTerms = API_TERMS): NetworkAclEntryPlan[] {
  const problems: Problem[] = [];
  const returnName = options.returnPorts;
  if (typeof returnName === 'string' && returnName !== 'aws-nat-gateway' && returnName !== 'macos') {
    problems.push({ code: 'invalid-network-acl-option', message: `returnPorts '${String(returnName)}' is not a return range. Use 'aws-nat-gateway', 'macos' or { fromPort, toPort }.` });
    throwIfProblems(problems);
  }
  const resolved = resolveNetworkAclOptions(options);
  validateOptions(options, resolved, problems);
  throwIfProblems(problems);
  const entries = drafts(policy, resolved, problems, terms);
  checkQuota(entries, options, problems);
  throwIfProblems(problems);
  const planned = numberEntries(entries, resolved.firstRuleNumber, resolved.ruleNumberStep, resolved.lastRuleNumber, problems);
  throwIfProblems(problems);
  return planned;
}
