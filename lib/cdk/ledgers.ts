/**
 * One ledger per security group, network ACL, subnet and DNS Firewall VPC that apple-ports
 * constructs use, so constructs sharing a target are checked together (the ledgers themselves are the core's). Kept
 * by the target object, so they end with the app.
 */
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { IConstruct } from 'constructs';
import { isLookupStandIn } from './context-lookups';
import { DnsFirewallVpcLedger, NetworkAclLedger, SecurityGroupLedger, SubnetLedger } from '../core/internal';

/** Ledgers kept by their target. */
function ledgerBook<K extends object, T>(create: () => T): (target: K) => T {
  const ledgers = new WeakMap<K, T>();
  return (target) => {
    let ledger = ledgers.get(target);
    if (ledger === undefined) {
      ledger = create();
      ledgers.set(target, ledger);
    }
    return ledger;
  };
}

/** The ledger of a security group. */
export const securityGroupLedger = ledgerBook<ec2.ISecurityGroup, SecurityGroupLedger>(() => new SecurityGroupLedger());

/** The ledger of a network ACL. */
export const networkAclLedger = ledgerBook<ec2.INetworkAcl, NetworkAclLedger>(() => new NetworkAclLedger());

/** The ledger of a subnet's network ACL association. */
export const subnetLedger = ledgerBook<ec2.ISubnet, SubnetLedger>(() => new SubnetLedger());

/** VPC ids (or their tokens) → their DNS Firewall ledger, per app. */
const dnsFirewallLedgers = ledgerBook<IConstruct, Map<string, DnsFirewallVpcLedger>>(() => new Map());

/**
 * The DNS Firewall ledger of a VPC in the app of `scope`, by its id: the id itself, or the token a
 * VPC construct gives for it (the same VPC gives the same token to every construct).
 */
export function dnsFirewallVpcLedger(scope: IConstruct, vpcId: string): DnsFirewallVpcLedger {
  // A lookup's stand-in names no VPC yet: the second synthesis, with the real ids, checks it.
  if (isLookupStandIn(vpcId)) {
    return new DnsFirewallVpcLedger();
  }
  const ledgers = dnsFirewallLedgers(scope.node.root);
  let ledger = ledgers.get(vpcId);
  if (ledger === undefined) {
    ledger = new DnsFirewallVpcLedger();
    ledgers.set(vpcId, ledger);
  }
  return ledger;
}
