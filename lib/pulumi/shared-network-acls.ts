/**
 * Several components may add entries to one network ACL, and nothing before deployment checks
 * rule numbers or quotas. So the entries every component adds are recorded per ACL: an entry
 * another component already added (the same return entry, typically) is not added twice, a rule
 * number two components want is refused, and the sum is checked against the budget.
 *
 * An ACL is known by its id: the string, or the very Output (e.g. another component's
 * `networkAclId`) passed around the program.
 */
import type * as pulumi from '@pulumi/pulumi';
import type { NetworkAclEntryPlan } from '../core';
import type { ComponentProblem } from './component-plan';
import type { InputReferences } from './input-references';

interface AclRecord {
  /** `egress 100` → who holds that rule number. */
  readonly numbers: Map<string, { readonly owner: string; readonly entry: string }>;
  /** What the entries allow, with the user's inputs in place of placeholders. */
  readonly contents: Set<string>;
  /** `egress ipv4` → entries added. */
  readonly counts: Map<string, number>;
}

const records = new Map<unknown, AclRecord>();
const inputIds = new WeakMap<object, number>();
let nextInputId = 1;

function directionOf(entry: NetworkAclEntryPlan): 'egress' | 'ingress' {
  return entry.egress ? 'egress' : 'ingress';
}

/** A CIDR as content: its text, or a stable tag for an Output (the same Output, the same tag). */
function cidrContent(cidr: pulumi.Input<string>): string {
  if (typeof cidr === 'string') {
    return cidr;
  }
  const object = cidr as object;
  if (!inputIds.has(object)) {
    inputIds.set(object, nextInputId++);
  }
  return `<input ${inputIds.get(object)}>`;
}

/** The entries a component claims on one ACL, or why it cannot have them. */
export type ClaimResult = { readonly ok: true; readonly entries: readonly NetworkAclEntryPlan[] } | { readonly ok: false; readonly problems: readonly ComponentProblem[] };

/**
 * Claims a component's planned entries on the ACL known as `acl`. Returns the entries left to
 * create (those no other component added), or the problems; claims nothing unless all fit.
 */
export function claimNetworkAclEntries(
  acl: pulumi.Input<string>,
  owner: string,
  plan: readonly NetworkAclEntryPlan[],
  references: InputReferences,
  maxEntries: number,
): ClaimResult {
  const record = records.get(acl) ?? { numbers: new Map(), contents: new Set<string>(), counts: new Map<string, number>() };
  const aclName = typeof acl === 'string' ? `the network ACL '${acl}'` : 'the network ACL';
  const problems: ComponentProblem[] = [];
  const added: { entry: NetworkAclEntryPlan; content: string }[] = [];
  const counts = new Map(record.counts);
  for (const entry of plan) {
    const content = `${directionOf(entry)} ${entry.protocol} ${entry.fromPort}-${entry.toPort} ${cidrContent(references.inputFor(entry.cidr))}`;
    if (record.contents.has(content)) {
      continue;
    }
    const taken = record.numbers.get(`${directionOf(entry)} ${entry.ruleNumber}`);
    if (taken) {
      problems.push({
        code: 'network-acl-rule-number-taken',
        message: `${directionOf(entry)} rule number ${entry.ruleNumber} of ${aclName} is already taken by '${taken.entry}' of ${taken.owner}. Give each component sharing the ACL its own rule numbers with networkAclOptions.firstRuleNumber and lastRuleNumber.`,
      });
      continue;
    }
    const countKey = `${directionOf(entry)} ${entry.family}`;
    counts.set(countKey, (counts.get(countKey) ?? 0) + 1);
    added.push({ entry, content });
  }
  for (const [key, count] of counts) {
    if (count > maxEntries && count > (record.counts.get(key) ?? 0)) {
      const [direction, family] = key.split(' ');
      problems.push({
        code: 'network-acl-quota',
        message: `${aclName.charAt(0).toUpperCase()}${aclName.slice(1)} would hold ${count} ${family === 'ipv4' ? 'IPv4' : 'IPv6'} ${direction} entries from apple-ports components, more than maxEntries ${maxEntries}. Give the components separate network ACLs, select the products in one component, or raise the quota and networkAclOptions.maxEntries.`,
      });
    }
  }
  if (problems.length > 0) {
    return { ok: false, problems };
  }
  for (const { entry, content } of added) {
    record.contents.add(content);
    record.numbers.set(`${directionOf(entry)} ${entry.ruleNumber}`, { owner, entry: entry.id });
  }
  for (const [key, count] of counts) {
    record.counts.set(key, count);
  }
  records.set(acl, record);
  return { ok: true, entries: added.map((a) => a.entry) };
}

/** Makes `alias` (e.g. a component's `networkAclId` output) name the same ACL as `acl`. */
export function shareNetworkAclRecord(acl: pulumi.Input<string>, alias: pulumi.Input<string>): void {
  const record = records.get(acl);
  if (record && alias !== acl) {
    records.set(alias, record);
  }
}
