/**
 * The one place that turns a selection of Apple products into firewall rules. The rules open
 * exactly the selected services' ports (unless a budget forces widening, which is reported port
 * by port), in the fewest rules, in a fixed order, whatever order the input came in.
 */
import { AWS_QUOTAS } from '../aws/facts';
import { compareIds, compareServiceOrder, getNetwork, perCatalogue, servicesOf, sortedIds, sortedProductIds, type AppleProduct, type Direction, type ProductEntry, type ServiceEntry, type ServiceId } from '../catalogue';
import { compareProtocols, fitToBudget, mergeSpans, portCount, type MergedSpan, type PortRange, type Protocol, type Span, type SpanGroup } from '../ports';
import { throwIfProblems, type Problem } from '../problems';
import { describeRule } from './descriptions';
import { parseDestinations } from './destinations';
import { appleNetworkPartialNotice, excludeUnusedNotice, exclusionNotices, ipv6UnusedNotice, openIngressNotice, platformNotices, prefixListSizeNotice, quicClosedNotice, widenedNotice } from './notices';
import { ANY_IPV6, comparePeers, familyName, peerFamilies, peerKey, peerWeight } from './peers';
import { expandSelection, validateExcludes, validateExtraRules } from './selection';
import { API_TERMS, peersField, type SelectionTerms } from './terms';
import type { AddressFamily, ExcludedService, ExclusionReason, ExtraRule, Peer, PolicyRule, PolicySelection, ResolveOptions, ResolvedPolicy } from './types';

/** Where a merged rule's ports came from. */
type Origin =
  | {
      readonly kind: 'service';
      readonly service: ServiceEntry;
      /** The products that selected the service, as ranks in `productTable`. */
      readonly productRanks: readonly number[];
    }
  | { readonly kind: 'extra'; readonly description: string };

interface GroupKey {
  readonly protocol: Protocol;
  readonly peer: Peer;
}

/** A service some selected product uses, and what became of it. */
interface Demand {
  readonly service: ServiceEntry;
  /** The products that open the service, in id order. */
  readonly selectedBy: AppleProduct[];
  /** The same products as ranks in `productTable`. */
  readonly selectedRanks: number[];
  /** The products that left it out, by reason; absent while none has. */
  excludedBy?: Map<ExclusionReason, Set<AppleProduct>>;
}

/**
 * The catalogue's products as rules list them: `ids` in id order (a product's rank is its place
 * there), and their English names, the ones rule descriptions use, in `compareIds` order
 * (`namePosition[rank]` is where a product's name stands in `names`). A rule's products and names
 * come out sorted by comparing numbers, not text, on every resolve.
 */
const productTable = perCatalogue((index) => {
  const ids = index.productIds;
  const englishNames = ids.map((id) => index.productsById.get(id)!.name.en);
  const byName = ids.map((_, rank) => rank).sort((a, b) => compareIds(englishNames[a]!, englishNames[b]!) || a - b);
  const namePosition: number[] = [];
  byName.forEach((rank, position) => (namePosition[rank] = position));
  return { ids, rank: index.productOrder, names: byName.map((rank) => englishNames[rank]!), namePosition };
});

const ascending = (a: number, b: number) => a - b;

/** Current products with at least one routed service a Mac hosts: the valid ingress choices. */
const hostedProducts = perCatalogue((index) =>
  sortedIds(
    index.catalogue.products
      .filter((p) => p.status === 'current' && index.productServices.get(p.id)!.some((service) => service.initiator === 'both' && service.reach === 'routed' && service.status === 'current'))
      .map((p) => p.id),
  ),
);

/** Why a product's use of a service stays out of the policy, if it does. */
function exclusionReason(product: ProductEntry, service: ServiceEntry, selection: PolicySelection, direction: Direction, excluded: ReadonlySet<string>): ExclusionReason | undefined {
  if (!selection.includeLegacy && (product.status === 'legacy' || service.status === 'legacy')) {
    return 'legacy';
  }
  if (!selection.includeLinkLocal && service.reach === 'link-local-multicast') {
    return 'link-local';
  }
  if (!selection.includeLinkLocal && service.reach === 'local-gateway') {
    return 'local-gateway';
  }
  if (direction === 'ingress' && service.initiator === 'device') {
    return 'direction';
  }
  if (excluded.has(service.id)) {
    return 'user';
  }
  return undefined;
}

