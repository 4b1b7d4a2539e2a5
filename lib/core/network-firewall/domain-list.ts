/**
 * Plans an AWS Network Firewall domain-list rule group (`RulesSourceList`, `ALLOWLIST`) for the
 * hosts Apple lists: AWS writes and maintains the rule syntax, which many teams prefer to a
 * Suricata rules string. A domain list holds names only, so it allows a selection's HTTPS (TLS
 * SNI) and HTTP (Host) traffic and nothing else; the Suricata form also holds the port rules.
 */
import { sortedIds } from '../catalogue';
import { hostNames, withoutCovered } from '../host-formats';
import { hostsFor, noHostsProblem, type HostList, type HostSelection, type SelectionTerms } from '../policy';
import { formatProtocolPorts } from '../ports';
import { throwIfProblems, type Problem } from '../problems';
import { planCapacity } from './capacity';
import { homeNetProblems } from './home-net';
import { FIREWALL_LIMITATIONS, type FirewallLimitation } from './limitations';
import { NAME_LAYERS, inRange, layerPorts, type NameLayer } from './names';
import type { FirewallNotice, FirewallRuleGroupPlan } from './types';

/** What a domain list inspects: the TLS server name (HTTPS) or the HTTP Host header. */
export type DomainListTargetType = 'TLS_SNI' | 'HTTP_HOST';

const TARGET_TYPES: Readonly<Record<NameLayer['kind'], DomainListTargetType>> = { 'tls-sni': 'TLS_SNI', 'http-host': 'HTTP_HOST' };

/** How the domain-list rule group is sized and scoped. */
export interface DomainListOptions {
  /**
   * The capacity to reserve, at least `requiredCapacity`.
   * @default `defaultCapacity(requiredCapacity)`: the required capacity and half as much again, rounded up to a whole `CAPACITY_STEP`
   */
  readonly capacity?: number;
  /** CIDRs for the rule group's `HOME_NET` variable, as for `planFirewallRules`. @default not set */
  readonly homeNet?: readonly string[];
  /** True for a value only known at deploy time; it skips validation. @default () => false */
  readonly isUnresolved?: (value: string) => boolean;
  /**
   * How messages name the options (`homeNet`, `--home-net`).
   * @default the options' own field names
   */
  readonly terms?: SelectionTerms;
}

/** Something no domain list can do for these hosts: the Suricata form's limitations and two of its own. */
export interface DomainListLimitation extends Omit<FirewallLimitation, 'code'> {
  /** The limitation's stable code: the Suricata form's, or one of the domain list's own. */
  readonly code: FirewallLimitation['code'] | 'no-port-rules' | 'wildcard-matches-domain';
}

/** Everything needed to create the domain-list rule group. */
export interface DomainListRuleGroupPlan {
  /** The selected products after aliases and profiles are expanded, sorted. */
  readonly products: HostList['products'];
  /** The profiles selected, sorted. */
  readonly profiles: HostList['profiles'];
  /** The host groups the targets come from, sorted. */
  readonly hostGroups: HostList['hostGroups'];
  /** `RulesSourceList.Targets`: `.push.apple.com` for Apple's `*.push.apple.com`, names as they are. */
  readonly targets: readonly string[];
  /** `RulesSourceList.TargetTypes`: TLS_SNI when a host is on HTTPS, HTTP_HOST when one is on HTTP. */
  readonly targetTypes: readonly DomainListTargetType[];
  /** `RulesSourceList.GeneratedRulesType`: the targets are allowed and everything else is dropped. */
  readonly generatedRulesType: 'ALLOWLIST';
  /** (targets + 1) × target types: what AWS counts for the list. */
  readonly requiredCapacity: number;
  /** The capacity to reserve: the one asked for, or `defaultCapacity(requiredCapacity)`. */
  readonly capacity: number;
  /**
   * `StatefulRuleOptions.RuleOrder`: strict order, always. AWS: "The settings for your rule groups
   * must match the settings for the firewall policy that they belong to", and recommends strict
   * order; the Suricata form (`planFirewallRules`) is strict too, so both go in one strict-order
   * policy with a drop default action. A DEFAULT_ACTION_ORDER policy cannot reference this group.
   * https://docs.aws.amazon.com/network-firewall/latest/developerguide/suricata-rule-evaluation-order.html
   */
  readonly ruleOrder: FirewallRuleGroupPlan['ruleOrder'];
  /** CIDRs for the rule group's `HOME_NET` variable, when asked for. */
  readonly homeNet?: readonly string[];
  /** What a reviewer should check: host ports the list does not open, products without hosts. */
  readonly notices: readonly FirewallNotice[];
  /** What a domain list cannot do, whatever the selection. */
  readonly limitations: readonly DomainListLimitation[];
  /** The hosts of the selection, as `hostsFor` lists them. */
  readonly hosts: HostList;
}

