/**
 * What an AWS Network Firewall rule group of Suricata rules cannot do for Apple's hosts, whatever the
 * selection: data the adapters, the CLI and the README print beside a plan.
 */

/** Something no Suricata rule group can do for these hosts, whatever the selection. */
export interface FirewallLimitation {
  /** The limitation's stable code. */
  readonly code: 'quic' | 'sni-required' | 'no-tls-interception' | 'home-net' | 'default-action' | 'unlisted-hosts';
  /** What the rules cannot do and what to do about it, in English. */
  readonly summary: string;
  /** The AWS documentation that says so (URL). */
  readonly source: string;
}

/**
 * What a Suricata rule group cannot do for Apple's hosts. Sources: AWS's Suricata limitations
 * (no QUIC detection), AWS's domain-list documentation (SNI-based HTTPS matching, HOME_NET),
 * Apple's article 101555 (HTTPS interception).
 */
export const FIREWALL_LIMITATIONS: readonly FirewallLimitation[] = [
  {
    code: 'quic',
    summary: 'QUIC and HTTP/3 (UDP 443) cannot be matched by name: Network Firewall does not detect QUIC. Hosts Apple lists on UDP 443 (iCloud Private Relay, Associated Domains, Tap to Pay) get no name rule.',
    source: 'https://docs.aws.amazon.com/network-firewall/latest/developerguide/suricata-limitations-caveats.html',
  },
  {
    code: 'sni-required',
    summary: 'HTTPS is matched on the server name the client sends in its TLS ClientHello. Connections without SNI, with Encrypted Client Hello, or made to an IP address without a name do not match and fall to the default action; the SNI is the client\'s claim, not proof of the server.',
    source: 'https://docs.aws.amazon.com/network-firewall/latest/APIReference/API_RulesSourceList.html',
  },
  {
    code: 'no-tls-interception',
    summary: 'Apple services fail any connection that uses HTTPS interception (SSL inspection): do not decrypt these hosts with a TLS inspection configuration.',
    source: 'https://support.apple.com/en-us/101555',
  },
  {
    code: 'home-net',
    summary: 'The rules allow traffic from $HOME_NET only, which defaults to the inspection VPC\'s CIDR; with centralised egress, set homeNet (or the firewall policy\'s HOME_NET) to the CIDRs of the VPCs the Apple devices are in.',
    source: 'https://docs.aws.amazon.com/network-firewall/latest/APIReference/API_PolicyVariables.html',
  },
  {
    code: 'default-action',
    summary: 'The rules only pass traffic. Use them in a firewall policy with strict rule order and a drop default action (aws:drop_strict or aws:drop_established) so that everything else is blocked; the TCP handshake rules let the name rules work under aws:drop_strict.',
    source: 'https://docs.aws.amazon.com/network-firewall/latest/developerguide/suricata-rule-evaluation-order.html',
  },
  {
    code: 'unlisted-hosts',
    summary: 'Only hosts Apple lists in article 101555 are allowed by name. Products it lists no hosts for (Maps, Apple Music, FaceTime calls beyond APNs…) lose their HTTP and HTTPS traffic unless you allow it in a rule group of your own.',
    source: 'https://support.apple.com/en-us/101555',
  },
];