/** Which services the selected products need, and which are left out and why. */
function collectDemands(
  products: ReadonlyMap<AppleProduct, ProductEntry>,
  selection: PolicySelection,
  direction: Direction,
  problems: Problem[],
  terms: SelectionTerms,
): { demands: Map<ServiceId, Demand>; retiredProducts: ProductEntry[]; openedFor: ProductEntry[] } {
  // A value that is not a list is refused by validateExcludes; nothing is excluded meanwhile.
  const excluded = new Set<string>((Array.isArray(selection.exclude) ? selection.exclude : []).map(String));
  const demands = new Map<ServiceId, Demand>();
  const retiredProducts: ProductEntry[] = [];
  // The products at least one of whose services the policy opens.
  const openedFor: ProductEntry[] = [];
  const table = productTable();
  // Products in id order, so each demand's selectedBy is too.
  for (const id of sortedProductIds(products.keys())) {
    const product = products.get(id)!;
    const rank = table.rank.get(id)!;
    if (product.status === 'legacy' && !selection.includeLegacy) {
      retiredProducts.push(product);
    }
    let hostsAny = false;
    let opensAny = false;
    for (const service of servicesOf(product)) {
      hostsAny ||= service.initiator === 'both';
      let demand = demands.get(service.id);
      if (!demand) {
        demand = { service, selectedBy: [], selectedRanks: [] };
        demands.set(service.id, demand);
      }
      const reason = exclusionReason(product, service, selection, direction, excluded);
      if (reason) {
        demand.excludedBy ??= new Map();
        demand.excludedBy.set(reason, (demand.excludedBy.get(reason) ?? new Set()).add(product.id));
      } else if (demand.selectedBy[demand.selectedBy.length - 1] !== id) {
        // A product listing a service twice opens it once.
        demand.selectedBy.push(id);
        demand.selectedRanks.push(rank);
        opensAny = true;
      }
    }
    if (opensAny) {
      openedFor.push(product);
    }
    if (direction === 'ingress' && !hostsAny) {
      problems.push({
        code: 'direction-unsupported',
        message: `Apple product '${id}' is only used outbound: no Mac accepts inbound connections for it. Select it with ${terms.direction('egress')}, or select a product a Mac hosts: ${hostedProducts().join(', ')}.`,
      });
    }
  }
  return { demands, retiredProducts, openedFor };
}

/** The peers standing for Apple's network for one service that talks to Apple alone. */
function applePeersFor(service: ServiceEntry, ipv6: boolean, appleNetworkPeers: readonly Peer[] | undefined): readonly Peer[] {
  if (appleNetworkPeers) {
    return appleNetworkPeers;
  }
  const ipv4Peers: Peer[] = getNetwork('apple').ipv4.map((cidr) => ({ kind: 'ipv4', cidr }));
  const ipv6Cidrs = !ipv6 ? [] : service.network ? getNetwork(service.network).ipv6 : [ANY_IPV6];
  return [...ipv4Peers, ...ipv6Cidrs.map((cidr): Peer => ({ kind: 'ipv6', cidr }))];
}

/** Merged port intervals per protocol and peer, sorted by protocol then peer. */
function buildGroups(
  demands: ReadonlyMap<ServiceId, Demand>,
  extraRules: readonly ExtraRule[],
  generalPeers: readonly Peer[],
  appleNetwork: boolean,
  ipv6: boolean,
  appleNetworkPeers: readonly Peer[] | undefined,
): SpanGroup<GroupKey, Origin>[] {
  // Groups by protocol, then by peer key: equal peers given as different objects share a group.
  const spans = new Map<Protocol, Map<string, { key: GroupKey; spans: Span<Origin>[] }>>();
  const peerKeys = new Map<Peer, string>();
  const add = (protocol: Protocol, peer: Peer, range: PortRange, origin: Origin) => {
    let text = peerKeys.get(peer);
    if (text === undefined) {
      text = peerKey(peer);
      peerKeys.set(peer, text);
    }
    let groups = spans.get(protocol);
    if (!groups) {
      groups = new Map();
      spans.set(protocol, groups);
    }
    let entry = groups.get(text);
    if (!entry) {
      entry = { key: { protocol, peer }, spans: [] };
      groups.set(text, entry);
    }
    entry.spans.push({ fromPort: range.fromPort, toPort: range.toPort, origins: [origin] });
  };
  // The peers of one service's rules. Apple's network is built once per network a service names,
  // so its peers are the same objects.
  const applePeers = new Map<string | undefined, readonly Peer[]>();
  const peersOf = (service: ServiceEntry) => {
    if (!appleNetwork || service.destination !== 'apple-network') {
      return generalPeers;
    }
    let peers = applePeers.get(service.network);
    if (!peers) {
      peers = applePeersFor(service, ipv6, appleNetworkPeers);
      applePeers.set(service.network, peers);
    }
    return peers;
  };
  for (const demand of demands.values()) {
    if (demand.selectedBy.length === 0) {
      continue;
    }
    const origin: Origin = { kind: 'service', service: demand.service, productRanks: demand.selectedRanks };
    for (const peer of peersOf(demand.service)) {
      for (const range of demand.service.ports) {
        add(range.protocol, peer, range, origin);
      }
    }
  }
  for (const rule of extraRules) {
    const origin: Origin = { kind: 'extra', description: rule.description.trim() };
    for (const peer of generalPeers) {
      add(rule.protocol, peer, { fromPort: rule.fromPort, toPort: rule.toPort ?? rule.fromPort }, origin);
    }
  }
  return [...spans.values()]
    .flatMap((groups) => [...groups.values()])
    .map((entry) => ({ key: entry.key, spans: mergeSpans(entry.spans) }))
    .sort((a, b) => compareProtocols(a.key.protocol, b.key.protocol) || comparePeers(a.key.peer, b.key.peer));
}

