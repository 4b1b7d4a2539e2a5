/**
 * What the components know of a prefix list beyond its id. AWS counts a security-group rule that
 * references a prefix list as the list's max entries, in the list's address family, and network
 * ACL entries cannot reference a list at all. For a list an `AppleNetworkPrefixList` created, those
 * facts are recorded here, keyed by the very `prefixListId` Output the program passes around, so
 * `{ prefixListId: list.prefixListId }` is counted and rendered as `list.peer` is.
 */
import type { AddressFamily, Peer } from '../core';

/** A prefix list created from the catalogue, as the components need to know it. */
export interface PrefixListFacts {
  /** The list's address family, whose security-group quota its rules count against. */
  readonly family: AddressFamily;
  /** What AWS counts each security-group rule referencing the list as. */
  readonly maxEntries: number;
  /**
   * The list's CIDRs, which network ACL entries use in its place. Only for lists whose entries come
   * from the catalogue: a list of the user's own may change outside the program.
   */
  readonly networkAclPeers: readonly Peer[];
  /** How messages name the list: `AppleNetworkPrefixList 'apple'`. */
  readonly label: string;
}

const factsById = new WeakMap<object, PrefixListFacts>();

/** Records the facts of a list created from the catalogue, under its id Output. */
export function registerPrefixListFacts(prefixListId: object, facts: PrefixListFacts): void {
  factsById.set(prefixListId, facts);
}

/** The facts of a prefix-list id, or `undefined` for an id no `AppleNetworkPrefixList` created. */
export function findPrefixListFacts(prefixListId: unknown): PrefixListFacts | undefined {
  return typeof prefixListId === 'object' && prefixListId !== null ? factsById.get(prefixListId) : undefined;
}
