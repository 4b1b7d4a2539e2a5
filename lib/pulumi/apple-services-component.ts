/**
 * What `AppleServicesEgress` and `AppleServicesIngress` share: plan everything first (so bad input
 * fails before any resource exists), warn about the policy's notices, then create the children.
 */
import * as pulumi from '@pulumi/pulumi';
import type { NetworkAcl, SecurityGroup } from '@pulumi/aws/ec2';
import type { ResolvedPolicy } from '../core';
import { planComponent, type ComponentProblem, type PlannerArgs, type PlannerSubject } from './component-plan';
import { associateSubnets, createNetworkAcl, createNetworkAclRules } from './network-acl-entries';
import type { RenderContext } from './render-context';
import { createSecurityGroup, createSecurityGroupRules } from './security-group-rules';
import { claimNetworkAclEntries, shareNetworkAclRecord } from './shared-network-acls';

/** The package part of the components' type tokens, `apple-ports:index:<Name>`. */
export const TYPE_TOKEN_PREFIX = 'apple-ports:index:';

/** One problem as it is, several as a list, all after the component's type and name. */
export function formatProblems(component: string, problems: readonly ComponentProblem[]): string {
  if (problems.length === 1) {
    return `${component}: ${problems[0].message}`;
  }
  return `${component}: invalid apple-ports selection (${problems.length} problems):\n${problems.map((p) => `- ${p.message}`).join('\n')}`;
}

/** The base of both components; use `AppleServicesEgress` or `AppleServicesIngress`. */
export abstract class AppleServicesComponent extends pulumi.ComponentResource {
  /** The resolved selection, as the security group holds it: plain data for review snapshots. */
  public readonly policy: ResolvedPolicy;
  /** The selection resolved within the network ACL's entry budget; set when the component has an ACL. */
  public readonly networkAclPolicy?: ResolvedPolicy;
  /** The security group the component created; set when it was given `vpcId` and no `securityGroupId`. */
  public readonly securityGroup?: SecurityGroup;
  /** The id of the group holding the rules, created or given; set when the component has one. */
  public readonly securityGroupId?: pulumi.Output<string>;
  /** The network ACL the component created; set when it was given `subnetIds`. */
  public readonly networkAcl?: NetworkAcl;
  /** The id of the ACL holding the entries, created or given; set when the component has one. */
  public readonly networkAclId?: pulumi.Output<string>;

  protected constructor(subject: PlannerSubject, name: string, args: PlannerArgs, opts?: pulumi.ComponentResourceOptions) {
    super(`${TYPE_TOKEN_PREFIX}${subject.typeName}`, name, {}, opts);
    const { direction } = subject;
    const owner = `${subject.typeName} '${name}'`;
    const result = planComponent(args, subject);
    // Bad input, not a bug: the message names the component and the fix, a stack trace adds nothing.
    if (!result.ok) {
      throw new pulumi.ResourceError(formatProblems(owner, result.problems), this, true);
    }
    const { plan } = result;
    let entries = plan.networkAclEntries;
    if (plan.networkAcl === 'existing') {
      const claim = claimNetworkAclEntries(args.networkAclId!, owner, entries, plan.references, plan.networkAclBudget);
      if (!claim.ok) {
        throw new pulumi.ResourceError(formatProblems(owner, claim.problems), this, true);
      }
      entries = claim.entries;
    }
    for (const warning of plan.warnings) {
      void pulumi.log.warn(warning, this);
    }
    const context: RenderContext = { name, parent: this, references: plan.references, ...(args.tags !== undefined ? { tags: args.tags } : {}) };

    this.policy = plan.policy;
    this.networkAclPolicy = plan.networkAclPolicy;

    if (plan.securityGroup !== 'none') {
      this.securityGroup = plan.securityGroup === 'create' ? createSecurityGroup(context, args.vpcId!, direction) : undefined;
      this.securityGroupId = this.securityGroup?.id ?? pulumi.output(args.securityGroupId!);
      createSecurityGroupRules(context, this.securityGroupId, plan.policy);
    }

    if (plan.networkAcl === 'create') {
      this.networkAcl = createNetworkAcl(context, args.vpcId!);
      this.networkAclId = this.networkAcl.id;
      // Other components may add entries to this ACL by passing its id on.
      claimNetworkAclEntries(this.networkAclId, owner, entries, plan.references, plan.networkAclBudget);
      const rules = createNetworkAclRules(context, this.networkAclId, entries);
      associateSubnets(context, this.networkAcl, args.subnetIds!, rules);
    } else if (plan.networkAcl === 'existing') {
      const given = args.networkAclId!;
      // The given Output itself, so components passing either one on share the same record.
      const networkAclId = pulumi.Output.isInstance(given) ? (given as pulumi.Output<string>) : pulumi.output(given);
      this.networkAclId = networkAclId;
      shareNetworkAclRecord(given, networkAclId);
      createNetworkAclRules(context, networkAclId, entries);
    }

    this.registerOutputs({
      securityGroupId: this.securityGroupId,
      networkAclId: this.networkAclId,
      policy: this.policy,
      networkAclPolicy: this.networkAclPolicy,
    });
  }
}
