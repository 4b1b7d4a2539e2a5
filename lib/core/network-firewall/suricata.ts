/**
 * Suricata rule text as AWS Network Firewall takes it in a stateful rule group's rules string: one
 * rule per line, `action protocol source port direction destination port (options)`. Only keywords
 * AWS documents for Network Firewall are written; the list below is the contract, and a test parses
 * every generated rule against it.
 */

/**
 * The Suricata rule options this library writes, each used in AWS's own Network Firewall examples
 * and in the rules AWS generates for domain-list rule groups:
 * https://docs.aws.amazon.com/network-firewall/latest/developerguide/suricata-examples.html
 * https://docs.aws.amazon.com/network-firewall/latest/developerguide/stateful-rule-groups-domain-names.html
 */
export const NETWORK_FIREWALL_RULE_KEYWORDS = [
  'content',
  'dotprefix',
  'endswith',
  'flow',
  'http.host',
  'msg',
  'nocase',
  'rev',
  'sid',
  'ssl_state',
  'startswith',
  'tls.sni',
] as const;

/** A Suricata rule option keyword this library writes. */
export type RuleKeyword = (typeof NETWORK_FIREWALL_RULE_KEYWORDS)[number];

/** Where the keyword list comes from, for documentation and test messages. */
export const NETWORK_FIREWALL_KEYWORDS_SOURCE = 'https://docs.aws.amazon.com/network-firewall/latest/developerguide/suricata-examples.html';

/** One rule option: a keyword, with a value for those that take one (`sid:1000001`). */
export interface RuleOption {
  /** The option's keyword, one AWS documents for Network Firewall. */
  readonly keyword: RuleKeyword;
  /** The value as written after the colon; a quoted string for `msg` and `content`. */
  readonly value?: string;
}

/** The Suricata protocols (application-layer ones included) the rules use. */
export type RuleProtocol = 'tcp' | 'udp' | 'tls' | 'http';

/** A rule, field by field, in the order Suricata writes them. */
export interface SuricataRule {
  /** What the rule does with matching traffic: the rules only ever pass. */
  readonly action: 'pass';
  /** The protocol the rule matches, application-layer ones included. */
  readonly protocol: RuleProtocol;
  /** The source addresses (`$HOME_NET`). */
  readonly source: string;
  /** The source ports (`any`). */
  readonly sourcePort: string;
  /** `->` for one direction, `<>` for both (TCP handshakes). */
  readonly direction: '->' | '<>';
  /** The destination addresses (`$EXTERNAL_NET`, a CIDR or a list of CIDRs). */
  readonly destination: string;
  /** The destination ports (`any`, a port, a range or a list). */
  readonly destinationPort: string;
  /** The rule's options, in the order written (`msg` first, `sid` and `rev` last). */
  readonly options: readonly RuleOption[];
}

/** Text for a quoted option value: Suricata needs `"`, `;` and `\` escaped inside quotes. */
export function quoteRuleText(text: string): string {
  return `"${text.replace(/[\\";]/g, (ch) => `\\${ch}`)}"`;
}

/** A port or a range in Suricata syntax: `443`, `16384:16387`. */
export function formatRulePorts(from: number, to: number): string {
  return from === to ? `${from}` : `${from}:${to}`;
}

/** One address or a bracketed group of them: `17.0.0.0/8`, `[17.0.0.0/8,2620:149:a44::/48]`. */
export function formatRuleAddresses(addresses: readonly string[]): string {
  return addresses.length === 1 ? addresses[0]! : `[${addresses.join(',')}]`;
}

/** The rule as one line of a rules string. */
export function formatSuricataRule(rule: SuricataRule): string {
  const options = rule.options.map((o) => (o.value === undefined ? `${o.keyword};` : `${o.keyword}:${o.value};`)).join(' ');
  return `${rule.action} ${rule.protocol} ${rule.source} ${rule.sourcePort} ${rule.direction} ${rule.destination} ${rule.destinationPort} (${options})`;
}
