/**
 * Adds a resolved policy to a security group. CDK drops rules silently in three cases — egress on
 * a group that allows all outbound (IPv4, or IPv6 for IPv6 rules) and any rule on an immutable
 * import — so such groups are refused with the way to create or import them instead.
 */
import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { IConstruct } from 'constructs';
import type { ResolvedPolicy } from '../core';
import type { ServicesDesign } from '../core/internal';
import { AppleServicesError } from './errors';
import { isLookupStandIn } from './context-lookups';
import { securityGroupLedger } from './ledgers';
import type { PeerTranslator } from './peers';
import { toSecurityGroupPort } from './ports';

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

/**
 * The construct that created `group` as its own (an `ec2.Instance`'s `InstanceSecurityGroup`, an
 * auto-scaling group's): the group's parent, when its connections hold the group. The user made
 * the parent, not the group, so the fix names the parent's props.
 */
function groupOwner(group: ec2.ISecurityGroup): IConstruct | undefined {
  const parent = group.node.scope;
  if (!parent || Stack.isStack(parent)) {
    return undefined;
  }
  const groups = (parent as Partial<ec2.IConnectable>).connections?.securityGroups ?? [];
  return groups.includes(group) ? parent : undefined;
}

function checkGroupTakesRules(scope: IConstruct, group: ec2.ISecurityGroup, policy: ResolvedPolicy): void {
  const name = `security group '${group.node.path}'`;
  if (isImmutableImport(group)) {
    const options = policy.direction === 'egress' ? '{ allowAllOutbound: false }' : '{ mutable: true }';
    throw new AppleServicesError(scope, [{ code: 'immutable-security-group', message: `the ${name} was imported with mutable: false, so CDK ignores every rule added to it. Import it with ec2.SecurityGroup.fromSecurityGroupId(scope, id, securityGroupId, ${options}).` }]);
  }
  // A lookup's stand-in says nothing about the real group; the second synthesis checks it.
  if (policy.direction !== 'egress' || isLookupStandIn(group.securityGroupId)) {
    return;
  }
  if (group.allowAllOutbound) {
    const owner = groupOwner(group);
    const fix = owner
      ? `'${owner.node.path}' created it for itself: pass allowAllOutbound: false to '${owner.node.path}', or give it a securityGroup created with allowAllOutbound: false.`
      : 'Create it with allowAllOutbound: false, or import it with ec2.SecurityGroup.fromSecurityGroupId(scope, id, securityGroupId, { allowAllOutbound: false }).';
    throw new AppleServicesError(scope, [{ code: 'allows-all-outbound', message: `the ${name} allows all outbound traffic, so CDK would drop the Apple egress rules. ${fix}` }]);
  }
  // CDK drops IPv6 CIDR rules only; rules to an IPv6 prefix list are kept.
  if (allowsAllIpv6Outbound(group) && policy.rules.some((rule) => rule.peer.kind === 'ipv6')) {
    throw new AppleServicesError(scope, [{ code: 'allows-all-outbound', message: `the ${name} allows all IPv6 outbound traffic, so CDK would drop the Apple IPv6 egress rules. Create it with allowAllIpv6Outbound: false, or leave ipv6 unset.` }]);
  }
}

/**
 * Adds one rule per resolved rule and peer to the group. A peer that is a security group gets
 * the matching rule too (as `connections.allowTo/allowFrom` do), so the traffic is allowed at
 * both ends; pass its id as a string to leave that group alone.
 */
export function addSecurityGroupRules(scope: IConstruct, group: ec2.ISecurityGroup, design: ServicesDesign, peers: PeerTranslator): void {
  const { policy } = design;
  checkGroupTakesRules(scope, group, policy);
  // The CDK adds an identical rule to a group once by itself, so only the quota is checked here.
  const { problems } = securityGroupLedger(group).claim(policy, {
    claimant: 'construct',
    groupName: `the security group '${group.node.path}'`,
    actualOf: (value) => peers.actual(value),
    quota: design.securityGroupRuleQuota,
    maxRulesField: design.terms.field('maxRules'),
    quotaField: design.terms.field('securityGroupRuleQuota'),
  });
  if (problems.length > 0) {
    throw new AppleServicesError(scope, problems);
  }
  const matched = new Set(design.matchingRules.map((m) => `${m.group} ${m.protocol} ${m.fromPort}-${m.toPort}`));
  for (const rule of policy.rules) {
    const peer = peers.toCdkPeer(rule.peer);
    const port = toSecurityGroupPort(rule.protocol, rule.fromPort, rule.toPort);
    // The planner names the peer groups that get the matching rule; connections writes both.
    if (rule.peer.kind === 'security-group' && matched.has(`${rule.peer.id} ${rule.protocol} ${rule.fromPort}-${rule.toPort}`) && ec2.SecurityGroup.isSecurityGroup(peer)) {
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