/** Fits each address family's groups into the budget, or reports why it cannot. */
function applyBudget(groups: SpanGroup<GroupKey, Origin>[], maxRules: number | undefined, problems: Problem[], terms: SelectionTerms): SpanGroup<GroupKey, Origin>[] {
  if (maxRules === undefined) {
    return groups;
  }
  // Groups to security groups count in both families: fitted for IPv4 first, then narrowed
  // further if IPv6 needs it, which only lowers the IPv4 count again.
  let current = groups;
  for (const family of ['ipv4', 'ipv6'] as AddressFamily[]) {
    const inFamily = current.filter((g) => peerFamilies(g.key.peer).includes(family));
    // AWS counts a rule to a prefix list as the list's max entries, so the budget does too.
    const fit = fitToBudget(inFamily, maxRules, (group) => peerWeight(group.key.peer));
    if (fit.ok) {
      const fitted = new Map(inFamily.map((group, index) => [group, fit.groups[index]!]));
      current = current.map((group) => fitted.get(group) ?? group);
    } else {
      problems.push({
        code: 'budget-too-small',
        message: `${terms.field('maxRules')} ${maxRules} is too small for the ${familyName(family)} rules: this selection needs at least ${fit.minimum} (one per protocol and peer, even with every gap closed${inFamily.some((g) => peerWeight(g.key.peer) > 1) ? ', a rule to a prefix list counted as its max entries' : ''}). Raise ${terms.field('maxRules')} (within your quota: security groups take ${AWS_QUOTAS.securityGroupRulesPerDirection} rules per direction and family by default, network ACLs ${AWS_QUOTAS.networkAclRulesPerDirection} entries) or name fewer peers.`,
      });
    }
  }
  return current;
}

/** What a rule says about its ports, the same for every peer the ports go to. */
type RuleProvenance = Pick<PolicyRule, 'description' | 'services' | 'products' | 'extra'>;

function provenanceOf(protocol: Protocol, span: MergedSpan<Origin>): RuleProvenance {
  const table = productTable();
  const ruleServices: ServiceEntry[] = [];
  const extras: string[] = [];
  let ranks: number[] = [];
  let serviceOrigins = 0;
  for (const origin of span.origins) {
    if (origin.kind === 'extra') {
      extras.push(origin.description);
    } else {
      serviceOrigins++;
      if (!ruleServices.includes(origin.service)) ruleServices.push(origin.service);
      ranks.push(...origin.productRanks);
    }
  }
  // Each origin's ranks are sorted and distinct already; a span with several origins merges them.
  if (serviceOrigins > 1) {
    ranks = [...new Set(ranks)].sort(ascending);
    ruleServices.sort((a, b) => compareServiceOrder(a.id, b.id));
  }
  const sortedExtras = sortedIds(extras);
  const productIds = ranks.map((rank) => table.ids[rank]!);
  const productNames = ranks.map((rank) => table.namePosition[rank]!).sort(ascending).map((position) => table.names[position]!);
  // Services of one span may share a label ("RTP/RTCP"), and an extra rule may repeat one.
  const labels: string[] = [];
  for (const label of [...ruleServices.map((s) => s.label), ...sortedExtras]) if (!labels.includes(label)) labels.push(label);
  return {
    description: describeRule({
      products: productNames,
      labels,
      protocol,
      fromPort: span.fromPort,
      toPort: span.toPort,
      widenedPorts: span.widened.reduce((sum, w) => sum + portCount(w), 0),
    }),
    services: sortedIds(ruleServices.map((s) => s.id)),
    products: productIds,
    extra: sortedExtras,
  };
}

