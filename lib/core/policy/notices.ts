/**
 * The notices of a resolved policy: what was left out and why, ports widened to fit a budget,
 * Amazon-provided services no rule governs, and ingress open to the internet. Each notice has a
 * stable code, so adapters can raise it as a warning users acknowledge by id.
 */
import { findService, inCatalogueOrder, perCatalogue, sortedIds, type AppleProduct, type Direction, type ProductEntry, type ServiceEntry, type ServiceId } from '../catalogue';
import { containsPort, formatProtocolPorts } from '../ports';
import { comparePeers, formatPeer, isAnywhere, peerFamily } from './peers';
import { API_TERMS, type SelectionTerms } from './terms';
import type { ExcludedService, ExclusionReason, Peer, PolicyNotice, PolicyRule, PortWidening } from './types';
import { AMAZON_DNS_ADDRESSES, AMAZON_TIME_SYNC_ADDRESS } from '../aws/facts';

/** A service as notices and reviews name it: `apns-legacy-provider (tcp 2195)`. */
export function describeService(service: ServiceEntry): string {
  return `${service.id} (${service.ports.map((p) => formatProtocolPorts(p.protocol, p)).join(', ')})`;
}

function notice(code: PolicyNotice['code'], message: string, serviceIds: readonly ServiceId[] = [], productIds: readonly AppleProduct[] = [], widened: readonly PortWidening[] = []): PolicyNotice {
  return { code, message, services: sortedIds(serviceIds), products: sortedIds(productIds), widened };
}

/** Each reason a service is left out: its notice code, and how the notice opens. */
function exclusionNoticeKinds(terms: SelectionTerms): readonly { reason: ExclusionReason; code: PolicyNotice['code']; intro: string }[] {
  return [
    { reason: 'legacy', code: 'legacy-excluded', intro: `Left out services Apple has retired (${terms.enable('includeLegacy')} to keep them)` },
    { reason: 'link-local', code: 'link-local-excluded', intro: `Left out link-local multicast, which never crosses a VPC (${terms.enable('includeLinkLocal')} to keep it)` },
    {
      reason: 'local-gateway',
      code: 'local-gateway-excluded',
      intro: `Left out requests to the local gateway, which in a VPC is the VPC router and does not answer them (${terms.enable('includeLinkLocal')} to keep them)`,
    },
    { reason: 'direction', code: 'direction-excluded', intro: 'Left out services the devices only use outbound, which ingress rules would not serve' },
    { reason: 'user', code: 'user-excluded', intro: `Left out by ${terms.field('exclude')}` },
  ];
}

/** What was left out and why, one notice per reason. */
export function exclusionNotices(excluded: readonly ExcludedService[], retiredProducts: readonly ProductEntry[], terms: SelectionTerms = API_TERMS): PolicyNotice[] {
  if (excluded.length === 0 && retiredProducts.length === 0) {
    return [];
  }
  return exclusionNoticeKinds(terms).flatMap(({ reason, code, intro }) => {
    let entries = excluded.filter((e) => e.reason === reason);
    const products = reason === 'legacy' ? retiredProducts : [];
    // A current service left out only because every product wanting it is retired belongs to
    // those products' sentence, not to the list of services Apple retired.
    const byProduct = reason === 'legacy' ? entries.filter((e) => findService(e.service)!.status === 'current') : [];
    entries = entries.filter((e) => !byProduct.includes(e));
    if (entries.length === 0 && products.length === 0) {
      return [];
    }
    const details = entries.map((e) => {
      const service = findService(e.service)!;
      const retired = reason === 'legacy' && service.retired ? `, retired ${service.retired.date}` : '';
      return `${describeService(service)} for ${e.products.join(', ')}${retired}`;
    });
    const productDetails = products.map((product) => {
      const services = byProduct.filter((e) => e.products.includes(product.id)).map((e) => describeService(findService(e.service)!));
      return `${product.id} (retired ${product.retired!.date}${services.length > 0 ? `; without it: ${services.join(', ')}` : ''})`;
    });
    const sentences = [
      ...(details.length > 0 ? [`${intro}: ${details.join('; ')}.`] : []),
      ...(productDetails.length > 0 ? [`${details.length > 0 ? 'Also left out products Apple has retired' : `Left out products Apple has retired (${terms.enable('includeLegacy')} to keep them)`}: ${productDetails.join('; ')}.`] : []),
    ];
    return [
      notice(
        code,
        sentences.join(' '),
        [...entries, ...byProduct].map((e) => e.service),
        [...entries.flatMap((e) => e.products), ...products.map((p) => p.id)],
      ),
    ];
  });
}

