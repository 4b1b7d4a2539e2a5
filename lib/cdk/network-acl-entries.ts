/**
 * Renders planned network ACL entries (already claimed in the ACL's ledger) as `NetworkAclEntry`
 * constructs.
 */
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';
import type { NetworkAclEntryPlan } from '../core';
import type { PeerTranslator } from './peers';
import { toAclTraffic } from './ports';

/** Creates the entries in `entryScope` for `acl`. */
export function addNetworkAclEntries(acl: ec2.INetworkAcl, entryScope: Construct, entries: readonly NetworkAclEntryPlan[], peers: PeerTranslator): ec2.NetworkAclEntry[] {
  return entries.map((entry) => {
    // Named by direction and rule number, not by content: CloudFormation replaces an entry whose
    // rule number changes by creating the new one first, which fails while another entry still
    // holds that number. Keyed by number, a moved entry becomes an in-place update of the entry
    // already holding the number (ReplaceNetworkAclEntry), and numbers never clash.
    return new ec2.NetworkAclEntry(entryScope, `${entry.egress ? 'Egress' : 'Ingress'}${entry.ruleNumber}`, {
      networkAcl: acl,
      ruleNumber: entry.ruleNumber,
      cidr: peers.toAclCidr(entry.family, entry.cidr),
      traffic: toAclTraffic(entry),
      direction: entry.egress ? ec2.TrafficDirection.EGRESS : ec2.TrafficDirection.INGRESS,
      ruleAction: ec2.Action.ALLOW,
    });
  });
}

/**
 * Makes the subnet associations of an ACL the construct created wait for its entries: a new ACL
 * denies everything, so a subnet switched to it before its entries exist loses all traffic while
 * CloudFormation works through the stack.
 */
export function associateAfterEntries(acl: ec2.NetworkAcl, entries: readonly ec2.NetworkAclEntry[]): void {
  for (const association of acl.node.children.filter((child): child is ec2.SubnetNetworkAclAssociation => child instanceof ec2.SubnetNetworkAclAssociation)) {
    association.node.addDependency(...entries);
  }
}
