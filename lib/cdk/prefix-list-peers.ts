/**
 * What the constructs know of a prefix list beyond its id. AWS counts a security-group rule that
 * references a prefix list as the list's max entries, in the list's address family, but a CDK peer
 * only yields the id; for a list created in the app, the rest is read from its `AWS::EC2::PrefixList`.
 */
import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { IConstruct } from 'constructs';
import type { AddressFamily, Peer } from '../core';

/** A prefix list's family and size, as far as synthesis can tell. */
export interface PrefixListFacts {
  /** @default - unknown: counted with IPv4, like every VPC's rules */
  readonly family?: AddressFamily;
  /** @default - unknown: counted as one rule */
  readonly maxEntries?: number;
  /**
   * CIDR peers network ACL entries use in the list's place, which ACL entries cannot reference.
   * @default - none: network ACLs refuse the list
   */
  readonly networkAclPeers?: readonly Peer[];
}

/** Lists whose entries apple-ports wrote from the catalogue, so their CIDRs may stand in for them. */
const catalogueLists = new WeakMap<object, readonly Peer[]>();

/**
 * Lets network ACL entries use these CIDRs wherever the list is a destination. Only for lists whose
 * entries come from the catalogue: a list of the user's own may change outside the template.
 */
export function registerCatalogueCidrs(prefixList: ec2.IPrefixList, peers: readonly Peer[]): void {
  catalogueLists.set(prefixList, peers);
}

/**
 * The facts of a prefix list created in the app, given as its peer (an `ec2.PrefixList`) or as the
 * resource its id refers to; `undefined` for anything else.
 */
export function findPrefixListFacts(construct: IConstruct | ec2.IPeer): PrefixListFacts | undefined {
  const resource = ec2.CfnPrefixList.isCfnPrefixList(construct) ? construct : (construct as Partial<IConstruct>).node?.defaultChild;
  if (!ec2.CfnPrefixList.isCfnPrefixList(resource)) {
    return undefined;
  }
  const family = Token.isUnresolved(resource.addressFamily) ? undefined : resource.addressFamily === 'IPv6' ? 'ipv6' : 'ipv4';
  const maxEntries = resource.maxEntries;
  // Catalogue lists are registered by their ec2.PrefixList, the resource's scope.
  const networkAclPeers = resource.node.scope ? catalogueLists.get(resource.node.scope) : undefined;
  return {
    ...(family !== undefined ? { family } : {}),
    ...(maxEntries !== undefined && !Token.isUnresolved(maxEntries) ? { maxEntries } : {}),
    ...(networkAclPeers !== undefined ? { networkAclPeers } : {}),
  };
}
