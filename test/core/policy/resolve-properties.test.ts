/**
 * Properties of the resolver over random selections, checked against a deliberately naive model:
 * a bitmap of every (protocol, peer, port) the selected services need.
 */
import fc from 'fast-check';
import { findService, getNetwork, products, resolve, type AddressFamily, type AppleProductName, type PolicySelection, type ProductEntry, type ResolvedPolicy, type ServiceId } from '../../../lib/core';
import { peerFamilies, peerKey } from '../../../lib/core/internal';

const PORTS = 65536;
const currentProducts = products.map((p) => p.id);

/** Every port a selection should open, per "protocol|peer", from the catalogue alone. */
function expectedOpen(selection: PolicySelection): Map<string, Uint8Array> {
  const open = new Map<string, Uint8Array>();
  const direction = selection.direction ?? 'egress';
  const mark = (key: string, from: number, to: number) => {
    const bits = open.get(key) ?? new Uint8Array(PORTS);
    open.set(key, bits);
    bits.fill(1, from, to + 1);
  };
  const apple = selection.destinations?.includes('apple-network') ?? false;
  const general = (selection.destinations ?? ['anywhere']).filter((d) => d !== 'apple-network');
  const generalPeers = (general.length > 0 ? general : ['anywhere']).flatMap((d) => {
    const text = String(d);
    if (text === 'anywhere') return ['ipv4:0.0.0.0/0', ...(selection.ipv6 ? ['ipv6:::/0'] : [])];
    if (text.startsWith('sg-')) return [`security-group:${text}`];
    if (text.startsWith('pl-')) return [`prefix-list:${text}`];
    return [`${text.includes(':') ? 'ipv6' : 'ipv4'}:${text}`];
  });
  for (const name of selection.products ?? []) {
    const product = products.find((p) => [p.id, ...p.aliases].some((n) => n.toLowerCase() === String(name).toLowerCase())) as ProductEntry;
    for (const use of product.uses) {
      const service = findService(use.service)!;
      const legacy = product.status === 'legacy' || service.status === 'legacy';
      if ((legacy && !selection.includeLegacy) || (service.reach !== 'routed' && !selection.includeLinkLocal)) continue;
      if (direction === 'ingress' && service.initiator === 'device') continue;
      if ((selection.exclude ?? []).includes(service.id)) continue;
      const peers =
        apple && service.destination === 'apple-network'
          ? [...getNetwork('apple').ipv4.map((c) => `ipv4:${c}`), ...(selection.ipv6 ? getNetwork(service.network!).ipv6.map((c) => `ipv6:${c}`) : [])]
          : generalPeers;
      for (const peer of peers) for (const range of service.ports) mark(`${range.protocol}|${peer}`, range.fromPort, range.toPort);
    }
  }
  return open;
}

function actualOpen(policy: ResolvedPolicy): Map<string, Uint8Array> {
  const open = new Map<string, Uint8Array>();
  for (const rule of policy.rules) {
    const key = `${rule.protocol}|${peerKey(rule.peer)}`;
    const bits = open.get(key) ?? new Uint8Array(PORTS);
    open.set(key, bits);
    bits.fill(1, rule.fromPort, rule.toPort + 1);
  }
  return open;
}

/** The number of maximal runs of set bits: the fewest rules that open exactly these ports. */
function runs(bits: Uint8Array): number {
  let count = 0;
  for (let port = 1; port < PORTS; port++) if (bits[port] && !bits[port - 1]) count++;
  return count;
}

function sameOpen(a: Map<string, Uint8Array>, b: Map<string, Uint8Array>): boolean {
  const keys = new Set([...a.keys(), ...b.keys()].filter((k) => (a.get(k)?.some((x) => x) ?? false) || (b.get(k)?.some((x) => x) ?? false)));
  return [...keys].every((k) => {
    const x = a.get(k);
    const y = b.get(k);
    return !!x && !!y && x.every((v, i) => v === y[i]);
  });
}

const selectionArbitrary = fc.record({
  products: fc.uniqueArray(fc.constantFrom(...currentProducts), { minLength: 1, maxLength: 6 }),
  ipv6: fc.boolean(),
  includeLegacy: fc.boolean(),
  includeLinkLocal: fc.boolean(),
  destinations: fc.constantFrom<PolicySelection['destinations']>(
    undefined,
    ['anywhere'],
    ['apple-network'],
    ['apple-network', '10.0.0.0/8'],
    ['10.0.0.0/8', '192.168.0.0/16'],
    ['sg-0123456789abcdef0', '2001:db8::/32', 'anywhere'],
    ['pl-0123456789abcdef0', 'apple-network', '::/0', '10.0.0.0/8'],
  ),
  exclude: fc.subarray<ServiceId>(['http', 'https', 'apns', 'dns', 'facetime-rtp', 'messages-rtp', 'rfb']),
});