/**
 * The rule for one merged span. Spans with the same ports and origins (the same services sent to
 * IPv4 and IPv6, or to several CIDRs) share one provenance, computed once per resolve; with one
 * peer per protocol no two spans share one, so `provenances` is left out.
 */
function toRule(key: GroupKey, span: MergedSpan<Origin>, provenances: Map<string, RuleProvenance> | undefined): PolicyRule {
  let provenance: RuleProvenance | undefined;
  if (provenances) {
    const origins = span.origins.map((o) => (o.kind === 'service' ? o.service.id : `+${o.description}`)).join(',');
    const cacheKey = `${key.protocol} ${span.fromPort}-${span.toPort} ${span.widened.map((w) => `${w.fromPort}-${w.toPort}`).join(',')} ${origins}`;
    provenance = provenances.get(cacheKey);
    if (!provenance) {
      // Frozen: rules to different peers share these lists.
      const shared = provenanceOf(key.protocol, span);
      provenance = { ...shared, services: Object.freeze(shared.services), products: Object.freeze(shared.products), extra: Object.freeze(shared.extra) };
      provenances.set(cacheKey, provenance);
    }
  } else {
    provenance = provenanceOf(key.protocol, span);
  }
  return {
    protocol: key.protocol,
    fromPort: span.fromPort,
    toPort: span.toPort,
    peer: key.peer,
    description: provenance.description,
    services: provenance.services,
    products: provenance.products,
    extra: provenance.extra,
    widened: span.widened.length === 0 ? [] : span.widened.map((w) => ({ protocol: key.protocol, fromPort: w.fromPort, toPort: w.toPort, peer: key.peer })),
  };
}

function compareRules(a: PolicyRule, b: PolicyRule): number {
  return (
    compareProtocols(a.protocol, b.protocol) ||
    a.fromPort - b.fromPort ||
    a.toPort - b.toPort ||
    comparePeers(a.peer, b.peer)
  );
}

/**
 * What to do about the reasons that left every selected service out, one sentence per option:
 * link-local multicast and the local gateway are both kept by includeLinkLocal, said once.
 */
function nothingToOpenFixes(reasons: readonly ExclusionReason[], terms: SelectionTerms): string {
  const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
  const linkLocal = [reasons.includes('link-local') ? 'link-local multicast' : undefined, reasons.includes('local-gateway') ? 'requests to the local gateway' : undefined].filter((kept) => kept !== undefined);
  const fixes = reasons.map((reason) => {
    switch (reason) {
      case 'legacy':
        return sentence(`${terms.enable('includeLegacy')} to keep retired services.`);
      case 'link-local':
      case 'local-gateway':
        return sentence(`${terms.enable('includeLinkLocal')} to keep ${linkLocal.join(' and ')}.`);
      case 'direction':
        return `Use ${terms.direction('egress')}, or select products a Mac hosts.`;
      case 'user':
        return `Remove them from ${terms.field('exclude')}.`;
    }
  });
  return [...new Set(fixes)].join(' ');
}

/**
 * Resolves a selection of Apple products and profiles into a minimal, deterministic set of
 * firewall rules. Throws an `ApplePortsError` listing every problem with the input.
 */
