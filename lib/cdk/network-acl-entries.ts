/**
 * Adds planned entries to a network ACL. Several constructs may share one ACL, and CDK checks
 * neither rule numbers nor quotas, so the entries every construct adds are recorded per ACL: an
 * entry another construct already added is not added twice, a rule number two constructs want
 * is refused, and the sum is checked against the budget.
 */
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Construct, IConstruct } from 'constructs';
import type { NetworkAclEntryPlan } from '../core';
import { AppleServicesError } from './errors';
import type { PeerTranslator } from './peers';
import { toAclTraffic } from './ports';

interface AclRecord {
  /** `egress 100` → who holds that rule number. */
  readonly numbers: Map<string, { readonly owner: string; readonly entry: string }>;
  /** What the entries allow, with tokens in place of placeholders. */
  readonly contents: Set<string>;
  /** `egress ipv4` → entries added. */
  readonly counts: Map<string, number>;
}

const entriesOnAcl = new WeakMap<ec2.INetworkAcl, AclRecord>();

function directionOf(entry: NetworkAclEntryPlan): 'egress' | 'ingress' {
  return entry.egress ? 'egress' : 'ingress';
}

/**
 * Creates the planned entries in `entryScope` for `acl`; checks everything first, so a refusal
 * leaves the ACL as it was.
 */
export function addNetworkAclEntries(
  scope: IConstruct,
  acl: ec2.INetworkAcl,
  entryScope: Construct,
  plan: readonly NetworkAclEntryPlan[],
  peers: PeerTranslator,
  maxEntries: number,
): void {
  const record = entriesOnAcl.get(acl) ?? { numbers: new Map(), contents: new Set<string>(), counts: new Map<string, number>() };
  const added: { entry: NetworkAclEntryPlan; content: string }[] = [];
  const counts = new Map(record.counts);
  for (const entry of plan) {
    const content = `${directionOf(entry)} ${entry.protocol} ${entry.fromPort}-${entry.toPort} ${peers.actual(entry.cidr)}`;
    if (record.contents.has(content)) {
      continue;
    }
    const taken = record.numbers.get(`${directionOf(entry)} ${entry.ruleNumber}`);
    if (taken) {
      throw new AppleServicesError(
        scope,
        'network-acl-rule-number-taken',
        `${directionOf(entry)} rule number ${entry.ruleNumber} of the network ACL '${acl.node.path}' is already taken by '${taken.entry}' of ${taken.owner}. Give each construct sharing the ACL its own rule numbers with networkAclOptions.firstRuleNumber and lastRuleNumber.`,
      );
    }
    const countKey = `${directionOf(entry)} ${entry.family}`;
    counts.set(countKey, (counts.get(countKey) ?? 0) + 1);
    added.push({ entry, content });
  }
  for (const [key, count] of counts) {
    if (count > maxEntries && count > (record.counts.get(key) ?? 0)) {
      const [direction, family] = key.split(' ');
      throw new AppleServicesError(
        scope,
        'network-acl-quota',
        `the network ACL '${acl.node.path}' would hold ${count} ${family === 'ipv4' ? 'IPv4' : 'IPv6'} ${direction} entries from apple-ports constructs, more than maxEntries ${maxEntries}. Give the constructs separate network ACLs, select the products in one construct, or raise the quota and networkAclOptions.maxEntries.`,
      );
    }
  }
  for (const { entry, content } of added) {
    // Named by direction and rule number, not by content: CloudFormation replaces an entry whose
    // rule number changes by creating the new one first, which fails while another entry still
    // holds that number. Keyed by number, a moved entry becomes an in-place update of the entry
    // already holding the number (ReplaceNetworkAclEntry), and numbers never clash.
    new ec2.NetworkAclEntry(entryScope, `${entry.egress ? 'Egress' : 'Ingress'}${entry.ruleNumber}`, {
      networkAcl: acl,
      ruleNumber: entry.ruleNumber,
      cidr: peers.toAclCidr(entry.family, entry.cidr),
      traffic: toAclTraffic(entry.protocol, entry.fromPort, entry.toPort),
      direction: entry.egress ? ec2.TrafficDirection.EGRESS : ec2.TrafficDirection.INGRESS,
      ruleAction: ec2.Action.ALLOW,
    });
    record.contents.add(content);
    record.numbers.set(`${directionOf(entry)} ${entry.ruleNumber}`, { owner: scope.node.path, entry: peers.readable(entry.id) });
  }
  for (const [key, count] of counts) {
    record.counts.set(key, count);
  }
  entriesOnAcl.set(acl, record);
}