/** Selections that open at least one port (others are refused with 'nothing-to-open'). */
function resolvable(selection: PolicySelection): boolean {
  return [...expectedOpen(selection).values()].some((bits) => bits.some((b) => b));
}

describe('resolver properties', () => {
  test('exact: the opened (protocol, port, peer) set equals the selected services’ ports', () => {
    fc.assert(
      fc.property(selectionArbitrary, (selection) => {
        fc.pre(resolvable(selection));
        return sameOpen(actualOpen(resolve(selection)), expectedOpen(selection));
      }),
      { numRuns: 200 },
    );
  });

  test('minimal: per protocol and peer, the rule count is the number of maximal intervals', () => {
    fc.assert(
      fc.property(selectionArbitrary, (selection) => {
        fc.pre(resolvable(selection));
        const policy = resolve(selection);
        const open = actualOpen(policy);
        const lowerBound = [...expectedOpen(selection).values()].reduce((n, bits) => n + runs(bits), 0);
        return policy.rules.length === lowerBound && [...open.values()].reduce((n, bits) => n + runs(bits), 0) === lowerBound;
      }),
      { numRuns: 200 },
    );
  });

  test('order-independent and alias-insensitive: shuffled products, aliases and case give the same policy', () => {
    fc.assert(
      fc.property(selectionArbitrary, fc.infiniteStream(fc.nat()), (selection, picks) => {
        fc.pre(resolvable(selection));
        const iterator = picks[Symbol.iterator]();
        const next = () => iterator.next().value as number;
        const renamed = (selection.products ?? []).map((id) => {
          const product = products.find((p) => p.id === id)!;
          const names = [product.id, product.id.toUpperCase(), product.id.toLowerCase(), product.name['zh-CN'], ...product.aliases];
          // Upper- and lower-case ids are not AppleProductName literals: JavaScript callers pass them.
          return names[next() % names.length] as AppleProductName;
        });
        const shuffled = [...renamed].sort(() => (next() % 2 === 0 ? -1 : 1));
        const destinations = selection.destinations && [...selection.destinations, ...selection.destinations].sort(() => (next() % 2 === 0 ? -1 : 1));
        const exclude = [...(selection.exclude ?? [])].reverse();
        return JSON.stringify(resolve({ ...selection, products: shuffled, destinations, exclude })) === JSON.stringify(resolve(selection));
      }),
      { numRuns: 150 },
    );
  });

  test('idempotent: resolving the products of a policy again gives the same policy', () => {
    fc.assert(
      fc.property(selectionArbitrary, (selection) => {
        fc.pre(resolvable(selection));
        const once = resolve(selection);
        const twice = resolve({ ...selection, products: once.products });
        return JSON.stringify(once) === JSON.stringify(twice) && JSON.stringify(resolve(selection)) === JSON.stringify(once);
      }),
      { numRuns: 100 },
    );
  });

  test('budgeted: the rules fit, cover the selection, and every extra port is reported', () => {
    fc.assert(
      fc.property(selectionArbitrary, fc.integer({ min: 1, max: 12 }), (selection, maxRules) => {
        fc.pre(resolvable(selection));
        let policy: ResolvedPolicy;
        try {
          policy = resolve({ ...selection, maxRules });
        } catch (error) {
          // Refused only when even one rule per protocol and peer is over the budget in a family.
          // Groups to prefix lists of unknown family and to security groups count in both families.
          const inFamily = (peer: string, family: string) => peer.startsWith(`${family}:`) || peer.startsWith('prefix-list:') || peer.startsWith('security-group:');
          const groups = (family: string) => [...expectedOpen(selection).entries()].filter(([key, bits]) => bits.some((b) => b) && inFamily(key.split('|')[1]!, family)).length;
          return (error as { problems: { code: string }[] }).problems.every((p) => p.code === 'budget-too-small') && Math.max(groups('ipv4'), groups('ipv6')) > maxRules;
        }
        const perFamily = (family: AddressFamily) => policy.rules.filter((r) => peerFamilies(r.peer).includes(family)).length;
        const expected = expectedOpen(selection);
        const actual = actualOpen(policy);
        for (const widening of policy.rules.flatMap((r) => r.widened)) {
          const key = `${widening.protocol}|${peerKey(widening.peer)}`;
          for (let port = widening.fromPort; port <= widening.toPort; port++) {
            if (expected.get(key)?.[port]) return false;
            expected.get(key)![port] = 1;
          }
        }
        return perFamily('ipv4') <= maxRules && perFamily('ipv6') <= maxRules && sameOpen(actual, expected);
      }),
      { numRuns: 200 },
    );
  });
});