export function resolve(selection: PolicySelection, options: ResolveOptions = {}): ResolvedPolicy {
  const problems: Problem[] = [];
  const isUnresolved = options.isUnresolved ?? (() => false);
  const terms = options.terms ?? API_TERMS;
  const ipv6 = selection.ipv6 ?? false;
  const extraRules = selection.extraRules ?? [];
  const { products, profileIds, direction } = expandSelection(selection, problems, terms);
  const peers = terms.field(peersField(direction));
  const unknownNames = problems.length > 0;

  if ((selection.products ?? []).length === 0 && (selection.profiles ?? []).length === 0 && extraRules.length === 0) {
    problems.push({
      code: 'empty-selection',
      message: `Nothing is selected. Name at least one Apple product or profile, e.g. ${terms.selectExample}.`,
    });
  }
  validateExcludes(selection, problems, terms);
  validateExtraRules(extraRules, problems, terms);
  const { maxRules } = selection;
  if (maxRules !== undefined && !(Number.isInteger(maxRules) && maxRules >= 1)) {
    problems.push({ code: 'invalid-budget', message: `${terms.field('maxRules')} ${String(maxRules)} is not a rule count. Use a whole number of at least 1.` });
  }

  const destinations = selection.destinations ?? (direction === 'egress' ? ['anywhere'] : []);
  if (direction === 'ingress' && destinations.length === 0) {
    problems.push({
      code: 'ingress-without-sources',
      message: `Ingress needs ${peers}: name who may connect in, e.g. ${terms.peerExamples}. There is no default; ${terms.anywhere(direction)} works but warns.`,
    });
  }
  if (direction === 'egress' && destinations.length === 0) {
    problems.push({
      code: 'empty-destinations',
      message: `${peers} is empty, so nothing could leave. Leave it out for 'anywhere', or name where egress may go: 'apple-network', CIDRs, prefix lists ('pl-…') or security groups ('sg-…').`,
    });
  }
  const parsed = parseDestinations(destinations, ipv6, isUnresolved, terms.peer(direction));
  problems.push(...parsed.problems);
  if (selection.appleNetworkPeers !== undefined && !parsed.appleNetwork) {
    problems.push({
      code: 'invalid-destination',
      message: `${terms.field('appleNetworkPeers')} stand for 'apple-network', which ${peers} does not name, so they would be ignored. Add 'apple-network' to ${peers}.`,
    });
  }
  if (direction === 'ingress' && parsed.appleNetwork) {
    problems.push({
      code: 'invalid-destination',
      message: `Invalid ${terms.appleNetwork}: it narrows egress to Apple's servers, which never connect in. Name the ingress sources instead.`,
    });
  }

  let appleNetworkPeers: readonly Peer[] | undefined;
  if (selection.appleNetworkPeers !== undefined) {
    const parsedApple = parseDestinations(selection.appleNetworkPeers, ipv6, isUnresolved);
    const field = terms.field('appleNetworkPeers');
    problems.push(...parsedApple.problems.map((p) => ({ ...p, message: `${field}: ${p.message}` })));
    if (parsedApple.appleNetwork || parsedApple.peers.length === 0) {
      problems.push({ code: 'invalid-destination', message: `${field}: name the peers that stand for Apple's network (e.g. a prefix list 'pl-…'), not 'apple-network' itself.` });
    }
    appleNetworkPeers = parsedApple.peers;
  }

  const { demands, retiredProducts, openedFor } = collectDemands(products, selection, direction, problems, terms);
  const anySelected = openedFor.length > 0 || extraRules.length > 0;
  if (!anySelected && !unknownNames && products.size > 0 && !problems.some((p) => p.code === 'direction-unsupported')) {
    const reasons = new Set([...demands.values()].flatMap((d) => [...(d.excludedBy?.keys() ?? [])]));
    problems.push({
      code: 'nothing-to-open',
      message: `Every service of the selection was left out (${[...reasons].join(', ')}). ${nothingToOpenFixes([...reasons], terms)}`,
    });
  }
  throwIfProblems(problems);

  const groups = applyBudget(buildGroups(demands, extraRules, parsed.peers, parsed.appleNetwork, ipv6, appleNetworkPeers), maxRules, problems, terms);
  throwIfProblems(problems);

  const onePeerPerProtocol = new Set(groups.map((g) => g.key.protocol)).size === groups.length;
  const provenances = onePeerPerProtocol ? undefined : new Map<string, RuleProvenance>();
  const rules = groups.flatMap((g) => g.spans.map((span) => toRule(g.key, span, provenances)));
  // Groups come by protocol, then peer, each in port order: with one peer per protocol that is
  // the rules' order already.
  if (!onePeerPerProtocol) {
    rules.sort(compareRules);
  }
  const excluded: ExcludedService[] = [...demands.values()]
    .filter((d) => d.selectedBy.length === 0)
    .sort((a, b) => compareServiceOrder(a.service.id, b.service.id))
    .flatMap((d) => [...(d.excludedBy?.entries() ?? [])].map(([reason, by]) => ({ service: d.service.id, reason, products: [...by] })));

  return {
    direction,
    products: sortedIds(products.keys()),
    profiles: profileIds,
    rules,
    notices: [
      ...exclusionNotices(excluded, retiredProducts, terms),
      ...excludeUnusedNotice(selection.exclude, (id) => demands.has(id), terms),
      ...widenedNotice(rules, maxRules, terms),
      ...platformNotices((id) => demands.get(id)?.selectedBy ?? [], direction),
      ...openIngressNotice(parsed.peers, direction),
      ...ipv6UnusedNotice(ipv6, rules, terms),
      ...appleNetworkPartialNotice(parsed.appleNetwork, direction, rules, parsed.peers),
      ...prefixListSizeNotice([...parsed.peers, ...(appleNetworkPeers ?? [])], terms),
      ...quicClosedNotice(openedFor, direction, rules),
    ],
    excluded,
    ...(maxRules !== undefined ? { maxRules } : {}),
  };
}