/** The ports a rule budget opened beyond the selection, each listed. */
export function widenedNotice(rules: readonly PolicyRule[], maxRules: number | undefined, terms: SelectionTerms = API_TERMS): PolicyNotice[] {
  const widened = rules.flatMap((r) => r.widened);
  if (widened.length === 0) {
    return [];
  }
  const total = widened.reduce((sum, w) => sum + w.toPort - w.fromPort + 1, 0);
  const list = widened.map((w) => `${formatProtocolPorts(w.protocol, w)} to ${formatPeer(w.peer)}`).join('; ');
  const affected = rules.filter((r) => r.widened.length > 0);
  return [
    notice(
      'budget-widened',
      `Opened ${total} ports beyond the selection to fit ${terms.field('maxRules')} ${maxRules} per address family: ${list}.`,
      affected.flatMap((r) => r.services),
      affected.flatMap((r) => r.products),
      widened,
    ),
  ];
}

/** Amazon-provided services the DNS and NTP rules cannot govern. */
export function platformNotices(selectedBy: (id: ServiceId) => readonly AppleProduct[], direction: Direction): PolicyNotice[] {
  const selected = (id: ServiceId) => selectedBy(id).length > 0;
  const notices: PolicyNotice[] = [];
  if (direction === 'egress' && selected('dns')) {
    notices.push(
      notice(
        'amazon-dns',
        `DNS to the Amazon-provided resolver (${AMAZON_DNS_ADDRESSES}) is never filtered by security groups or network ACLs; the DNS rules only matter for other resolvers.`,
        ['dns'],
        selectedBy('dns'),
      ),
    );
  }
  if (direction === 'egress' && selected('ntp')) {
    notices.push(
      notice(
        'amazon-time-sync',
        `The Amazon Time Sync Service (${AMAZON_TIME_SYNC_ADDRESS}) is never filtered by security groups or network ACLs; the NTP rules only matter for other time servers such as time.apple.com.`,
        ['ntp'],
        selectedBy('ntp'),
      ),
    );
  }
  return notices;
}

/** Ingress open to the whole internet. */
export function openIngressNotice(peers: readonly Peer[], direction: Direction): PolicyNotice[] {
  const open = peers.filter(isAnywhere).sort(comparePeers);
  if (direction !== 'ingress' || open.length === 0) {
    return [];
  }
  return [
    notice(
      'open-ingress',
      `Ingress is open to the whole internet (${open.map(formatPeer).join(', ')}). Name the admin CIDRs, a bastion security group or a prefix list instead.`,
    ),
  ];
}

/** `ipv6` asks for IPv6 rules, but no destination gave any: say so rather than add nothing silently. */
export function ipv6UnusedNotice(ipv6: boolean, rules: readonly PolicyRule[], terms: SelectionTerms = API_TERMS): PolicyNotice[] {
  if (!ipv6 || rules.some((rule) => peerFamily(rule.peer) === 'ipv6')) {
    return [];
  }
  return [
    notice(
      'ipv6-unused',
      `${terms.field('ipv6')} is set, but no rule goes to an IPv6 peer: it adds ::/0 to 'anywhere' and Apple's IPv6 subnets to 'apple-network', and neither is a destination here. Name IPv6 CIDRs to allow IPv6.`,
    ),
  ];
}

/**
 * `exclude` naming a service that no selected product uses changes nothing. That is usually a
 * wrong id or a product dropped from the selection, so it is said rather than ignored.
 */
export function excludeUnusedNotice(exclude: readonly ServiceId[] | undefined, used: (id: ServiceId) => boolean, terms: SelectionTerms = API_TERMS): PolicyNotice[] {
  const unused = sortedIds(new Set((exclude ?? []).filter((id) => !used(id))));
  if (unused.length === 0) {
    return [];
  }
  const names = unused.map((id) => `'${id}'`).join(', ');
  return [
    notice(
      'exclude-unused',
      `${terms.field('exclude')} names ${names}, which no selected product uses, so ${unused.length === 1 ? 'it changes' : 'they change'} nothing. Remove ${unused.length === 1 ? 'it' : 'them'}, or select the product that uses ${unused.length === 1 ? 'it' : 'them'}.`,
      unused,
    ),
  ];
}

/**
 * `'apple-network'` narrows only the services that talk to Apple alone (push notifications); the
 * rest keep the other destinations. That is right, but a reviewer reading `'apple-network'` may
 * believe all traffic stays in Apple's network, so the notice lists what still goes elsewhere.
 */
