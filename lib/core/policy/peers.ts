/**
 * Peers as the resolver holds them: a stable key and order, the address-family quota their rules
 * count against, how AWS weighs them, and how people read them.
 */
import type { AddressFamily, Peer } from './types';

/** IPv4 "anywhere". */
export const ANY_IPV4 = '0.0.0.0/0';
/** IPv6 "anywhere". */
export const ANY_IPV6 = '::/0';

/** A stable text key for a peer, used for ordering and deduplication. */
export function peerKey(peer: Peer): string {
  return `${peer.kind}:${peer.kind === 'ipv4' || peer.kind === 'ipv6' ? peer.cidr : peer.id}`;
}

/** The order of peer kinds in a policy: IPv4, IPv6, prefix lists, security groups. */
const PEER_KIND_ORDER: Record<Peer['kind'], number> = { ipv4: 0, ipv6: 1, 'prefix-list': 2, 'security-group': 3 };

/** A total order on peers: by kind, then by value. */
export function comparePeers(a: Peer, b: Peer): number {
  const byKind = PEER_KIND_ORDER[a.kind] - PEER_KIND_ORDER[b.kind];
  if (byKind !== 0) {
    return byKind;
  }
  const ka = peerKey(a);
  const kb = peerKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * The address family a peer's rules are shown in: a prefix list's own family, IPv4 (every VPC's
 * family) for security groups. Quotas count some peers in both: see `peerFamilies`.
 */
export function peerFamily(peer: Peer): AddressFamily {
  if (peer.kind === 'prefix-list') {
    return peer.family ?? 'ipv4';
  }
  return peer.kind === 'ipv6' ? 'ipv6' : 'ipv4';
}

/**
 * Every address-family quota a rule to this peer counts against. AWS's quota pages have said that
 * a rule referencing a security group or an AWS-managed prefix list counts as one rule for IPv4
 * and one for IPv6; the current text is less explicit, so such rules (and prefix lists of unknown
 * family) are counted in both, which never undercounts.
 */
export function peerFamilies(peer: Peer): readonly AddressFamily[] {
  switch (peer.kind) {
    case 'ipv4':
    case 'ipv6':
      return [peer.kind];
    case 'prefix-list':
      return peer.family !== undefined ? [peer.family] : BOTH_FAMILIES;
    case 'security-group':
      return BOTH_FAMILIES;
  }
}

const BOTH_FAMILIES: readonly AddressFamily[] = ['ipv4', 'ipv6'];

/**
 * How many security-group rules AWS counts for one rule to this peer: a customer-managed prefix
 * list's max entries, an AWS-managed one's weight (both given as `maxEntries`), else one.
 */
export function peerWeight(peer: Peer): number {
  return peer.kind === 'prefix-list' ? (peer.maxEntries ?? 1) : 1;
}

/** Human text for a peer: the CIDR or the id. */
export function formatPeer(peer: Peer): string {
  return peer.kind === 'ipv4' || peer.kind === 'ipv6' ? peer.cidr : peer.id;
}

/** True when a peer lets any address through. */
export function isAnywhere(peer: Peer): boolean {
  return (peer.kind === 'ipv4' && peer.cidr === ANY_IPV4) || (peer.kind === 'ipv6' && peer.cidr === ANY_IPV6);
}

/** "IPv4" or "IPv6", for messages. */
export function familyName(family: AddressFamily): string {
  return family === 'ipv4' ? 'IPv4' : 'IPv6';
}
