/**
 * Network ACL planning, shared by the CDK and Pulumi adapters. NACLs are stateless: every allow
 * needs a return entry in the other direction for the clients' ephemeral ports. Entries are
 * numbered from a hash of their content, so adding or removing a product leaves the numbers of
 * the other entries alone; renumbering an entry replaces it, and CloudFormation creates the
 * replacement before it deletes the old entry, which fails when the number is still taken.
 */
import { getEphemeralPorts, type Direction } from '../catalogue';
import { API_TERMS, describeRule, familyName, formatPeer, peersField, type AddressFamily, type PolicyRule, type ResolvedPolicy, type SelectionTerms } from '../policy';
import { PORT_NUMBERS, formatPortRange, isPortNumber, type PortRange, type Protocol } from '../ports';
import { throwIfProblems, type Problem } from '../problems';
import { AWS_QUOTAS, NETWORK_ACL_NUMBERING } from './facts';

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
   * The clients' ephemeral port range that return traffic goes to.
   * @default the catalogue's `aws-nat-gateway` ephemeral range, which NAT gateways use (`getEphemeralPorts`)
   */
  readonly returnPorts?: PortRange;
  /**
   * The most entries per direction and address family, the ACL's default deny entry excluded.
   * @default {@link DEFAULT_NETWORK_ACL_ENTRIES}: AWS's default quota less the default deny
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
  if (!isPortNumber(fromPort) || !isPortNumber(toPort) || fromPort > toPort) {
    const natGateway = formatPortRange(getEphemeralPorts('aws-nat-gateway'));
    problems.push({
      code: 'invalid-network-acl-option',
      message: `returnPorts ${fromPort}-${toPort} is not a port range. Use fromPort <= toPort within ${formatPortRange(PORT_NUMBERS)}, e.g. ${natGateway}.`,
    });
  }
  if (!isWhole(maxEntries) || maxEntries < 1 || maxEntries > AWS_QUOTAS.networkAclRulesPerDirectionMax - 1) {
    problems.push({
      code: 'invalid-network-acl-option',
      message: `maxEntries ${maxEntries} is outside 1-${AWS_QUOTAS.networkAclRulesPerDirectionMax - 1}: AWS allows at most ${AWS_QUOTAS.networkAclRulesPerDirectionMax} rules per direction and family, the default deny included.`,
    });
  }
}

function drafts(policy: ResolvedPolicy, returnPorts: PortRange, problems: Problem[], terms: SelectionTerms): EntryDraft[] {
  const allowEgress = policy.direction === 'egress';
  const result = new Map<string, EntryDraft>();
  const add = (draft: Omit<EntryDraft, 'key' | 'id'>) => {
    const id = entryId(draft.egress, draft.purpose, draft.protocol, draft.fromPort, draft.toPort, draft.cidr);
    if (!result.has(id)) {
      result.set(id, { ...draft, id, key: id });
    }
  };
  for (const rule of policy.rules) {
    const target = cidrOf(rule, policy.direction, problems, terms);
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
          message: `The network ACL needs ${count} ${familyName(family)} ${direction} entries, more than maxEntries ${maxEntries}. Resolve the policy with maxRules ${maxEntries} so ports are widened to fit, name fewer CIDRs, or raise the quota (up to ${AWS_QUOTAS.networkAclRulesPerDirectionMax - 1}).`,
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
export function planNetworkAcl(policy: ResolvedPolicy, options: NetworkAclOptions = {}, terms: SelectionTerms = API_TERMS): NetworkAclEntryPlan[] {
  const natGateway = getEphemeralPorts('aws-nat-gateway');
  const resolved: Required<NetworkAclOptions> = {
    firstRuleNumber: options.firstRuleNumber ?? NETWORK_ACL_NUMBERING.firstRuleNumber,
    ruleNumberStep: options.ruleNumberStep ?? NETWORK_ACL_NUMBERING.ruleNumberStep,
    lastRuleNumber: options.lastRuleNumber ?? AWS_QUOTAS.networkAclMaxRuleNumber,
    returnPorts: options.returnPorts ?? { fromPort: natGateway.fromPort, toPort: natGateway.toPort },
    maxEntries: options.maxEntries ?? DEFAULT_NETWORK_ACL_ENTRIES,
  };
  const problems: Problem[] = [];
  validateOptions(resolved, problems);
  throwIfProblems(problems);
  const entries = drafts(policy, resolved.returnPorts, problems, terms);
  checkQuota(entries, resolved.maxEntries, problems);
  throwIfProblems(problems);
  const planned = numberEntries(entries, resolved.firstRuleNumber, resolved.ruleNumberStep, resolved.lastRuleNumber, problems);
  throwIfProblems(problems);
  return planned;
}
