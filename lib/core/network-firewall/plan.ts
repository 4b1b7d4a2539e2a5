/**
 * Plans an AWS Network Firewall stateful rule group (Suricata rules, strict rule order) for a
 * selection of Apple products: TLS SNI and HTTP Host rules for the hosts Apple lists, and port rules
 * for the rest of the selection's traffic (APNs 5223, FaceTime and Game Center UDP…), taken from the
 * resolver's rules so that no port is decided twice. The plan is plain data: the CDK and Pulumi
 * adapters only copy `rulesString`, `capacity` and `homeNet` into their rule-group resource.
 */
import { compareIds, findProduct, findProfile, sortedIds, type AppleProduct } from '../catalogue';
import { API_TERMS, formatPeer, hostsFor, isAnywhere, namesOf, noHostsProblem, resolve, type HostList, type PolicyRule, type RequiredHost, type ResolvedPolicy, type SelectionTerms } from '../policy';
import { formatProtocolPorts } from '../ports';
import { checkCapacityValue, planCapacity } from './capacity';
import { homeNetProblems } from './home-net';
import { FIREWALL_LIMITATIONS } from './limitations';
import {
  ANY_PORT,
  EXTERNAL_NET,
  HOME_NET,
  NAME_LAYERS,
  NAME_SERVICES,
  activeLayers,
  inRange,
  layerPorts,
  msg,
  nameRules,
  type DraftRule,
  type NameLayer,
} from './names';
import type { FirewallNotice, FirewallRuleGroupPlan, FirewallRuleOptions, FirewallRulePlan, FirewallSelection } from './types';
import { MAX_SIGNATURE_ID } from '../aws/facts';
import { ApplePortsError, throwIfProblems, type Problem } from '../problems';
import { formatRuleAddresses, formatRulePorts, formatSuricataRule, type SuricataRule } from './suricata';

/** The default first signature id. */
export const DEFAULT_SID_BASE = 1_000_000;

/** True for a resolver rule the name rules replace: only web services, nothing the user added. */
function isNameRule(rule: PolicyRule): boolean {
  return rule.extra.length === 0 && rule.services.length > 0 && rule.services.every((s) => NAME_SERVICES.has(s));
}

/** A peer as a Suricata address, or a problem for peers a rules string cannot hold. */
function ruleAddress(rule: PolicyRule, problems: Problem[], terms: SelectionTerms): string | undefined {
  const { peer } = rule;
  if (peer.kind === 'prefix-list' || peer.kind === 'security-group') {
    const message = `Invalid ${terms.peer('egress')} '${peer.id}': a Network Firewall rules string takes CIDRs, not ${peer.kind === 'prefix-list' ? 'prefix lists' : 'security groups'}. Use 'anywhere', 'apple-network' or CIDRs.`;
    // One peer appears in a rule per port range; report it once.
    if (!problems.some((p) => p.message === message)) {
      problems.push({ code: 'invalid-destination', message });
    }
    return undefined;
  }
  return isAnywhere(peer) ? EXTERNAL_NET : formatPeer(peer);
}

/** One port rule per protocol and port range, its peers gathered into one address group. */
function portRules(policy: ResolvedPolicy | undefined, problems: Problem[], terms: SelectionTerms): DraftRule[] {
  const groups = new Map<string, { rules: PolicyRule[]; addresses: string[] }>();
  for (const rule of (policy?.rules ?? []).filter((r) => !isNameRule(r))) {
    const key = `${rule.protocol}|${rule.fromPort}|${rule.toPort}`;
    const group = groups.get(key) ?? { rules: [], addresses: [] };
    groups.set(key, group);
    group.rules.push(rule);
    const address = ruleAddress(rule, problems, terms);
    if (address !== undefined && !group.addresses.includes(address)) {
      group.addresses.push(address);
    }
  }
  return [...groups.values()].map(({ rules, addresses }) => {
    const first = rules[0]!;
    // $EXTERNAL_NET already holds every CIDR outside HOME_NET.
    const destination = addresses.includes(EXTERNAL_NET) ? EXTERNAL_NET : formatRuleAddresses(addresses);
    return {
      kind: 'port' as const,
      rule: {
        action: 'pass' as const,
        protocol: first.protocol,
        source: HOME_NET,
        sourcePort: ANY_PORT,
        direction: '->' as const,
        destination,
        destinationPort: formatRulePorts(first.fromPort, first.toPort),
        options: [msg(first.description)],
      },
      products: sortedIds(rules.flatMap((r) => r.products)),
      hosts: [],
      hostGroups: [],
      services: sortedIds(rules.flatMap((r) => r.services)),
      range: { protocol: first.protocol, fromPort: first.fromPort, toPort: first.toPort },
    };
  });
}

