/**
 * What `AppleServicesEgress` and `AppleServicesIngress` share: plan everything first (so bad input
 * fails before any resource exists), log the warnings, then create the children.
 */
import * as pulumi from '@pulumi/pulumi';
import type { NetworkAcl, SecurityGroup } from '@pulumi/aws/ec2';
import type { Direction, NetworkAclEntryPlan, PlanOutcome, Problem, ResolvedPolicy } from '../core';
import type { MatchingRule, SecurityGroupClaim } from '../core/internal';
import { PULUMI_VOCABULARY, planComponent, type PlannerArgs } from './component-plan';
import { AppleServicesResourceError } from './errors';
import { inputContent, networkAclLedgers, reserveInputContent, securityGroupLedgers, subnetLedgers } from './ledgers';
import { associateSubnets, createNetworkAcl, createNetworkAclRules } from './network-acl-entries';
import type { RenderContext } from './render-context';
import { createMatchingRules, createSecurityGroup, createSecurityGroupRules } from './security-group-rules';
import { typeToken } from './type-tokens';
import { logWarnings } from './warnings';

/**
 * Claims the matching rules on each peer group's ledger, so a group several components reach is
 * held to its quota and gets each rule once. `ownGroup` is this component's group as ledger content.
 */
function claimMatchingRules(
  wanted: readonly MatchingRule[],
  peerGroups: ReadonlyMap<string, SecurityGroup>,
  ownGroup: string,
  groupClaim: (groupName: string) => SecurityGroupClaim,
): PlanOutcome<MatchingRule[]> {
  const byGroup = new Map<string, MatchingRule[]>();
  for (const rule of wanted) {
    byGroup.set(rule.group, [...(byGroup.get(rule.group) ?? []), rule]);
  }
  const claimed: MatchingRule[] = [];
  for (const [placeholder, rules] of byGroup) {
    const outcome = securityGroupLedgers.of(peerGroups.get(placeholder)!.id).claim(
      { direction: rules[0]!.direction, rules: rules.map((rule) => ({ ...rule, peer: { kind: 'security-group' as const, id: ownGroup } })) },
      // The peer is this component's group, already ledger content.
      { ...groupClaim(`the security group ${placeholder}`), actualOf: (value) => value },
    );
    if (outcome.problems.length > 0) {
      return { ok: false, problems: outcome.problems };
    }
    claimed.push(...outcome.rules.map(({ peer: _peer, ...rule }) => rule));
  }
  return { ok: true, value: claimed };
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

  protected constructor(direction: Direction, name: string, args: PlannerArgs, opts?: pulumi.ComponentResourceOptions) {
    const typeName = PULUMI_VOCABULARY.typeName[direction];
    super(typeToken(typeName), name, {}, opts);
    const owner = `${typeName} '${name}'`;
    const refuse = (problems: readonly Problem[]) => new AppleServicesResourceError(problems, owner, this);
    const result = planComponent(args, direction);
    if (!result.ok) {
      throw refuse(result.problems);
    }
    const { design, networkAcl: aclDesign, references } = result.value;
    const groupClaim = (groupName: string): SecurityGroupClaim => ({
      claimant: 'component',
      groupName,
      actualOf: (value) => inputContent(references.inputFor(value)),
      quota: design.securityGroupRuleQuota,
      maxRulesField: design.terms.field('maxRules'),
      quotaField: design.terms.field('securityGroupRuleQuota'),
    });
    const context: RenderContext = { name, parent: this, references, ...(args.tags !== undefined ? { tags: args.tags } : {}) };

    // Every claim on a shared target is checked before anything is created.
    const groupId = design.securityGroup === 'existing' ? args.securityGroupId! : undefined;
    let rules = design.policy.rules;
    if (groupId !== undefined) {
      const claimed = securityGroupLedgers.of(groupId).claim(design.policy, groupClaim(typeof groupId === 'string' ? `the security group '${groupId}'` : 'the security group'));
      if (claimed.problems.length > 0) {
        throw refuse(claimed.problems);
      }
      rules = claimed.rules;
    }
    // The matching rules on peer groups name this component's group, created below when it is new.
    const ownGroup = groupId !== undefined ? { content: inputContent(groupId), bind: () => undefined } : reserveInputContent();
    const peerGroups = references.ownedSecurityGroups;
    const matchingRules = claimMatchingRules(design.matchingRules, peerGroups, ownGroup.content, groupClaim);
    if (!matchingRules.ok) {
      throw refuse(matchingRules.problems);
    }
    let entries: readonly NetworkAclEntryPlan[] = aclDesign?.entries ?? [];
    const claimEntries = (acl: pulumi.Input<string>) => {
      const claimed = networkAclLedgers.of(acl).claim(entries, {
        owner,
        claimant: 'component',
        aclName: typeof acl === 'string' ? `the network ACL '${acl}'` : 'the network ACL',
        actualOf: (value) => inputContent(references.inputFor(value)),
        maxEntries: aclDesign!.budget,
      });
      if (claimed.problems.length > 0) {
        throw refuse(claimed.problems);
      }
      entries = claimed.entries;
    };
    if (design.networkAcl === 'existing') {
      claimEntries(args.networkAclId!);
    }
    if (design.networkAcl === 'create') {
      const problems = args.subnetIds!.flatMap((subnetId, index) =>
        subnetLedgers.of(subnetId).claim({
          owner,
          claimant: 'component',
          subnetName: typeof subnetId === 'string' ? `'${subnetId}'` : `subnetIds[${index}]`,
          shareHint: (holder) => `pass networkAclId: the networkAclId of ${holder} here, and leave subnetIds out`,
        }),
      );
      if (problems.length > 0) {
        throw refuse(problems);
      }
    }
    logWarnings(this, [...design.warnings, ...(aclDesign?.warnings ?? [])]);

    this.policy = design.policy;
    this.networkAclPolicy = aclDesign?.policy;

    if (design.securityGroup !== 'none') {
      this.securityGroup = design.securityGroup === 'create' ? createSecurityGroup(context, args.vpcId!, direction) : undefined;
      this.securityGroupId = this.securityGroup?.id ?? pulumi.output(args.securityGroupId!);
      if (this.securityGroup) {
        // Other components may add rules to this group by passing its id on.
        securityGroupLedgers.of(this.securityGroupId).claim(design.policy, groupClaim('the security group'));
        ownGroup.bind(this.securityGroupId);
      } else {
        securityGroupLedgers.alias(args.securityGroupId!, this.securityGroupId);
      }
      createSecurityGroupRules(context, this.securityGroupId, direction, rules);
      createMatchingRules(context, this.securityGroupId, matchingRules.value, peerGroups);
    }

    if (design.networkAcl === 'create') {
      this.networkAcl = createNetworkAcl(context, args.vpcId!);
      this.networkAclId = this.networkAcl.id;
      // Other components may add entries to this ACL by passing its id on.
      claimEntries(this.networkAclId);
      const rules = createNetworkAclRules(context, this.networkAclId, entries);
      associateSubnets(context, this.networkAcl, args.subnetIds!, rules);
    } else if (design.networkAcl === 'existing') {
      const given = args.networkAclId!;
      // The given Output itself, so components passing either one on share the same ledger.
      const networkAclId = pulumi.Output.isInstance(given) ? (given as pulumi.Output<string>) : pulumi.output(given);
      this.networkAclId = networkAclId;
      networkAclLedgers.alias(given, networkAclId);
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
