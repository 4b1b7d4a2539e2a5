/**
 * Child resource names. A security-group rule is named after what it allows (protocol, ports,
 * peer), never its position, so adding a product adds rules without renaming the others: a
 * renamed rule would be created before its old self is deleted, and AWS refuses the duplicate.
 *
 * A network ACL entry is named after its direction and rule number instead, the key AWS refuses
 * to hold twice. Whatever moves between numbers, each number then belongs to one resource, which
 * is replaced delete-first; content-named entries could be created on a number another entry
 * only frees later in the same update, and fail with NetworkAclEntryAlreadyExists.
 */
import { formatPeer, type Direction, type NetworkAclEntryPlan, type PolicyRule } from '../core';
import { formatPortRange, type MatchingRule } from '../core/internal';

/**
 * A peer or CIDR as a name part: URNs use `::` as a separator, so every character but letters,
 * digits and dots becomes `-` (one for one, so distinct CIDRs stay distinct). A placeholder loses
 * its brackets: `<sources[1].cidrIpv4>` is `sources-1.cidrIpv4`.
 */
export function namePart(value: string): string {
  return value
    .replace(/[<>]/g, '')
    .replace(/\[(\d+)\]/g, '-$1')
    .replace(/[^A-Za-z0-9.]/g, '-');
}

/** `mac-egress-tcp-443-0.0.0.0-0`: one security-group rule of a component. */
export function securityGroupRuleName(component: string, rule: Pick<PolicyRule, 'protocol' | 'fromPort' | 'toPort' | 'peer'>, direction: Direction): string {
  return `${component}-${direction}-${rule.protocol}-${formatPortRange(rule)}-${namePart(formatPeer(rule.peer))}`;
}

/**
 * `mac-hosts-bastion.securityGroupId-egress-tcp-5900`: the rule a peer group given as
 * `{ securityGroup }` gets so the traffic is allowed at its end too.
 */
export function matchingRuleName(component: string, rule: MatchingRule): string {
  return `${component}-${namePart(rule.group)}-${rule.direction}-${rule.protocol}-${formatPortRange(rule)}`;
}

/** `mac-nacl-egress-18420`: the network ACL entry holding one rule number in one direction. */
export function networkAclEntryName(component: string, entry: NetworkAclEntryPlan): string {
  return `${component}-nacl-${entry.egress ? 'egress' : 'ingress'}-${entry.ruleNumber}`;
}

/** `mac-subnet-subnet-0123…` for a known subnet id, else `mac-subnet-0` by position. */
export function subnetAssociationName(component: string, subnetId: unknown, index: number): string {
  return `${component}-subnet-${typeof subnetId === 'string' ? namePart(subnetId) : index}`;
}
