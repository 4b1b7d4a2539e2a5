/**
 * Turns the user's destinations (egress) or sources (ingress) into peers, validating every concrete
 * value and passing unresolved ones (CDK tokens, Pulumi outputs) through untouched.
 */
import { resourceIdReason } from '../aws/resource-ids';
import { asSentenceEnd, parseCidr } from './cidr';
import { ANY_IPV4, ANY_IPV6, familyName, peerKey } from './peers';
import type { AddressFamily, Destination, Peer } from './types';
import type { Problem } from '../problems';

/** The parsed destinations of a selection. */
export interface ParsedDestinations {
  /** Peers for every service not narrowed to Apple's network, deduplicated, in input order. */
  readonly peers: readonly Peer[];
  /** True when `'apple-network'` was given. */
  readonly appleNetwork: boolean;
  readonly problems: readonly Problem[];
}

function invalid(value: string, reason: string, label: string): Problem {
  return { code: 'invalid-destination', message: `Invalid ${label} '${value}': ${asSentenceEnd(reason)}` };
}

function parseReference(kind: 'prefix-list' | 'security-group', id: string, isUnresolved: (v: string) => boolean, label: string): Peer | Problem {
  const reason = isUnresolved(id) ? undefined : resourceIdReason(kind, id);
  return reason === undefined ? { kind, id } : invalid(id, reason, label);
}

function parseCidrPeer(cidr: string, expected: AddressFamily | undefined, label: string): Peer | Problem {
  const parsed = parseCidr(cidr);
  if (!parsed.ok) {
    return invalid(cidr, parsed.reason, label);
  }
  if (expected && parsed.family !== expected) {
    return invalid(cidr, `it is an ${familyName(parsed.family)} CIDR given as ${familyName(expected)}. Use { kind: '${parsed.family}', cidr: '${cidr}' }`, label);
  }
  return { kind: parsed.family, cidr: parsed.cidr };
}

function parseString(value: string, isUnresolved: (v: string) => boolean, label: string): Peer | Problem {
  if (isUnresolved(value)) {
    // Like CDK's Peer.ipv4, an unresolved string is taken as an IPv4 CIDR; pass a Peer for IPv6.
    return { kind: 'ipv4', cidr: value };
  }
  const trimmed = value.trim();
  if (trimmed.startsWith('pl-')) {
    return parseReference('prefix-list', trimmed, isUnresolved, label);
  }
  if (trimmed.startsWith('sg-')) {
    return parseReference('security-group', trimmed, isUnresolved, label);
  }
  if (!/^[0-9a-fA-F:.]+(\/.*)?$/.test(trimmed)) {
    return invalid(value, "use 'anywhere', 'apple-network', an IPv4 or IPv6 CIDR, a prefix-list id (pl-…) or a security-group id (sg-…)", label);
  }
  return parseCidrPeer(trimmed, undefined, label);
}

function parsePeer(peer: Peer, isUnresolved: (v: string) => boolean, label: string): Peer | Problem {
  switch (peer.kind) {
    case 'ipv4':
    case 'ipv6':
      return isUnresolved(peer.cidr) ? peer : parseCidrPeer(peer.cidr, peer.kind, label);
    case 'prefix-list': {
      const parsed = parseReference(peer.kind, peer.id, isUnresolved, label);
      return isProblem(parsed) ? parsed : { ...peer, ...parsed };
    }
    case 'security-group':
      return parseReference(peer.kind, peer.id, isUnresolved, label);
    default:
      return invalid(JSON.stringify(peer), "a peer's kind is 'ipv4', 'ipv6', 'prefix-list' or 'security-group'", label);
  }
}

function isProblem(value: Peer | Problem): value is Problem {
  return 'code' in value;
}

/**
 * Parses destinations. `'anywhere'` adds `0.0.0.0/0` (and `::/0` with `ipv6`); with only
 * `'apple-network'` given, services outside Apple's network keep the default, anywhere.
 * @param label how messages name one value: "Invalid destination '…'"
 * @default label 'destination'
 */
export function parseDestinations(
  destinations: readonly Destination[],
  ipv6: boolean,
  isUnresolved: (value: string) => boolean,
  label = 'destination',
): ParsedDestinations {
  const peers = new Map<string, Peer>();
  const problems: Problem[] = [];
  let appleNetwork = false;
  const add = (peer: Peer) => {
    const key = peerKey(peer);
    const known = peers.get(key);
    // The same prefix list named twice counts with its larger max entries, whatever the order.
    if (known?.kind === 'prefix-list' && peer.kind === 'prefix-list' && (known.maxEntries ?? 1) >= (peer.maxEntries ?? 1)) {
      return;
    }
    peers.set(key, peer);
  };
  const addAnywhere = () => {
    add({ kind: 'ipv4', cidr: ANY_IPV4 });
    if (ipv6) {
      add({ kind: 'ipv6', cidr: ANY_IPV6 });
    }
  };
  for (const destination of destinations) {
    if (destination === 'anywhere') {
      addAnywhere();
    } else if (destination === 'apple-network') {
      appleNetwork = true;
    } else {
      const parsed = typeof destination === 'string' ? parseString(destination, isUnresolved, label) : parsePeer(destination, isUnresolved, label);
      if (isProblem(parsed)) {
        problems.push(parsed);
      } else {
        add(parsed);
      }
    }
  }
  if (peers.size === 0 && appleNetwork) {
    addAnywhere();
  }
  return { peers: [...peers.values()], appleNetwork, problems };
}
