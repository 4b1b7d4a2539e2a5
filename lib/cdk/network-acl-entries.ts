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
export function addNetworkAclEntries(acl: ec2.INetworkAcl, entryScope: Construct, entries: readonly NetworkAclEntryPlan[], peers: PeerTranslator): void {
  for (const entry of entries) {
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
  }
}
