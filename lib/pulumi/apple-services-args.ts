/**
 * The arguments of the Pulumi components: the resolver's selection, the network ACL options, and
 * where the rules go, with ids as Pulumi inputs.
 */
import type * as pulumi from '@pulumi/pulumi';
import type { SecurityGroup } from '@pulumi/aws/ec2';
import type { AWS_QUOTAS, AddressFamily, AppleServicesSelection, DEFAULT_NETWORK_ACL_ENTRIES, Destination, NetworkAclOptions } from '../core';

/**
 * A security group created in the program, e.g. `{ securityGroup: bastion }`. It gets the matching
 * rule too: the egress to the hosts an ingress component lets it reach, or the ingress from the
 * devices an egress component lets reach it, as the CDK's `connections.allowTo/allowFrom` do.
 * Give `{ securityGroupId: bastion.id }` instead to leave the group untouched. The group must not
 * declare inline `egress`/`ingress` rules: the provider would then remove the standalone rules
 * (the matching one included) on the next update.
 */
export interface SecurityGroupResourceReference {
  /** The security group, which gets the matching rule. */
  readonly securityGroup: SecurityGroup;
}

/**
 * A security group named by a Pulumi input, e.g. `{ securityGroupId: bastion.id }`. Only the rules
 * of this component are added: the group itself is left untouched.
 */
export interface SecurityGroupReference {
  /** The referenced security group's id. */
  readonly securityGroupId: pulumi.Input<string>;
}

/** A prefix list named by a Pulumi input, e.g. `{ prefixListId: appleNetwork.id, maxEntries: 10 }`. */
export interface PrefixListReference {
  /** The prefix list's id. */
  readonly prefixListId: pulumi.Input<string>;
  /**
   * The list's max entries: AWS counts a rule referencing it as this many rules. A list an
   * `AppleNetworkPrefixList` created is counted by its own max entries and family instead.
   * @default 1
   */
  readonly maxEntries?: number;
  /**
   * The list's address family, whose security-group quota its rules count against.
   * @default 'ipv4'
   */
  readonly family?: AddressFamily;
}

/** An IPv4 CIDR named by a Pulumi input, e.g. `{ cidrIpv4: vpc.cidrBlock }`. */
export interface Ipv4CidrReference {
  /** The IPv4 CIDR. */
  readonly cidrIpv4: pulumi.Input<string>;
}

/** An IPv6 CIDR named by a Pulumi input, e.g. `{ cidrIpv6: vpc.ipv6CidrBlock }`. */
export interface Ipv6CidrReference {
  /** The IPv6 CIDR. */
  readonly cidrIpv6: pulumi.Input<string>;
}

/**
 * A peer whose value may only be known at deploy time. A plain string is validated like any
 * destination; an `Output` is passed through and substituted when the rules are created.
 */
export type InputReference = SecurityGroupResourceReference | SecurityGroupReference | PrefixListReference | Ipv4CidrReference | Ipv6CidrReference;

/**
 * A destination (egress) or source (ingress): everything the core accepts (`'anywhere'`,
 * `'apple-network'`, a CIDR, `'pl-…'`, `'sg-…'`, a `Peer`) or an `InputReference`.
 */
export type PulumiDestination = Destination | InputReference;

/** What both components accept: the selection, where the rules go, and the NACL options. */
export interface AppleServicesCommonArgs extends AppleServicesSelection {
  /**
   * Create a security group in this VPC holding only the selection's rules. Also the VPC of the
   * network ACL created for `subnetIds`.
   * @default no security group is created
   */
  readonly vpcId?: pulumi.Input<string>;
  /**
   * Add the rules to this existing security group instead of creating one. For egress it must
   * not allow all outbound traffic, or the rules change nothing.
   * @default the group created in `vpcId`, if any
   */
  readonly securityGroupId?: pulumi.Input<string>;
  /**
   * Create a network ACL (in `vpcId`) holding the selection and its return traffic, and associate
   * it with these subnets. Associations are named by position: append new subnets at the end.
   * @default no network ACL is created
   */
  readonly subnetIds?: readonly pulumi.Input<string>[];
  /**
   * Add the entries to this existing network ACL. Give each policy sharing an ACL its own
   * rule-number range (`networkAclOptions.firstRuleNumber`, `lastRuleNumber`).
   * @default the ACL created for `subnetIds`, if any
   */
  readonly networkAclId?: pulumi.Input<string>;
  /**
   * Rule numbers, return ports and entry budget of the network ACL entries. When the selection
   * needs more entries than `maxEntries`, only the ACL's ports are widened, with a warning.
   * @default each {@link NetworkAclOptions} default: rule numbers from `NETWORK_ACL_NUMBERING` up
   * to {@link AWS_QUOTAS.networkAclMaxRuleNumber}, return ports of the catalogue's `aws-nat-gateway` range,
   * {@link DEFAULT_NETWORK_ACL_ENTRIES} entries per direction and address family (AWS's default quota less
   * the default deny)
   */
  readonly networkAclOptions?: NetworkAclOptions;
  /**
   * Rules per direction and address family a security group may hold (AWS's quota, adjustable).
   * @default AWS's default quota, {@link AWS_QUOTAS.securityGroupRulesPerDirection}
   */
  readonly securityGroupRuleQuota?: number;
  /**
   * Tags for the security group, its rules and the network ACL this component creates.
   * @default no tags
   */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** Arguments of `AppleServicesEgress`: Apple devices connecting out. */
export interface AppleServicesEgressArgs extends AppleServicesCommonArgs {
  /**
   * Where the devices may connect. `'apple-network'` narrows the services that only talk to
   * Apple (push notifications) to Apple's 17.0.0.0/8, or to `appleNetworkPeers`.
   * @default ['anywhere'], or ['apple-network'] when `appleNetworkPeers` is given
   */
  readonly destinations?: readonly PulumiDestination[];
  /**
   * What `'apple-network'` stands for, e.g. `[appleNetwork.peer]` of an `AppleNetworkPrefixList`
   * (network ACL entries get the list's CIDRs, since they cannot reference a list), or
   * `{ prefixListId: …, maxEntries: … }` for a list of your own.
   * @default Apple's network from the catalogue's `networks`, plus Apple's published APNs IPv6
   * subnets when `ipv6` is set
   */
  readonly appleNetworkPeers?: readonly PulumiDestination[];
}

/** Arguments of `AppleServicesIngress`: Macs hosting a service such as Screen Sharing. */
export interface AppleServicesIngressArgs extends AppleServicesCommonArgs {
  /**
   * Who may connect in, e.g. `[{ securityGroup: bastion }]` (which also gets the matching egress),
   * `[{ securityGroupId: bastion.id }]` or `['203.0.113.0/24']`. There is no default: `'anywhere'`
   * must be written out, and warns.
   */
  readonly sources: readonly PulumiDestination[];
}
