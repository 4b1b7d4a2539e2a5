/**
 * The props of `AppleServicesEgress` and `AppleServicesIngress`: the resolver's selection (the
 * direction comes from the class) plus the security groups and network ACLs to apply it to.
 */
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { AWS_QUOTAS, AppleServicesSelection, DEFAULT_NETWORK_ACL_ENTRIES, Destination, NetworkAclOptions } from '../core';

/**
 * A destination or source: anything the resolver takes (`'anywhere'`, a CIDR, `'pl-…'`, `'sg-…'`)
 * or a CDK peer (`ec2.Peer.ipv4(…)`, `ec2.Peer.prefixList(…)`, a security group).
 *
 * Strings only known at deploy time pass through unchecked. One that is exactly a security group's
 * id (`securityGroup.securityGroupId`, a `CfnSecurityGroup`'s `attrGroupId`, or its `ref` when it
 * has a `vpcId`, a `CfnParameter` of type `AWS::EC2::SecurityGroup::Id`) is a security group; one that is exactly a
 * prefix list's id (`prefixList.prefixListId`) is a prefix list; any other (`vpc.vpcCidrBlock`, a
 * parameter, `Fn.importValue(…)`) is an IPv4 CIDR, as `ec2.Peer.ipv4` takes it. Wrap IPv6 CIDRs and
 * ids whose source apple-ports cannot see, such as imports from another app:
 * `ec2.Peer.ipv6(token)`, `ec2.Peer.securityGroupId(token)`, `ec2.Peer.prefixList(token)`.
 */
export type AppleServicesPeer = Destination | ec2.IPeer;

/** The selection both constructs share: which Apple products, and how strictly. */
export interface AppleServicesSelectionProps extends AppleServicesSelection {}

/** Where the rules go. Give at least one target here, or call `applyTo()` / `applyToNetworkAcl()`. */
export interface AppleServicesTargetProps {
  /**
   * Create a security group in this VPC that holds only these rules (it allows no other
   * outbound traffic), exposed as `securityGroup`. Also the VPC `subnets` are selected from.
   * @default - no security group is created
   */
  readonly vpc?: ec2.IVpc;
  /**
   * Add the rules to this existing security group instead of creating one. For egress it must
   * not allow all outbound traffic: import it with
   * `SecurityGroup.fromSecurityGroupId(this, 'Sg', id, { allowAllOutbound: false })`.
   * @default - the group created in `vpc`, if any
   */
  readonly securityGroup?: ec2.ISecurityGroup;
  /**
   * Create a network ACL holding the selection (with the return entries stateless ACLs need)
   * and associate it with these subnets of `vpc`, exposed as `networkAcl`. The ACL denies
   * everything else; add your own entries outside the rule numbers this construct uses.
   * @default - no network ACL is created
   */
  readonly subnets?: ec2.SubnetSelection;
  /**
   * Add the entries to this existing network ACL instead of creating one.
   * @default - the ACL created for `subnets`, if any
   */
  readonly networkAcl?: ec2.INetworkAcl;
  /**
   * Rule numbers, return ports and entry budget of the network ACL entries.
   * @default - each {@link NetworkAclOptions} default: rule numbers from `NETWORK_ACL_NUMBERING` up
   * to {@link AWS_QUOTAS.networkAclMaxRuleNumber}, return ports of the catalogue's `aws-nat-gateway` range,
   * {@link DEFAULT_NETWORK_ACL_ENTRIES} entries per direction and address family (AWS's default quota less
   * the default deny)
   */
  readonly networkAclOptions?: NetworkAclOptions;
  /**
   * Security-group rules allowed per direction and address family: AWS's quota for your account.
   * @default - AWS's default quota, {@link AWS_QUOTAS.securityGroupRulesPerDirection}
   */
  readonly securityGroupRuleQuota?: number;
}

/** Props of `AppleServicesEgress`. */
export interface AppleServicesEgressProps extends AppleServicesSelectionProps, AppleServicesTargetProps {
  /**
   * Where the Apple devices may connect to. `'apple-network'` narrows the services that only
   * talk to Apple (push notifications) to Apple's 17.0.0.0/8, or to `appleNetworkPeers`. Tokens
   * are read as `AppleServicesPeer` says: wrap IPv6, security-group and prefix-list tokens that
   * are not a construct's own id in `ec2.Peer.ipv6()`, `securityGroupId()` or `prefixList()`.
   * @default ['anywhere'], or ['apple-network'] when `appleNetworkPeers` is given
   */
  readonly destinations?: readonly AppleServicesPeer[];
  /**
   * What `'apple-network'` stands for, e.g. `AppleNetworkPrefixList.peer` (or its `prefixListId`,
   * which is read as the same list). A security-group rule
   * to a prefix list counts as the list's max entries against the quota, as AWS counts it; network
   * ACL entries, which cannot reference prefix lists, use an `AppleNetworkPrefixList`'s CIDRs.
   * @default - Apple's network from the catalogue's `networks`, plus Apple's published IPv6 subnets
   * with `ipv6`
   */
  readonly appleNetworkPeers?: readonly AppleServicesPeer[];
}

/** Props of `AppleServicesIngress`. */
export interface AppleServicesIngressProps extends AppleServicesSelectionProps, AppleServicesTargetProps {
  /**
   * Who may connect in: a bastion security group, admin CIDRs, a prefix list. There is no
   * default; `'anywhere'` works but warns (`apple-ports:open-ingress`). A bare
   * `bastion.securityGroupId` is a security-group source (the bastion's group is left alone; pass
   * the group itself to add the matching egress there). Other tokens are read as
   * `AppleServicesPeer` says: wrap IPv6, security-group and prefix-list tokens that are not a
   * construct's own id in `ec2.Peer.ipv6()`, `securityGroupId()` or `prefixList()`.
   */
  readonly sources: readonly AppleServicesPeer[];
}