function validateOptions(options: FirewallRuleOptions, isUnresolved: (value: string) => boolean, terms: SelectionTerms): Problem[] {
  const problems: Problem[] = [];
  const invalid = (message: string) => problems.push({ code: 'invalid-firewall-option', message });
  const { sidBase } = options;
  if (sidBase !== undefined && !(Number.isInteger(sidBase) && sidBase >= 1 && sidBase <= MAX_SIGNATURE_ID)) {
    invalid(`${terms.field('sidBase')} ${String(sidBase)} is not a signature id. Use a whole number from 1 to ${MAX_SIGNATURE_ID}.`);
  }
  checkCapacityValue(options.capacity, problems, terms.field('capacity'));
  problems.push(...homeNetProblems(options.homeNet, isUnresolved, terms));
  return problems;
}

/** Problems of the selection itself, gathered from `hostsFor` and `resolve` rather than thrown one by one. */
function collect<T>(problems: Problem[], run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    if (error instanceof ApplePortsError) {
      problems.push(...error.problems);
      return undefined;
    }
    throw error;
  }
}

function ingressProfiles(selection: FirewallSelection): Problem[] {
  // A value that is not a list is refused by hostsFor.
  return (Array.isArray(selection.profiles) ? selection.profiles : []).flatMap((id) => {
    const profile = findProfile(String(id));
    return profile?.direction === 'ingress'
      ? [
          {
            code: 'invalid-direction' as const,
            message: `Profile '${profile.id}' is meant for ingress, but the rule group allows the Apple devices' outbound traffic. Select egress products or profiles, and control ingress with security groups.`,
          },
        ]
      : [];
  });
}

function hostPortNotices(hosts: readonly RequiredHost[], rules: readonly DraftRule[], layers: readonly NameLayer[]): FirewallNotice[] {
  const httpsPort = layerPorts(NAME_LAYERS[0]!);
  const named = layers.map(layerPorts);
  const opened = (protocol: string, port: number) =>
    named.some((range) => inRange(range, protocol, port)) ||
    rules.some((r) => r.range !== undefined && inRange(r.range, protocol, port));
  const quic: RequiredHost[] = [];
  const closed = new Map<string, { hosts: string[]; products: AppleProduct[] }>();
  for (const host of hosts) {
    for (const range of host.ports) {
      if (opened(range.protocol, range.fromPort)) {
        continue;
      }
      if (range.protocol === 'udp' && inRange({ ...httpsPort, protocol: 'udp' }, 'udp', range.fromPort)) {
        quic.push(host);
        continue;
      }
      const key = formatProtocolPorts(range.protocol, range);
      const entry = closed.get(key) ?? { hosts: [], products: [] };
      closed.set(key, entry);
      entry.hosts.push(host.host);
      entry.products.push(...host.products);
    }
  }
  const notices: FirewallNotice[] = [];
  if (quic.length > 0) {
    notices.push({
      code: 'quic-not-matched',
      message: `Apple lists ${quic.map((h) => h.host).join(', ')} on udp ${httpsPort.fromPort} (QUIC), which Network Firewall cannot match by name; only their TCP traffic is allowed.`,
      hosts: quic.map((h) => h.host),
      products: sortedIds(quic.flatMap((h) => h.products)),
    });
  }
  for (const [ports, entry] of [...closed.entries()].sort(([a], [b]) => compareIds(a, b))) {
    notices.push({
      code: 'host-ports-not-opened',
      message: `Apple lists ${entry.hosts.join(', ')} on ${ports}, which the selected products' port-table services do not use, so no rule opens it. Select the product that uses it, or add an extra rule.`,
      hosts: entry.hosts,
      products: sortedIds(entry.products),
    });
  }
  return notices;
}

/** Name rules for products whose port-table entry does not list the layer's service (Software Update on tcp 80). */
function beyondPortTableNotices(hosts: readonly RequiredHost[], layers: readonly NameLayer[]): FirewallNotice[] {
  return layers.flatMap((layer) => {
    const port = layerPorts(layer);
    const byProduct = new Map<AppleProduct, string[]>();
    for (const host of hosts.filter((h) => h.ports.some((p) => p.protocol === 'tcp' && p.fromPort <= port.fromPort && port.toPort <= p.toPort))) {
      for (const id of host.products.filter((p) => !findProduct(p)!.uses.some((u) => u.service === layer.service))) {
        byProduct.set(id, [...(byProduct.get(id) ?? []), host.host]);
      }
    }
    return [...byProduct.entries()].map(([product, names]) => ({
      code: 'ports-beyond-port-table' as const,
      message: `Apple's enterprise-network article lists ${names.join(', ')} on ${formatProtocolPorts('tcp', port)} for ${product}, but its port table does not list that port for it: this rule group allows those hosts by name, while security groups from resolve() leave the port closed.`,
      hosts: names,
      products: [product],
    }));
  });
}

function withoutHostsNotice(policy: ResolvedPolicy | undefined, hostList: HostList): FirewallNotice[] {
  const dropped = (policy?.rules ?? []).filter(isNameRule);
  const products = sortedIds(dropped.flatMap((r) => r.products).filter((p) => hostList.productsWithoutHosts.includes(p)));
  if (products.length === 0) {
    return [];
  }
  const ports = [...new Set(dropped.filter((r) => r.products.some((p) => products.includes(p))).map((r) => formatProtocolPorts(r.protocol, r)))];
  return [
    {
      code: 'products-without-hosts',
      message: `Apple's enterprise-network article lists no hosts for ${products.join(', ')}, so their ${ports.join(', ')} traffic gets no rule here. Allow it in a rule group of your own if they need it.`,
      hosts: [],
      products,
    },
  ];
}

