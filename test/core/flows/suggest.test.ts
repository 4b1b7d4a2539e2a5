import fc from 'fast-check';
import { PROTOCOLS } from '../../../lib/core/ports';
import {
  compareCovers,
  countOpened,
  portsOpenedBy,
  productPorts,
  products,
  solveCover,
  type AppleProduct,
  type CoverDemand,
} from '../../../lib/core';

const egress = (protocol: 'tcp' | 'udp', port: number, hostProducts: AppleProduct[] = []): CoverDemand => ({ direction: 'egress', protocol, port, hostProducts });

describe('solveCover, hand-checked', () => {
  test('FaceTime media and push: FaceTime alone covers udp 3478 and tcp 5223', () => {
    const solution = solveCover('egress', [egress('udp', 3478), egress('tcp', 5223)]);
    expect(solution.products).toEqual(['FaceTime']);
    // FaceTime opens tcp 80, 443, 5223 and udp 3478-3497, 16384-16387, 16393-16402: 37 ports, 2 of them seen.
    expect(solution.extraPorts).toBe(35);
    expect(solution.uncovered).toEqual([]);
  });

  test('a host the Resolver tied to iCloud makes iCloud the only product that covers its 443', () => {
    const solution = solveCover('egress', [egress('tcp', 443, ['iCloud'])]);
    expect(solution.products).toEqual(['iCloud']);
    expect(solution.coveredBy).toEqual([['iCloud']]);
  });

  test('443 with no host is covered by the product that opens least beyond it', () => {
    expect(solveCover('egress', [egress('tcp', 443)]).products).toEqual(['Dictation']);
  });

  test('ports only retired services use are left uncovered, with the reason, until includeLegacy', () => {
    const legacyApns = egress('tcp', 2195);
    expect(solveCover('egress', [legacyApns]).uncovered).toEqual([{ index: 0, reason: 'excluded' }]);
    expect(solveCover('egress', [legacyApns], { includeLegacy: true }).products).toEqual(['PushNotifications']);
    expect(solveCover('egress', [egress('tcp', 9999)]).uncovered).toEqual([{ index: 0, reason: 'no-product' }]);
  });

  test('ingress demands choose among products a Mac hosts', () => {
    const solution = solveCover('ingress', [{ direction: 'ingress', protocol: 'tcp', port: 22 }]);
    expect(solution.products).toEqual(['SSH']);
    expect(solution.extraPorts).toBe(0);
  });
});

/** Every subset of the candidates that covers every coverable demand, the best by the same order. */
function bruteForce(demands: readonly CoverDemand[], candidates: readonly AppleProduct[]) {
  const usable = candidates.filter((id) => productPorts(id, 'egress') !== null && products.find((p) => p.id === id)!.status === 'current');
  const opens = (id: AppleProduct, d: CoverDemand) => productPorts(id, 'egress')!.ports[d.protocol].some((r) => r.fromPort <= d.port && d.port <= r.toPort);
  const coverers = demands.map((d) => {
    const opening = usable.filter((id) => opens(id, d));
    const byHost = opening.filter((id) => (d.hostProducts ?? []).includes(id));
    return byHost.length > 0 ? byHost : opening;
  });
  let best: { opened: number; products: AppleProduct[] } | undefined;
  for (let mask = 0; mask < 1 << usable.length; mask++) {
    const chosen = usable.filter((_, i) => mask & (1 << i));
    if (!coverers.every((c) => c.length === 0 || c.some((id) => chosen.includes(id)))) {
      continue;
    }
    const candidate = { opened: countOpened(portsOpenedBy(chosen, 'egress')), products: [...chosen].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)) };
    if (!best || compareCovers(candidate, best) < 0) {
      best = candidate;
    }
  }
  return best!;
}

describe('solveCover is optimal', () => {
  const ids = products.map((p) => p.id);
  test('against brute force on small random traffic (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: 8 }),
        fc.array(fc.record({ protocol: fc.constantFrom(...PROTOCOLS), pick: fc.nat(), host: fc.boolean() }), { minLength: 1, maxLength: 6 }),
        (candidates, picks) => {
          // Ports the candidates open, so most demands are coverable; some stay uncovered on purpose.
          const ports = candidates.flatMap((id) => {
            const p = productPorts(id, 'egress');
            return p ? PROTOCOLS.flatMap((protocol) => p.ports[protocol].map((r) => ({ protocol, port: r.fromPort }))) : [];
          });
          const demands = picks.map(({ protocol, pick, host }) => {
            const seen = ports.length > 0 && pick % 4 !== 0 ? ports[pick % ports.length] : { protocol, port: 1 + (pick % 1000) };
            return egress(seen.protocol, seen.port, host ? [candidates[pick % candidates.length]] : []);
          });
          const solution = solveCover('egress', demands, { candidates });
          const expected = bruteForce(demands, candidates);
          expect({ opened: countOpened(solution.opened), products: solution.products }).toEqual(expected);
        },
      ),
      { numRuns: 60, seed: 20261201 },
    );
  });
});