/**
 * What a domain list cannot do beyond what no name rule can: it matches a wildcard's domain too,
 * and it has no port rules.
 */
export const DOMAIN_LIST_LIMITATIONS: readonly DomainListLimitation[] = [
  ...FIREWALL_LIMITATIONS.filter((l) => l.code !== 'default-action'),
  {
    code: 'no-port-rules',
    summary:
      'With ALLOWLIST, AWS adds a rule that drops the HTTP and TLS traffic of the inspected types that matches no target; traffic of other protocols and ports (APNs on TCP 5223, QUIC, FaceTime media) is not allowed by a domain list and needs rules of its own, which AppleServicesFirewallRules writes.',
    source: 'https://docs.aws.amazon.com/network-firewall/latest/developerguide/stateful-rule-groups-domain-names.html',
  },
  {
    code: 'wildcard-matches-domain',
    summary: "A target with a leading dot (.push.apple.com) matches the domain itself as well as every subdomain, slightly more than Apple's *.push.apple.com.",
    source: 'https://docs.aws.amazon.com/network-firewall/latest/APIReference/API_RulesSourceList.html',
  },
];

function portNotices(list: HostList, layers: readonly NameLayer[]): FirewallNotice[] {
  const byPorts = new Map<string, { hosts: string[]; products: string[] }>();
  for (const host of list.hosts) {
    for (const range of host.ports.filter((r) => !layers.some((layer) => inRange(layerPorts(layer), r.protocol, r.fromPort)))) {
      const key = formatProtocolPorts(range.protocol, range);
      const entry = byPorts.get(key) ?? { hosts: [], products: [] };
      byPorts.set(key, entry);
      entry.hosts.push(host.host);
      entry.products.push(...host.products);
    }
  }
  return [...byPorts.entries()].map(([ports, entry]) => ({
    code: 'host-ports-not-opened' as const,
    message: `Apple lists ${entry.hosts.join(', ')} on ${ports}, which a domain list cannot allow: it matches TLS SNI and HTTP Host only. Allow that traffic in a rule group of your own, or use AppleServicesFirewallRules, which adds port rules.`,
    hosts: entry.hosts,
    products: sortedIds(entry.products) as FirewallNotice['products'],
  }));
}

/**
 * Plans a domain-list rule group for a selection: Apple's hosts as targets (a leading dot for a
 * `*.` wildcard, names a target already matches left out), TLS_SNI and HTTP_HOST as the hosts'
 * ports need, ALLOWLIST. Capacity is what AWS counts for a domain list, one per target and target
 * type plus one per target type; by default it leaves room to grow. Throws an `ApplePortsError`
 * listing every problem.
 */
export function planDomainListRules(selection: HostSelection, options: DomainListOptions = {}): DomainListRuleGroupPlan {
  const { isUnresolved = () => false } = options;
  const list = hostsFor(selection, options.terms !== undefined ? { terms: options.terms } : {});
  const problems: Problem[] = [];
  const layers = NAME_LAYERS.filter((layer) => list.hosts.some((h) => h.ports.some((r) => inRange(layerPorts(layer), r.protocol, r.fromPort))));
  const targets = withoutCovered(hostNames(list), true).map((n) => `${n.subdomains ? '.' : ''}${n.domain}`);
  if (targets.length === 0 || layers.length === 0) {
    problems.push(
      list.hosts.length === 0
        ? noHostsProblem(list, 'the domain list would have no targets', options.terms)
        : {
            code: 'nothing-to-open',
            message: "The selection gives the domain list no targets: Apple's enterprise-network article lists no HTTP or HTTPS hosts for it. Select products or host groups Apple lists HTTP or HTTPS hosts for.",
          },
    );
  }
  problems.push(...homeNetProblems(options.homeNet, isUnresolved, options.terms));
  const targetTypes = layers.map((layer) => TARGET_TYPES[layer.kind]);
  // AWS counts a domain list as one rule per target and target type, plus one per target type
  // for the rule that drops what matches no target.
  const requiredCapacity = (targets.length + 1) * targetTypes.length;
  const capacity = planCapacity(requiredCapacity, options.capacity, problems);
  throwIfProblems(problems);
  return {
    products: list.products,
    profiles: list.profiles,
    hostGroups: list.hostGroups,
    targets,
    targetTypes,
    generatedRulesType: 'ALLOWLIST',
    requiredCapacity,
    capacity,
    ruleOrder: 'STRICT_ORDER',
    ...(options.homeNet !== undefined ? { homeNet: [...options.homeNet] } : {}),
    notices: portNotices(list, layers),
    limitations: DOMAIN_LIST_LIMITATIONS,
    hosts: list,
  };
}