export function appleNetworkPartialNotice(appleNetwork: boolean, direction: Direction, rules: readonly PolicyRule[], generalPeers: readonly Peer[]): PolicyNotice[] {
  if (!appleNetwork || direction !== 'egress') {
    return [];
  }
  const general = new Set(generalPeers.map((peer) => `${peer.kind}:${formatPeer(peer)}`));
  const elsewhere = rules.filter((rule) => general.has(`${rule.peer.kind}:${formatPeer(rule.peer)}`));
  if (elsewhere.length === 0) {
    return [];
  }
  const serviceIds = sortedIds(elsewhere.flatMap((rule) => rule.services));
  const narrowed = sortedIds(rules.filter((rule) => !elsewhere.includes(rule)).flatMap((rule) => rule.services));
  const peers = [...generalPeers].sort(comparePeers);
  const elsewhereServices = inCatalogueOrder(serviceIds).map((id) => describeService(findService(id)!)).join(', ');
  return [
    {
      ...notice(
        'apple-network-partial',
        `'apple-network' narrows only the services that talk to Apple alone (${narrowed.length > 0 ? inCatalogueOrder(narrowed).join(', ') : 'none of this selection'}) to Apple's network; ${elsewhereServices} still go to ${peers.map(formatPeer).join(', ')}. Name narrower destinations for them, or allow them by host name (a DNS firewall, a proxy, or a Network Firewall rule group).`,
        serviceIds,
        elsewhere.flatMap((rule) => rule.products),
      ),
      peers,
    },
  ];
}

/**
 * AWS counts a rule to a customer-managed prefix list as the list's max entries, and to an
 * AWS-managed list as its weight. A list given by id alone is counted as one rule, which may pass
 * every check and still fail at deploy time, so each such list is named.
 */
export function prefixListSizeNotice(peers: readonly Peer[], terms: SelectionTerms = API_TERMS): PolicyNotice[] {
  const unknown = peers.filter((peer) => peer.kind === 'prefix-list' && peer.maxEntries === undefined).sort(comparePeers);
  if (unknown.length === 0) {
    return [];
  }
  const ids = unknown.map(formatPeer).join(', ');
  return [
    {
      ...notice(
        'prefix-list-size-unknown',
        `The size of the prefix list${unknown.length > 1 ? 's' : ''} ${ids} is unknown, so each rule to ${unknown.length > 1 ? 'them' : 'it'} is counted as one, but AWS counts a customer-managed list as its max entries and an AWS-managed list as its weight, and may refuse the rules at deploy time (RulesPerSecurityGroupLimitExceeded). Give the size with the id in ${terms.field('destinations')}: { kind: 'prefix-list', id, maxEntries }.`,
      ),
      peers: unknown,
    },
  ];
}

/**
 * The HTTPS port, and for each product the hosts Apple lists on UDP at that port (QUIC, HTTP/3),
 * read once per catalogue.
 */
const quicHostsByProduct = perCatalogue((index) => {
  const port = index.servicesById.get('https')!.ports.find((range) => range.protocol === 'tcp')!;
  const byProduct = new Map<AppleProduct, readonly string[]>();
  for (const product of index.catalogue.products) {
    const hosts = (product.hostGroups ?? []).flatMap((use) =>
      index.hostGroupsById
        .get(use.group)!
        .hosts.filter((h) => (use.hosts === undefined || use.hosts.includes(h.host)) && h.ports.some((range) => range.protocol === 'udp' && containsPort(range, port.fromPort)))
        .map((h) => h.host),
    );
    byProduct.set(product.id, hosts);
  }
  return { port, byProduct };
});

/** The selected products' hosts Apple lists on UDP ports no rule opens: QUIC on the HTTPS port. */
export function quicClosedNotice(products: readonly ProductEntry[], direction: Direction, rules: readonly PolicyRule[]): PolicyNotice[] {
  if (direction !== 'egress') {
    return [];
  }
  const { port: https, byProduct } = quicHostsByProduct();
  if (rules.some((rule) => rule.protocol === 'udp' && containsPort(rule, https.fromPort))) {
    return [];
  }
  const hosts = new Map<string, Set<AppleProduct>>();
  for (const product of products) {
    for (const host of byProduct.get(product.id)!) {
      hosts.set(host, (hosts.get(host) ?? new Set()).add(product.id));
    }
  }
  if (hosts.size === 0) {
    return [];
  }
  const names = sortedIds(hosts.keys());
  const port = formatProtocolPorts('udp', https);
  return [
    {
      ...notice(
        'quic-closed',
        `Apple lists ${names.join(', ')} on ${port} (QUIC, HTTP/3), which no rule opens: those connections fall back to TCP where they can, and iCloud Private Relay does not work. Add an extra rule for ${port} if the devices need it.`,
        [],
        [...hosts.values()].flatMap((set) => [...set]),
      ),
      hosts: names,
    },
  ];
}
