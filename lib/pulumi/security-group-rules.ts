/**
 * Renders a policy as security-group rules: one `aws.vpc.SecurityGroupEgressRule` or
 * `SecurityGroupIngressRule` per rule and peer, never inline rules or `aws.ec2.SecurityGroupRule`,
 * which fight each other over the same group.
 */
import type * as pulumi from '@pulumi/pulumi';
import { SecurityGroup } from '@pulumi/aws/ec2';
import { SecurityGroupEgressRule, SecurityGroupIngressRule } from '@pulumi/aws/vpc';
import type { Peer, PolicyRule, ResolvedPolicy } from '../core';
import type { RenderContext } from './render-context';
import { securityGroupRuleName } from './resource-names';

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

/** One standalone rule per policy rule, each named after what it allows. */
export function createSecurityGroupRules(context: RenderContext, securityGroupId: pulumi.Input<string>, policy: ResolvedPolicy): (SecurityGroupEgressRule | SecurityGroupIngressRule)[] {
  const Rule = policy.direction === 'egress' ? SecurityGroupEgressRule : SecurityGroupIngressRule;
  return policy.rules.map(
    (rule: PolicyRule) =>
      new Rule(
        securityGroupRuleName(context.name, rule, policy.direction),
        {
          securityGroupId,
          ipProtocol: rule.protocol,
          fromPort: rule.fromPort,
          toPort: rule.toPort,
          description: rule.description,
          ...peerFields(rule.peer, context.references),
          ...(context.tags !== undefined ? { tags: context.tags } : {}),
        },
        { parent: context.parent },
      ),
  );
}
