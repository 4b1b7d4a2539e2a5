/**
 * Renders a policy as security-group rules: one `aws.vpc.SecurityGroupEgressRule` or
 * `SecurityGroupIngressRule` per rule and peer, never inline rules or `aws.ec2.SecurityGroupRule`,
 * which fight each other over the same group.
 */
import type * as pulumi from '@pulumi/pulumi';
import { SecurityGroup } from '@pulumi/aws/ec2';
import { SecurityGroupEgressRule, SecurityGroupIngressRule } from '@pulumi/aws/vpc';
import type { Direction, Peer, PolicyRule } from '../core';
import type { MatchingRule } from '../core/internal';
import type { RenderContext } from './render-context';
import { matchingRuleName, securityGroupRuleName } from './resource-names';

/** The id or CIDR a peer holds, where a placeholder may stand. */
function peerValue(peer: Peer): string {
  return peer.kind === 'ipv4' || peer.kind === 'ipv6' ? peer.cidr : peer.id;
}

function withValue(peer: Peer, value: string): Peer {
  return peer.kind === 'ipv4' || peer.kind === 'ipv6' ? { ...peer, cidr: value } : { ...peer, id: value };
}

/** The peer fields of a rule: exactly one of cidrIpv4, cidrIpv6, prefixListId, referencedSecurityGroupId. */
function peerFields(peer: Peer, references: RenderContext['references']) {
  switch (peer.kind) {
    case 'ipv4':
      return { cidrIpv4: references.inputFor(peer.cidr) };
    case 'ipv6':
      return { cidrIpv6: references.inputFor(peer.cidr) };
    case 'prefix-list':
      return { prefixListId: references.inputFor(peer.id) };
    case 'security-group':
      return { referencedSecurityGroupId: references.inputFor(peer.id) };
  }
}

/**
 * A security group with no inline rules. The provider removes the allow-all egress AWS gives a new
 * group, so the selection's rules are the group's only egress.
 */
export function createSecurityGroup(context: RenderContext, vpcId: pulumi.Input<string>, direction: 'egress' | 'ingress'): SecurityGroup {
  return new SecurityGroup(
    `${context.name}-sg`,
    {
      vpcId,
      // A description change replaces the group, so it names nothing that can change.
      description: `Apple services ${direction}, managed by apple-ports`,
      ...(context.tags !== undefined ? { tags: context.tags } : {}),
    },
    { parent: context.parent },
  );
}

/**
 * One standalone rule per policy rule, each named after what it allows. A rule whose peer was named
 * by a numbered placeholder in earlier versions carries that name as an alias, so it is renamed in
 * place: a replacement would create the rule before deleting its old self, and AWS refuses the copy.
 */
export function createSecurityGroupRules(context: RenderContext, securityGroupId: pulumi.Input<string>, direction: Direction, rules: readonly PolicyRule[]): (SecurityGroupEgressRule | SecurityGroupIngressRule)[] {
  const Rule = direction === 'egress' ? SecurityGroupEgressRule : SecurityGroupIngressRule;
  return rules.map((rule) => {
    const name = securityGroupRuleName(context.name, rule, direction);
    const legacyPeer = context.references.legacyNameOf(peerValue(rule.peer));
    const legacyName = legacyPeer === undefined ? undefined : securityGroupRuleName(context.name, { ...rule, peer: withValue(rule.peer, legacyPeer) }, direction);
    return new Rule(
      name,
      {
        securityGroupId,
        ipProtocol: rule.protocol,
        fromPort: rule.fromPort,
        toPort: rule.toPort,
        description: rule.description,
        ...peerFields(rule.peer, context.references),
        ...(context.tags !== undefined ? { tags: context.tags } : {}),
      },
      { parent: context.parent, ...(legacyName !== undefined && legacyName !== name ? { aliases: [{ name: legacyName }] } : {}) },
    );
  });
}

/**
 * The rules peer groups given as `{ securityGroup }` get, referencing the component's group, so
 * the traffic the component allows is allowed at the peer's end too.
 */
export function createMatchingRules(context: RenderContext, componentGroupId: pulumi.Input<string>, rules: readonly MatchingRule[], groups: ReadonlyMap<string, SecurityGroup>): (SecurityGroupEgressRule | SecurityGroupIngressRule)[] {
  return rules.map((rule) => {
    const Rule = rule.direction === 'egress' ? SecurityGroupEgressRule : SecurityGroupIngressRule;
    return new Rule(
      matchingRuleName(context.name, rule),
      {
        securityGroupId: groups.get(rule.group)!.id,
        ipProtocol: rule.protocol,
        fromPort: rule.fromPort,
        toPort: rule.toPort,
        description: rule.description,
        referencedSecurityGroupId: componentGroupId,
        ...(context.tags !== undefined ? { tags: context.tags } : {}),
      },
      { parent: context.parent },
    );
  });
}
