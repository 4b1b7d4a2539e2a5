/**
 * The name rules of a Network Firewall plan: TLS SNI and HTTP Host matches for the hosts Apple lists,
 * written as AWS writes the rules it generates for TLS_SNI and HTTP_HOST domain lists, with the TCP
 * handshake rules strict rule order needs for them.
 */
import { compareIds, findProduct, getService, sortedIds, type AppleProduct, type HostGroupId, type ServiceId } from '../catalogue';
import type { ProtocolPortRange } from '../ports';
import { describeRule, type HostList, type RequiredHost } from '../policy';
import type { CoveredHost, FirewallRuleKind } from './types';
import { formatRulePorts, quoteRuleText, type RuleOption, type SuricataRule } from './suricata';

/** The Suricata variable for the clients the rules allow. */
export const HOME_NET = '$HOME_NET';
/** The Suricata variable for everything outside HOME_NET: "anywhere" in a rule. */
export const EXTERNAL_NET = '$EXTERNAL_NET';
/** Any source port: clients pick ephemeral ones. */
export const ANY_PORT = 'any';

/** An application layer the rules match host names in, tied to the catalogue service of its port. */
export interface NameLayer {
  readonly kind: 'tls-sni' | 'http-host';
  readonly service: ServiceId;
  readonly protocol: 'tls' | 'http';
  readonly label: string;
  /** The options that select the name buffer before the `content` match. */
  readonly buffer: readonly RuleOption[];
  /** AWS's domain-list rules match SNI case-insensitively; Suricata lower-cases the HTTP host itself. */
  readonly nocase: boolean;
}

/**
 * The layers names are matched in, written as AWS writes its TLS_SNI and HTTP_HOST domain-list
 * rules, minus `priority`, which strict rule order does not allow.
 */
export const NAME_LAYERS: readonly NameLayer[] = [
  {
    kind: 'tls-sni',
    service: 'https',
    protocol: 'tls',
    label: 'TLS SNI',
    buffer: [{ keyword: 'ssl_state', value: 'client_hello' }, { keyword: 'tls.sni' }],
    nocase: true,
  },
  { kind: 'http-host', service: 'http', protocol: 'http', label: 'HTTP Host', buffer: [{ keyword: 'http.host' }], nocase: false },
];

/** The catalogue services whose traffic the name rules carry instead of port rules. */
export const NAME_SERVICES: ReadonlySet<string> = new Set<string>(NAME_LAYERS.map((layer) => layer.service));

/** The TCP range of a layer's catalogue service: where its name rules listen. */
export function layerPorts(layer: NameLayer): ProtocolPortRange {
  const range = getService(layer.service).ports.find((p) => p.protocol === 'tcp');
  if (!range) {
    throw new Error(`The catalogue's '${layer.service}' service has no TCP port.`);
  }
  return range;
}

/** True when `port` of `protocol` lies in `range`. */
export function inRange(range: ProtocolPortRange, protocol: string, port: number): boolean {
  return range.protocol === protocol && range.fromPort <= port && port <= range.toPort;
}

/** True when wildcard `by` (Apple's `*.`, matched with dotprefix) also matches `host`. */
function covers(by: RequiredHost, host: RequiredHost): boolean {
  return by.match === 'subdomains' && by.host !== host.host && (host.domain === by.domain || host.domain.endsWith(`.${by.domain}`));
}

function englishName(id: AppleProduct): string {
  return findProduct(id)!.name.en;
}

/** The names a rule's msg gives: products, or the host groups' ids where no product asked. */
function owners(products: readonly AppleProduct[], groups: readonly string[]): string[] {
  return products.length > 0 ? products.map(englishName).sort(compareIds) : sortedIds(groups);
}

/** A rule before it is numbered. */
export interface DraftRule {
  readonly kind: FirewallRuleKind;
  readonly rule: SuricataRule;
  readonly products: readonly AppleProduct[];
  readonly hosts: readonly string[];
  readonly hostGroups: readonly HostGroupId[];
  readonly services: readonly ServiceId[];
  /** For port rules: the protocol and ports opened. */
  readonly range?: ProtocolPortRange;
}

/** A `msg` option with its text quoted. */
export function msg(text: string): RuleOption {
  return { keyword: 'msg', value: quoteRuleText(text) };
}

/** The content match for one host, as AWS writes it for a domain-list target. */
function nameMatch(layer: NameLayer, host: RequiredHost): RuleOption[] {
  const nocase: RuleOption[] = layer.nocase ? [{ keyword: 'nocase' }] : [];
  if (host.match === 'subdomains') {
    return [{ keyword: 'dotprefix' }, { keyword: 'content', value: quoteRuleText(`.${host.domain}`) }, ...nocase, { keyword: 'endswith' }];
  }
  return [{ keyword: 'content', value: quoteRuleText(host.domain) }, { keyword: 'startswith' }, ...nocase, { keyword: 'endswith' }];
}

