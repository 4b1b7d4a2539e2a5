/**
 * A customer-managed prefix list of Apple's network for Pulumi, so security groups reference one
 * list instead of repeating Apple's CIDRs, and AppleServicesEgress can send the services that only
 * talk to Apple (push notifications) there.
 */
import * as pulumi from '@pulumi/pulumi';
import { ManagedPrefixList } from '@pulumi/aws/ec2';
import { ApplePortsError, appleNetworkPrefixList, type AddressFamily, type AppleNetworkPrefixListOptions, type AppleNetworkPrefixListPlan } from '../core';
import type { PrefixListReference } from './apple-services-args';
import { AppleServicesResourceError } from './errors';
import { typeToken } from './type-tokens';
import { registerPrefixListFacts } from './prefix-list-peers';

/** Arguments of `AppleNetworkPrefixList`: what the list holds, its name and tags. */
export interface AppleNetworkPrefixListArgs extends AppleNetworkPrefixListOptions {
  /**
   * The list's name. Prefer the generated one: a fixed name is the same in every stack.
   * @default Pulumi's auto-name from the component name, e.g. `apple-prefix-list-1a2b3c4`
   */
  readonly prefixListName?: pulumi.Input<string>;
  /**
   * Tags for the prefix list.
   * @default no tags
   */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * An `aws.ec2.ManagedPrefixList` holding Apple's network for one address family: IPv4 17.0.0.0/8 by
 * default, or with `scope: 'apns'` the APNs subnets Apple publishes (the only ones with IPv6). Give
 * `peer` to AppleServicesEgress's `appleNetworkPeers`, and its push-notification rules reference
 * the list; network ACL entries, which cannot reference a list, get its CIDRs instead.
 *
 * ```ts
 * const appleNetwork = new AppleNetworkPrefixList('apple');
 * new AppleServicesEgress('mac', { products: ['iCloud'], vpcId: vpc.id, appleNetworkPeers: [appleNetwork.peer] });
 * ```
 */
export class AppleNetworkPrefixList extends pulumi.ComponentResource {
  /** The entries, family and max entries of the list, for review snapshots. */
  public readonly plan: AppleNetworkPrefixListPlan;
  /** The prefix list. */
  public readonly prefixList: ManagedPrefixList;
  /** The list's id (`pl-…`). */
  public readonly prefixListId: pulumi.Output<string>;
  /** The list's address family. */
  public readonly family: AddressFamily;
  /** The list's max entries: what AWS counts each security-group rule referencing it as. */
  public readonly maxEntries: number;
  /**
   * The list as a destination for `appleNetworkPeers` or `destinations`, carrying the family and
   * max entries that AWS's security-group quota counts.
   */
  public readonly peer: PrefixListReference;

  /** Creates the managed prefix list of Apple's network (all of it, IPv4, unless `args` say otherwise) as a child. */
  constructor(name: string, args: AppleNetworkPrefixListArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super(typeToken('AppleNetworkPrefixList'), name, {}, opts);
    const owner = `AppleNetworkPrefixList '${name}'`;
    const { prefixListName, tags, ...options } = args ?? {};
    let plan: AppleNetworkPrefixListPlan;
    try {
      plan = appleNetworkPrefixList(options, typeof prefixListName === 'string' ? prefixListName : undefined);
    } catch (error) {
      if (error instanceof ApplePortsError) {
        throw new AppleServicesResourceError(error.problems, owner, this);
      }
      throw error;
    }
    this.plan = plan;
    this.prefixList = new ManagedPrefixList(
      `${name}-prefix-list`,
      {
        addressFamily: plan.addressFamily,
        maxEntries: plan.maxEntries,
        entries: plan.entries.map((entry) => ({ cidr: entry.cidr, description: entry.description })),
        ...(prefixListName !== undefined ? { name: prefixListName } : {}),
        ...(tags !== undefined ? { tags } : {}),
      },
      { parent: this },
    );
    this.prefixListId = this.prefixList.id;
    this.family = plan.family;
    this.maxEntries = plan.maxEntries;
    this.peer = { prefixListId: this.prefixListId, maxEntries: plan.maxEntries, family: plan.family };
    registerPrefixListFacts(this.prefixListId, {
      family: plan.family,
      maxEntries: plan.maxEntries,
      networkAclPeers: plan.entries.map((entry) => ({ kind: plan.family, cidr: entry.cidr })),
      label: owner,
    });

    this.registerOutputs({ prefixListId: this.prefixListId, plan: this.plan });
  }
}
