/**
 * Renders planned network ACL entries: an `aws.ec2.NetworkAcl` when the component creates one,
 * one `aws.ec2.NetworkAclRule` per entry (return entries included) and one association per subnet.
 */
import type * as pulumi from '@pulumi/pulumi';
import { NetworkAcl, NetworkAclAssociation, NetworkAclRule } from '@pulumi/aws/ec2';
import type { NetworkAclEntryPlan } from '../core';
import { ICMPV6_PROTOCOL_NUMBER, isIcmpEntry } from '../core/internal';
import type { RenderContext } from './render-context';
import { networkAclEntryName, subnetAssociationName } from './resource-names';

/** An ACL with no inline entries: inline entries and `NetworkAclRule`s would overwrite each other. */
export function createNetworkAcl(context: RenderContext, vpcId: pulumi.Input<string>): NetworkAcl {
  return new NetworkAcl(`${context.name}-nacl`, { vpcId, ...(context.tags !== undefined ? { tags: context.tags } : {}) }, { parent: context.parent });
}

/**
 * The protocol and ports, or ICMP message, of an entry. ICMPv6 is given by its IANA protocol
 * number, which the provider takes for every protocol it has no name for.
 */
function traffic(entry: NetworkAclEntryPlan) {
  if (isIcmpEntry(entry)) {
    return { protocol: entry.protocol === 'icmp' ? 'icmp' : String(ICMPV6_PROTOCOL_NUMBER), icmpType: entry.icmpType, icmpCode: entry.icmpCode };
  }
  return { protocol: entry.protocol, fromPort: entry.fromPort, toPort: entry.toPort };
}

/**
 * One rule per planned entry. A changed rule number replaces the entry; replacing delete-first
 * frees the number, where Pulumi's default create-first fails with NetworkAclEntryAlreadyExists.
 */
export function createNetworkAclRules(context: RenderContext, networkAclId: pulumi.Input<string>, entries: readonly NetworkAclEntryPlan[]): NetworkAclRule[] {
  return entries.map(
    (entry) =>
      new NetworkAclRule(
        networkAclEntryName(context.name, entry),
        {
          networkAclId,
          ruleNumber: entry.ruleNumber,
          egress: entry.egress,
          ruleAction: 'allow',
          ...(entry.family === 'ipv4' ? { cidrBlock: context.references.inputFor(entry.cidr) } : { ipv6CidrBlock: context.references.inputFor(entry.cidr) }),
          ...traffic(entry),
        },
        { parent: context.parent, deleteBeforeReplace: true },
      ),
  );
}

/**
 * Associates the subnets with the ACL once its entries exist: a subnet switched to an empty ACL
 * would drop all its traffic until they do.
 */
export function associateSubnets(context: RenderContext, networkAcl: NetworkAcl, subnetIds: readonly pulumi.Input<string>[], entries: readonly NetworkAclRule[]): NetworkAclAssociation[] {
  return subnetIds.map(
    (subnetId, index) =>
      new NetworkAclAssociation(subnetAssociationName(context.name, subnetId, index), { networkAclId: networkAcl.id, subnetId }, { parent: context.parent, dependsOn: [...entries] }),
  );
}