/**
 * Plans a strict-order stateful rule group for a selection: a TCP handshake rule per name-matched
 * port, a TLS SNI rule for each host Apple lists on HTTPS and an HTTP Host rule for each on HTTP
 * (a `*.` wildcard matched with `dotprefix`, so it also covers the domain itself and the exact hosts
 * under it), then one port rule per protocol and port range of the selection's other traffic, bound
 * for Apple's network or `$EXTERNAL_NET` as the catalogue says. Throws an `ApplePortsError` listing
 * every problem with the selection and the options.
 */
export function planFirewallRules(selection: FirewallSelection, options: FirewallRuleOptions = {}): FirewallRuleGroupPlan {
  const isUnresolved = options.isUnresolved ?? (() => false);
  const terms = options.terms ?? API_TERMS;
  const problems: Problem[] = [...ingressProfiles(selection)];
  const hostList = collect(problems, () => hostsFor(selection, { terms }));
  const wantsPorts = [selection.products, selection.profiles, selection.extraRules].some((list) => (list ?? []).length > 0);
  const policy =
    hostList && wantsPorts && problems.length === 0
      ? collect(problems, () =>
          resolve(
            {
              products: selection.products,
              profiles: selection.profiles,
              direction: 'egress',
              destinations: selection.destinations ?? ['apple-network'],
              ipv6: selection.ipv6,
              includeLegacy: selection.includeLegacy,
              exclude: selection.exclude,
              extraRules: selection.extraRules,
            },
            { isUnresolved, terms },
          ),
        )
      : undefined;
  problems.push(...validateOptions(options, isUnresolved, terms));
  // resolve checks exclude for a selection with ports; one of host groups alone is checked here.
  const exclude = wantsPorts ? (Array.isArray(selection.exclude) ? selection.exclude : []) : namesOf('exclude', selection.exclude, problems, terms);
  throwIfProblems(problems);

  const layers = activeLayers(exclude.map(String));
  const { handshakes, names, covered } = nameRules(hostList!, layers);
  const ports = portRules(policy, problems, terms);
  const drafts = [...handshakes, ...names, ...ports];
  const sidBase = options.sidBase ?? DEFAULT_SID_BASE;
  if (drafts.length === 0) {
    problems.push(
      hostList!.hosts.length === 0
        ? noHostsProblem(hostList!, 'the rule group would have no rules: they need no traffic besides HTTP and HTTPS', terms)
        : {
            code: 'nothing-to-open',
            message: `The selection gives the rule group no rules: ${terms.field('exclude')} leaves out the HTTP and HTTPS rules of its hosts, and it needs no other traffic. Keep 'http' or 'https' out of ${terms.field('exclude')}.`,
          },
    );
  }
  if (sidBase + drafts.length - 1 > MAX_SIGNATURE_ID) {
    problems.push({
      code: 'invalid-firewall-option',
      message: `${terms.field('sidBase')} ${sidBase} leaves no room for ${drafts.length} rules: the last sid would be ${sidBase + drafts.length - 1}, above ${MAX_SIGNATURE_ID}. Use a smaller ${terms.field('sidBase')}.`,
    });
  }
  // AWS: "Estimate a stateful rule group's capacity as the number of rules that you expect to have in it."
  // https://docs.aws.amazon.com/network-firewall/latest/developerguide/nwfw-rule-group-capacity.html
  const requiredCapacity = drafts.length;
  const capacity = planCapacity(requiredCapacity, options.capacity, problems, terms.field('capacity'));
  throwIfProblems(problems);

  const rules: FirewallRulePlan[] = drafts.map((draft, index) => {
    const sid = sidBase + index;
    const rule: SuricataRule = { ...draft.rule, options: [...draft.rule.options, { keyword: 'sid', value: String(sid) }, { keyword: 'rev', value: '1' }] };
    return { sid, kind: draft.kind, rule, text: formatSuricataRule(rule), products: draft.products, hosts: draft.hosts, hostGroups: draft.hostGroups, services: draft.services };
  });
  return {
    products: hostList!.products,
    profiles: hostList!.profiles,
    hostGroups: sortedIds(names.flatMap((r) => r.hostGroups)),
    rules,
    rulesString: rules.map((r) => r.text).join('\n'),
    requiredCapacity,
    capacity,
    ruleOrder: 'STRICT_ORDER',
    ...(options.homeNet !== undefined ? { homeNet: [...options.homeNet] } : {}),
    covered,
    notices: [...hostPortNotices(hostList!.hosts, drafts, layers), ...beyondPortTableNotices(hostList!.hosts, layers), ...withoutHostsNotice(policy, hostList!)],
    limitations: FIREWALL_LIMITATIONS,
    hosts: hostList!,
    ...(policy ? { policy } : {}),
  };
}