/** The hosts one layer allows by name: those the article lists on the layer's port, minus covered ones. */
function layerHosts(layer: NameLayer, hosts: readonly RequiredHost[]): { kept: RequiredHost[]; covered: Map<string, RequiredHost[]> } {
  const port = layerPorts(layer);
  const candidates = hosts.filter((h) => h.ports.some((p) => p.protocol === 'tcp' && p.fromPort <= port.fromPort && port.toPort <= p.toPort));
  const kept = candidates.filter((h) => !candidates.some((by) => covers(by, h)));
  const covered = new Map<string, RequiredHost[]>();
  for (const host of candidates.filter((h) => !kept.includes(h))) {
    // The broadest kept wildcard takes the host, so nested wildcards resolve the same way every time.
    const by = kept.filter((k) => covers(k, host)).sort((a, b) => a.domain.length - b.domain.length || compareIds(a.host, b.host))[0]!;
    covered.set(by.host, [...(covered.get(by.host) ?? []), host]);
  }
  return { kept, covered };
}

/** The name layers a selection keeps: excluding `https` or `http` drops its names with its port. */
export function activeLayers(exclude: readonly string[]): NameLayer[] {
  const excluded = new Set(exclude.map(String));
  return NAME_LAYERS.filter((layer) => !excluded.has(layer.service));
}

/**
 * A TCP handshake rule per layer in use, then one rule per host Apple lists on the layer's port;
 * a host a kept wildcard already matches is folded into that wildcard's rule.
 */
export function nameRules(hostList: HostList, layers: readonly NameLayer[]): { handshakes: DraftRule[]; names: DraftRule[]; covered: CoveredHost[] } {
  const handshakes: DraftRule[] = [];
  const names: DraftRule[] = [];
  const covered: CoveredHost[] = [];
  for (const layer of layers) {
    const { kept, covered: coveredBy } = layerHosts(layer, hostList.hosts);
    if (kept.length === 0) {
      continue;
    }
    const port = layerPorts(layer);
    const ports = formatRulePorts(port.fromPort, port.toPort);
    const allProducts = sortedIds(kept.flatMap((h) => [...h.products, ...(coveredBy.get(h.host) ?? []).flatMap((c) => c.products)]));
    const allGroups = sortedIds(kept.flatMap((h) => [...h.hostGroups, ...(coveredBy.get(h.host) ?? []).flatMap((c) => c.hostGroups)]));
    handshakes.push({
      kind: 'tcp-handshake',
      rule: {
        action: 'pass',
        protocol: 'tcp',
        source: HOME_NET,
        sourcePort: ANY_PORT,
        direction: '<>',
        destination: EXTERNAL_NET,
        destinationPort: ports,
        options: [
          { keyword: 'flow', value: 'not_established' },
          msg(describeRule({ products: owners(allProducts, allGroups), labels: [`TCP handshake for ${layer.label} rules`], protocol: 'tcp', fromPort: port.fromPort, toPort: port.toPort, widenedPorts: 0 })),
        ],
      },
      products: allProducts,
      hosts: [],
      hostGroups: allGroups,
      services: [],
    });
    for (const host of kept) {
      const alsoCovered = coveredBy.get(host.host) ?? [];
      const products = sortedIds([...host.products, ...alsoCovered.flatMap((c) => c.products)]);
      const groups = sortedIds([...host.hostGroups, ...alsoCovered.flatMap((c) => c.hostGroups)]);
      covered.push(...alsoCovered.map((c) => ({ host: c.host, kind: layer.kind, coveredBy: host.host })));
      names.push({
        kind: layer.kind,
        rule: {
          action: 'pass',
          protocol: layer.protocol,
          source: HOME_NET,
          sourcePort: ANY_PORT,
          direction: '->',
          destination: EXTERNAL_NET,
          destinationPort: ports,
          options: [
            ...layer.buffer,
            ...nameMatch(layer, host),
            msg(describeRule({ products: owners(products, groups), labels: [`${layer.label} ${host.host}`], protocol: 'tcp', fromPort: port.fromPort, toPort: port.toPort, widenedPorts: 0 })),
            { keyword: 'flow', value: 'to_server, established' },
          ],
        },
        products,
        hosts: [host.host, ...alsoCovered.map((c) => c.host)].sort(compareIds),
        hostGroups: groups,
        services: [],
      });
    }
  }
  return { handshakes, names, covered };
}
