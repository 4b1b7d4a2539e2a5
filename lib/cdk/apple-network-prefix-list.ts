/**
 * A customer-managed prefix list of Apple's network for the AWS CDK, so security groups reference
 * one list instead of repeating Apple's CIDRs, and AppleServicesEgress can send the services that
 * only talk to Apple (push notifications) there.
 */
import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { appleNetworkPrefixList, type AddressFamily, type AppleNetworkPrefixListOptions, type AppleNetworkPrefixListPlan } from '../core';
import { withConstructPath } from './errors';
import { recordPolicy } from './policy-metadata';
import { registerCatalogueCidrs } from './prefix-list-peers';

/** Props of `AppleNetworkPrefixList`: what the list holds, and its name. */
export interface AppleNetworkPrefixListProps extends AppleNetworkPrefixListOptions {
  /**
   * The list's name. Prefer the generated one: a fixed name is the same in every copy of the stack.
   * @default - a unique name generated from the construct path
   */
  readonly prefixListName?: string;
}

/**
 * An `ec2.PrefixList` holding Apple's network for one address family: IPv4 17.0.0.0/8 by default,
 * or with `scope: 'apns'` the APNs subnets Apple publishes (the only ones with IPv6). Give `peer`
 * to AppleServicesEgress's `appleNetworkPeers`, and its push-notification rules reference the list.
 *
 * @example
 * const appleNetwork = new AppleNetworkPrefixList(this, 'AppleNetwork');
 * new AppleServicesEgress(this, 'Mac', { products: ['iCloud'], vpc, appleNetworkPeers: [appleNetwork.peer] });
 */
export class AppleNetworkPrefixList extends Construct {
  /** The entries, family and max entries of the list, for review snapshots. */
  public readonly plan: AppleNetworkPrefixListPlan;
  /** The prefix list. */
  public readonly prefixList: ec2.PrefixList;
  /**
   * The list as a CDK peer, for `appleNetworkPeers` or `destinations` and for your own
   * security-group rules. apple-ports constructs count a rule to it as `maxEntries` rules.
   */
  public readonly peer: ec2.IPeer;
  /** The list's id (`pl-…`), resolved at deploy time. */
  public readonly prefixListId: string;
  /** The list's address family. */
  public readonly family: AddressFamily;
  /** The list's max entries: what AWS counts each security-group rule referencing it as. */
  public readonly maxEntries: number;

  /** Creates the managed prefix list of Apple's network (all of it, IPv4, unless `props` say otherwise). */
  constructor(scope: Construct, id: string, props: AppleNetworkPrefixListProps = {}) {
    super(scope, id);
    const { prefixListName, ...options } = props;
    const givenName = prefixListName !== undefined && !Token.isUnresolved(prefixListName) ? prefixListName : undefined;
    this.plan = withConstructPath(this, () => appleNetworkPrefixList(options, givenName));
    this.prefixList = new ec2.PrefixList(this, 'Resource', {
      addressFamily: this.plan.addressFamily === 'IPv6' ? ec2.AddressFamily.IP_V6 : ec2.AddressFamily.IP_V4,
      maxEntries: this.plan.maxEntries,
      entries: this.plan.entries.map((entry) => ({ cidr: entry.cidr, description: entry.description })),
      ...(prefixListName !== undefined ? { prefixListName } : {}),
    });
    registerCatalogueCidrs(
      this.prefixList,
      this.plan.entries.map((entry) => ({ kind: this.plan.family, cidr: entry.cidr })),
    );
    this.peer = this.prefixList;
    this.prefixListId = this.prefixList.prefixListId;
    this.family = this.plan.family;
    this.maxEntries = this.plan.maxEntries;
    recordPolicy(this, () => ({ type: 'AppleNetworkPrefixList', plan: this.plan }));
  }
}
