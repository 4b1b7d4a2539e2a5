/**
 * One ledger per security group and per network ACL that apple-ports constructs put rules on, so
 * constructs sharing a target are checked together (the ledgers themselves are the core's). Kept
 * by the target object, so they end with the app.
 */
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import { NetworkAclLedger, SecurityGroupLedger, SubnetLedger } from '../core/internal';

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
