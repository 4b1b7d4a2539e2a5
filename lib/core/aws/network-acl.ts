/**
 * Network ACL planning, shared by the CDK and Pulumi adapters. NACLs are stateless: every allow
 * needs a return entry in the other direction for the clients' ephemeral ports. Entries are
 * numbered from a hash of their content, so adding or removing a product leaves the numbers of
 * the other entries alone; renumbering an entry replaces it, and CloudFormation creates the
 * replacement before it deletes the old entry, which fails when the number is still taken.
 */
import { getEphemeralPorts, type Direction } from '../catalogue';
import { formatPortRange, formatProtocolPorts, type Protocol } from '../ports';
import { describeRule, formatPeer, type AddressFamily, type PolicyRule, type ResolvedPolicy } from '../policy';
import { throwIfProblems, type Problem } from '../problems';
import { AWS_QUOTAS } from './facts';

/** Options for a policy's network ACL entries. */
export interface NetworkAclOptions {
  /**
   * The lowest rule number the entries may take.
   * @default 100
   */
  readonly firstRuleNumber?: number;
  /**
   * The distance between usable rule numbers, leaving room for hand-written entries between them.
   * @default 10
   */
  readonly ruleNumberStep?: number;
  /**
   * The highest rule number the entries may take; give each policy sharing one ACL its own range.
   * @default 32766
   */
  readonly lastRuleNumber?: number;
  /**
   * The clients' ephemeral port range that return traffic goes to.
   * @default 1024-65535, the range AWS NAT gateways use (macOS itself uses 49152-65535)
   */
  readonly returnPorts?: { readonly fromPort: number; readonly toPort: number };
  /**
   * The most entries per direction and address family, the ACL's default deny entry excluded.
   * @default 19: AWS's default quota of 20, less the default deny
   */
  readonly maxEntries?: number;
}

/** Why an entry exists: an allow of the policy or the return path of one. */
export type NetworkAclEntryPurpose = 'allow' | 'return';

/** One planned network ACL entry. */
export interface NetworkAclEntryPlan {
  /** A stable, readable id for the entry (safe as a CDK construct id or Pulumi name suffix). */
  readonly id: string;
  readonly ruleNumber: number;
  /** True for an outbound entry. */
  readonly egress: boolean;
  readonly protocol: Protocol;
  readonly family: AddressFamily;
  readonly cidr: string;
  readonly fromPort: number;
  readonly toPort: number;
  readonly purpose: NetworkAclEntryPurpose;
  /** What the entry is for (NACL entries carry no description in AWS; this is for review). */
  readonly description: string;
}

/** The default budget of entries per direction and family: AWS's quota less the default deny. */
export const DEFAULT_NETWORK_ACL_ENTRIES = AWS_QUOTAS.networkAclRulesPerDirection - 1;

interface EntryDraft extends Omit<NetworkAclEntryPlan, 'ruleNumber'> {
  readonly key: string;
}

