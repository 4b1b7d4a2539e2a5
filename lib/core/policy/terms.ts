/**
 * How a caller names the selection's fields in messages. The same problem reads `products: […]` to
 * a TypeScript user, `sources` to the ingress constructs and `--source` on the command line; the
 * resolver and the planners build every message from these terms, so no caller rewords them.
 */
import type { Direction } from '../catalogue';

/** A selection or option field a message may tell the user to change. */
export type TermField =
  | 'products'
  | 'profiles'
  | 'destinations'
  | 'sources'
  | 'appleNetworkPeers'
  | 'ipv6'
  | 'includeLegacy'
  | 'includeLinkLocal'
  | 'exclude'
  | 'extraRules'
  | 'maxRules'
  | 'securityGroupRuleQuota'
  | 'networkAclOptions'
  | 'hostGroups'
  | 'sidBase'
  | 'capacity'
  | 'homeNet'
  | 'platforms'
  | 'appleRoute'
  | 'otherwise';

/** The words a caller uses for the selection. */
export interface SelectionTerms {
  /** The field as the caller writes it: `maxRules`, `--max-rules`. */
  readonly field: (field: TermField) => string;
  /** "set includeLegacy", "pass --include-legacy": turning a boolean field on. */
  readonly enable: (field: 'ipv6' | 'includeLegacy' | 'includeLinkLocal') => string;
  /** How to ask for rules in a direction: "direction 'egress'", "AppleServicesEgress", "--ingress". */
  readonly direction: (direction: Direction) => string;
  /** How to pick a direction when the selection's profiles disagree: "Set direction to 'egress' or 'ingress'." */
  readonly chooseDirection: string;
  /** An example of naming products and profiles: "products: ['iCloud', 'FaceTime'] or profiles: ['managed-mac']". */
  readonly selectExample: string;
  /** Examples of a security-group, CIDR and prefix-list peer for messages about sources. */
  readonly peerExamples: string;
  /** One destination (egress) or source (ingress) in "Invalid destination '…'": `destination`, `--source`. */
  readonly peer: (direction: Direction) => string;
  /** The `'apple-network'` destination: "destination 'apple-network'", "--apple-network". */
  readonly appleNetwork: string;
  /** Allowing every address: "'anywhere'", "--source anywhere". */
  readonly anywhere: (direction: Direction) => string;
  /** An example of naming products or host groups for the hosts and Network Firewall rules. */
  readonly selectHostsExample: string;
}

/** The field a direction's peers are given in: destinations (egress) or sources (ingress). */
export function peersField(direction: Direction): 'destinations' | 'sources' {
  return direction === 'egress' ? 'destinations' : 'sources';
}

/** The resolver's own terms: its selection's field names, as `resolve()` callers write them. */
export const API_TERMS: SelectionTerms = {
  field: (field) => field,
  enable: (field) => `set ${field}`,
  direction: (direction) => `direction '${direction}'`,
  chooseDirection: "Set direction to 'egress' or 'ingress'.",
  selectExample: "products: ['iCloud', 'FaceTime'] or profiles: ['managed-mac']",
  peerExamples: "a bastion security group ('sg-…'), an admin CIDR ('203.0.113.0/24') or a prefix list ('pl-…')",
  peer: () => 'destination',
  appleNetwork: "destination 'apple-network'",
  anywhere: () => "'anywhere'",
  selectHostsExample: "products: ['iCloud'] or hostGroups: ['certificate-validation']",
};
