/**
 * Adds a resolved policy to a security group. CDK drops rules silently in three cases — egress on
 * a group that allows all outbound (IPv4, or IPv6 for IPv6 rules) and any rule on an immutable
 * import — so such groups are refused with the way to create or import them instead.
 */
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { IConstruct } from 'constructs';
import { checkSecurityGroupQuota, type AddressFamily, type PolicyRule, type ResolvedPolicy } from '../core';
import { peerFamily, peerWeight } from '../core/internal';
import { AppleServicesError, withConstructPath } from './errors';
import type { PeerTranslator } from './peers';
import { toSecurityGroupPort } from './ports';

/** The rules apple-ports constructs put on each group, per direction, so their sum is checked too. */
const rulesOnGroup = new WeakMap<ec2.ISecurityGroup, Map<string, Map<string, PolicyRule>>>();

/**
 * CDK's `fromSecurityGroupId(…, { mutable: false })` returns a group whose add*Rule methods do
 * nothing. aws-cdk-lib does not export that class, so it is recognised by name; the tests import
 * a group that way, so a rename upstream fails them rather than going unnoticed.
 */
function isImmutableImport(group: ec2.ISecurityGroup): boolean {
  return group.constructor?.name === 'ImmutableImport';
}

function allowsAllIpv6Outbound(group: ec2.ISecurityGroup): boolean {
  return (group as { readonly allowAllIpv6Outbound?: boolean }).allowAllIpv6Outbound === true;
}

function checkGroupTakesRules(scope: IConstruct, group: ec2.ISecurityGroup, policy: ResolvedPolicy): void {
  const name = `security group '${group.node.path}'`;
  if (isImmutableImport(group)) {
    const options = policy.direction === 'egress' ? '{ allowAllOutbound: false }' : '{ mutable: true }';
    throw new AppleServicesError(
      scope,
      'immutable-security-group',
      `the ${name} was imported with mutable: false, so CDK ignores every rule added to it. Import it with ec2.SecurityGroup.fromSecurityGroupId(scope, id, securityGroupId, ${options}).`,
    );
  }
  if (policy.direction !== 'egress') {
    return;
  }
  if (group.allowAllOutbound) {
    throw new AppleServicesError(
      scope,
      'allows-all-outbound',
      `the ${name} allows all outbound traffic, so CDK would drop the Apple egress rules. Create it with allowAllOutbound: false, or import it with ec2.SecurityGroup.fromSecurityGroupId(scope, id, securityGroupId, { allowAllOutbound: false }).`,
    );
  }
  // CDK drops IPv6 CIDR rules only; rules to an IPv6 prefix list are kept.
  if (allowsAllIpv6Outbound(group) && policy.rules.some((rule) => rule.peer.kind === 'ipv6')) {
    throw new AppleServicesError(
      scope,
      'allows-all-outbound',
      `the ${name} allows all IPv6 outbound traffic, so CDK would drop the Apple IPv6 egress rules. Create it with allowAllIpv6Outbound: false, or leave ipv6 unset.`,
    );
  }
}

/** Keyed by the actual peer: placeholders of different constructs may stand for different tokens. */
function ruleKey(rule: PolicyRule, peers: PeerTranslator): string {
  const value = rule.peer.kind === 'ipv4' || rule.peer.kind === 'ipv6' ? rule.peer.cidr : rule.peer.id;
  return `${rule.protocol}|${rule.fromPort}|${rule.toPort}|${rule.peer.kind}:${peers.actual(value)}`;
}

/** Records the policy's rules on the group and checks the total against the quota. */
function checkCombinedQuota(scope: IConstruct, group: ec2.ISecurityGroup, policy: ResolvedPolicy, peers: PeerTranslator, quota: number): void {
  const byDirection = rulesOnGroup.get(group) ?? new Map<string, Map<string, PolicyRule>>();
  const merged = new Map(byDirection.get(policy.direction));
  for (const rule of policy.rules) {
    merged.set(ruleKey(rule, peers), rule);
  }
  const counts: Record<AddressFamily, number> = { ipv4: 0, ipv6: 0 };
  for (const rule of merged.values()) {
    counts[peerFamily(rule.peer)] += peerWeight(rule.peer);
  }
  for (const family of ['ipv4', 'ipv6'] as const) {
    if (counts[family] > quota) {
      throw new AppleServicesError(
        scope,
        'security-group-quota',
        `the security group '${group.node.path}' would hold ${counts[family]} ${family === 'ipv4' ? 'IPv4' : 'IPv6'} ${policy.direction} rules from apple-ports constructs, more than the quota of ${quota}. Select the products in one construct with maxRules ${quota}, use separate security groups, or raise the quota and pass it as securityGroupRuleQuota.`,
      );
    }
  }
  byDirection.set(policy.direction, merged);
  rulesOnGroup.set(group, byDirection);
}

/**
 * Adds one rule per resolved rule and peer to the group. A peer that is a security group gets
 * the matching rule too (as `connections.allowTo/allowFrom` do), so the traffic is allowed at
 * both ends; pass its id as a string to leave that group alone.
 */
export function addSecurityGroupRules(scope: IConstruct, group: ec2.ISecurityGroup, policy: ResolvedPolicy, peers: PeerTranslator, quota: number): void {
  checkGroupTakesRules(scope, group, policy);
  withConstructPath(scope, () => checkSecurityGroupQuota(policy, quota));
  checkCombinedQuota(scope, group, policy, peers, quota);
  for (const rule of policy.rules) {
    const peer = peers.toCdkPeer(rule.peer);
    const port = toSecurityGroupPort(rule.protocol, rule.fromPort, rule.toPort);
    if (ec2.SecurityGroup.isSecurityGroup(peer)) {
      if (policy.direction === 'egress') {
        group.connections.allowTo(peer, port, rule.description);
      } else {
        group.connections.allowFrom(peer, port, rule.description);
      }
    } else if (policy.direction === 'egress') {
      group.addEgressRule(peer, port, rule.description);
    } else {
      group.addIngressRule(peer, port, rule.description);
    }
  }
}