/** FNV-1a: a small, stable string hash (the same on every platform and Node version). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

function cidrOf(rule: PolicyRule, problems: Problem[]): { cidr: string; family: AddressFamily } | undefined {
  if (rule.peer.kind === 'ipv4' || rule.peer.kind === 'ipv6') {
    return { cidr: rule.peer.cidr, family: rule.peer.kind };
  }
  problems.push({
    code: 'network-acl-peer',
    message: `Network ACL entries take CIDRs only, but a rule for ${formatProtocolPorts(rule.protocol, rule)} goes to the ${rule.peer.kind} '${formatPeer(rule.peer)}'. Use CIDR destinations for network ACLs, or attach the selection to a security group instead.`,
  });
  return undefined;
}

function entryId(egress: boolean, purpose: NetworkAclEntryPurpose, protocol: Protocol, fromPort: number, toPort: number, cidr: string): string {
  return `${egress ? 'Out' : 'In'}${purpose === 'return' ? 'Return' : ''} ${protocol} ${formatPortRange({ fromPort, toPort })} ${cidr}`;
}

function validateOptions(options: Required<NetworkAclOptions>, problems: Problem[]): void {
  const { firstRuleNumber: first, ruleNumberStep: step, lastRuleNumber: last, returnPorts, maxEntries } = options;
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
  if (!isWhole(fromPort) || !isWhole(toPort) || fromPort < 1 || toPort > 65535 || fromPort > toPort) {
    problems.push({ code: 'invalid-network-acl-option', message: `returnPorts ${fromPort}-${toPort} is not a port range. Use fromPort <= toPort within 1-65535, e.g. 1024-65535.` });
  }
  if (!isWhole(maxEntries) || maxEntries < 1 || maxEntries > AWS_QUOTAS.networkAclRulesPerDirectionMax - 1) {
    problems.push({
      code: 'invalid-network-acl-option',
      message: `maxEntries ${maxEntries} is outside 1-${AWS_QUOTAS.networkAclRulesPerDirectionMax - 1}: AWS allows at most ${AWS_QUOTAS.networkAclRulesPerDirectionMax} rules per direction and family, the default deny included.`,
    });
  }
}

function drafts(policy: ResolvedPolicy, returnPorts: { fromPort: number; toPort: number }, problems: Problem[]): EntryDraft[] {
  const allowEgress = policy.direction === 'egress';
  const result = new Map<string, EntryDraft>();
  const add = (draft: Omit<EntryDraft, 'key' | 'id'>) => {
    const id = entryId(draft.egress, draft.purpose, draft.protocol, draft.fromPort, draft.toPort, draft.cidr);
    if (!result.has(id)) {
      result.set(id, { ...draft, id, key: id });
    }
  };
  for (const rule of policy.rules) {
    const target = cidrOf(rule, problems);
    if (!target) {
      continue;
    }
    add({ egress: allowEgress, protocol: rule.protocol, ...target, fromPort: rule.fromPort, toPort: rule.toPort, purpose: 'allow', description: rule.description });
    add({
      egress: !allowEgress,
      protocol: rule.protocol,
      ...target,
      fromPort: returnPorts.fromPort,
      toPort: returnPorts.toPort,
      purpose: 'return',
      description: describeRule({
        products: [],
        labels: [`Return traffic ${allowEgress ? 'from' : 'to'} ${target.cidr}`],
        protocol: rule.protocol,
        fromPort: returnPorts.fromPort,
        toPort: returnPorts.toPort,
        widenedPorts: 0,
      }),
    });
  }
  return [...result.values()];
}

function checkQuota(entries: readonly EntryDraft[], maxEntries: number, problems: Problem[]): void {
  for (const egress of [true, false]) {
    for (const family of ['ipv4', 'ipv6'] as const) {
      const count = entries.filter((e) => e.egress === egress && e.family === family).length;
      if (count > maxEntries) {
        const direction: Direction = egress ? 'egress' : 'ingress';
        problems.push({
          code: 'network-acl-quota',
          message: `The network ACL needs ${count} ${family === 'ipv4' ? 'IPv4' : 'IPv6'} ${direction} entries, more than maxEntries ${maxEntries}. Resolve the policy with maxRules ${maxEntries} so ports are widened to fit, name fewer CIDRs, or raise the quota (up to ${AWS_QUOTAS.networkAclRulesPerDirectionMax - 1}).`,
        });
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
      planned.push({ ...plan, ruleNumber: first + slot * step });
    }
  }
  return planned.sort((a, b) => Number(b.egress) - Number(a.egress) || a.ruleNumber - b.ruleNumber);
}

/**
 * Plans the network ACL entries of a policy: an allow per rule and a return entry per protocol
 * and CIDR, numbered stably. Throws an `ApplePortsError` for peers a NACL cannot hold, bad
 * options, or more entries than the budget.
 */
export function planNetworkAcl(policy: ResolvedPolicy, options: NetworkAclOptions = {}): NetworkAclEntryPlan[] {
  const macReturn = getEphemeralPorts('aws-nat-gateway');
  const resolved: Required<NetworkAclOptions> = {
    firstRuleNumber: options.firstRuleNumber ?? 100,
    ruleNumberStep: options.ruleNumberStep ?? 10,
    lastRuleNumber: options.lastRuleNumber ?? AWS_QUOTAS.networkAclMaxRuleNumber,
    returnPorts: options.returnPorts ?? { fromPort: macReturn.fromPort, toPort: macReturn.toPort },
    maxEntries: options.maxEntries ?? DEFAULT_NETWORK_ACL_ENTRIES,
  };
  const problems: Problem[] = [];
  validateOptions(resolved, problems);
  throwIfProblems(problems);
  const entries = drafts(policy, resolved.returnPorts, problems);
  checkQuota(entries, resolved.maxEntries, problems);
  throwIfProblems(problems);
  const planned = numberEntries(entries, resolved.firstRuleNumber, resolved.ruleNumberStep, resolved.lastRuleNumber, problems);
  throwIfProblems(problems);
  return planned;
}
