/**
 * The entries of a customer-managed prefix list holding Apple's network, so a CDK `ec2.PrefixList`
 * or a Pulumi `aws.ec2.ManagedPrefixList` is one call over the plan, and the list can stand for
 * `'apple-network'` in a selection's `appleNetworkPeers`. AWS counts a security-group rule that
 * references a prefix list as the list's max entries, which the peer carries.
 */
import { getNetwork, type NetworkId } from '../catalogue';
import type { AddressFamily, Peer } from '../policy';
import { throwIfProblems, type Problem } from '../problems';
import { AWS_QUOTAS, PREFIX_LIST_NAME_MAX_LENGTH, RESERVED_PREFIX_LIST_NAME_START } from './facts';

/** The most entries a customer-managed prefix list may hold (Amazon VPC quotas, "Prefix lists"). */
export const MAX_PREFIX_LIST_ENTRIES = AWS_QUOTAS.prefixListMaxEntries;

/** What to put in the list. */
export interface AppleNetworkPrefixListOptions {
  /** The list's address family; a prefix list holds one family only. @default 'ipv4' */
  readonly family?: AddressFamily;
  /**
   * `'apple'`: all of Apple's network (17.0.0.0/8, which Apple says is assigned to it in full);
   * `'apns'`: only the narrower APNs subnets Apple publishes, the only range with IPv6 subnets.
   * @default 'apple'
   */
  readonly scope?: NetworkId;
  /**
   * The list's max entries, fixed room to grow. AWS counts every security-group rule that references
   * the list as this many rules, so keep it small.
   * @default the number of entries
   */
  readonly maxEntries?: number;
}

/** One CIDR of the list. */
export interface PrefixListEntryPlan {
  /** The entry's CIDR. */
  readonly cidr: string;
  /** Entry description: the network's label and the CIDR, well within AWS's length for entry descriptions. */
  readonly description: string;
}

/** Everything needed to create the prefix list. */
export interface AppleNetworkPrefixListPlan {
  /** A suggested list name: `apple-network-ipv4`, `apple-apns-ipv6`. */
  readonly name: string;
  /** The list's address family. */
  readonly family: AddressFamily;
  /** The family as EC2 spells it (`AddressFamily` of `AWS::EC2::PrefixList`). */
  readonly addressFamily: 'IPv4' | 'IPv6';
  /** Which of Apple's networks the list holds: `apple` (all of it) or `apns`. */
  readonly scope: NetworkId;
  /** The list's entries, one per CIDR, sorted. */
  readonly entries: readonly PrefixListEntryPlan[];
  /** The list's max entries: what each security-group rule referencing it counts as. */
  readonly maxEntries: number;
  /** Apple's articles the CIDRs come from. */
  readonly sources: readonly string[];
}

/** Entry descriptions per network, in AWS's rule-description characters. */
const ENTRY_LABELS: Record<NetworkId, string> = {
  apple: 'Apple network, assigned to Apple in full',
  apns: 'Apple Push Notification service (APNs)',
};

const FAMILIES: readonly AddressFamily[] = ['ipv4', 'ipv6'];

function validate(options: AppleNetworkPrefixListOptions, listName: string | undefined): Problem[] {
  const problems: Problem[] = [];
  const { family = 'ipv4', scope = 'apple', maxEntries } = options;
  const invalid = (message: string) => problems.push({ code: 'invalid-prefix-list-option', message });
  if (listName === '') {
    invalid('prefixListName is empty. Name the list, or leave prefixListName out for a generated name.');
  } else if (listName !== undefined && listName.length > PREFIX_LIST_NAME_MAX_LENGTH) {
    invalid(`prefixListName has ${listName.length} characters, more than the ${PREFIX_LIST_NAME_MAX_LENGTH} AWS allows. Shorten it, or leave it out for a generated name.`);
  } else if (listName?.startsWith(RESERVED_PREFIX_LIST_NAME_START)) {
    invalid(`prefixListName '${listName}' starts with '${RESERVED_PREFIX_LIST_NAME_START}', which AWS keeps for its own prefix lists. Choose another name, or leave it out for a generated one.`);
  }
  if (!FAMILIES.includes(family)) {
    invalid(`Invalid prefix-list family '${String(family)}'. Use 'ipv4' or 'ipv6'.`);
    return problems;
  }
  if (scope !== 'apple' && scope !== 'apns') {
    invalid(`Invalid prefix-list scope '${String(scope)}'. Use 'apple' (17.0.0.0/8) or 'apns' (the APNs subnets).`);
    return problems;
  }
  const count = cidrs(scope, family).length;
  if (count === 0) {
    invalid(`Apple publishes no ${family === 'ipv6' ? 'IPv6' : 'IPv4'} range for scope '${scope}'. Use scope 'apns' for the APNs IPv6 subnets, or family 'ipv4' for 17.0.0.0/8.`);
  }
  if (maxEntries !== undefined && !(Number.isInteger(maxEntries) && maxEntries >= Math.max(count, 1) && maxEntries <= MAX_PREFIX_LIST_ENTRIES)) {
    invalid(`maxEntries ${String(maxEntries)} cannot hold the ${count} ${scope} entries. Use a whole number from ${Math.max(count, 1)} to ${MAX_PREFIX_LIST_ENTRIES}, or leave it out.`);
  }
  return problems;
}

function cidrs(scope: NetworkId, family: AddressFamily): readonly string[] {
  const network = getNetwork(scope);
  return family === 'ipv6' ? network.ipv6 : network.ipv4;
}

/**
 * The entries and max entries of a prefix list for Apple's network (IPv4 17.0.0.0/8 by default),
 * or for the APNs subnets in either family. Throws an `ApplePortsError` for options that cannot
 * make a list, such as IPv6 for all of Apple's network, which Apple publishes no range for.
 * @param listName the name the list will be created with, checked against AWS's rules (the plan's
 * `name` is only a suggestion); leave it out when the name is generated or only known at deploy time
 */
export function appleNetworkPrefixList(options: AppleNetworkPrefixListOptions = {}, listName?: string): AppleNetworkPrefixListPlan {
  throwIfProblems(validate(options, listName));
  const { family = 'ipv4', scope = 'apple' } = options;
  const entries = cidrs(scope, family).map((cidr) => ({ cidr, description: `${ENTRY_LABELS[scope]} ${cidr}` }));
  return {
    name: `apple-${scope === 'apple' ? 'network' : scope}-${family}`,
    family,
    addressFamily: family === 'ipv6' ? 'IPv6' : 'IPv4',
    scope,
    entries,
    maxEntries: options.maxEntries ?? entries.length,
    sources: getNetwork(scope).sources,
  };
}

/**
 * The peer for a created list (its id may be a CDK token or Pulumi output), ready for a selection's
 * `appleNetworkPeers` or `destinations`: it carries the family and max entries that AWS's
 * security-group quota counts.
 */
export function appleNetworkPrefixListPeer(prefixListId: string, plan: Pick<AppleNetworkPrefixListPlan, 'family' | 'maxEntries'>): Peer {
  return { kind: 'prefix-list', id: prefixListId, family: plan.family, maxEntries: plan.maxEntries };
}
