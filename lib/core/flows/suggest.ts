/**
 * The suggested selection: the products whose rules cover every observed Apple port while opening
 * the fewest ports beyond them. It is a weighted set cover over a small universe (the observed
 * ports of one direction, the catalogue's products), solved exactly by branch and bound: branch on
 * the uncovered port with the fewest products that open it, bound by the ports already opened plus
 * the cheapest way to cover each port still uncovered. Ties go to fewer products, then to the
 * product ids in catalogue order, so the answer is the same on every run.
 */
import { compareIds, findProduct, products as allProducts, profiles as allProfiles, type AppleProduct, type Direction, type ProfileId, type ServiceId } from '../catalogue';
import { PROTOCOLS, countPorts, normalizePorts, type PortRange, type Protocol } from '../ports';
import { resolve, type PolicySelection } from '../policy';
import { ApplePortsError } from '../problems';

/** One port the devices used, in one direction, and the products the Resolver tied its hosts to. */
export interface CoverDemand {
  /** Whether the devices used the port outbound or served it. */
  readonly direction: Direction;
  /** The port's protocol. */
  readonly protocol: Protocol;
  /** The port the devices used. */
  readonly port: number;
  /**
   * Products Apple lists the flows' hosts for. When one of them opens the port, only they cover it.
   * @default [] (any product that opens the port covers it)
   */
  readonly hostProducts?: readonly AppleProduct[];
}

/** What the suggestion may choose from. */
export interface CoverOptions {
  /** Allow products and services Apple has retired, as `resolve` does. @default false */
  readonly includeLegacy?: boolean;
  /** Allow link-local multicast services, as `resolve` does. @default false */
  readonly includeLinkLocal?: boolean;
  /** Service ids never to open, as `resolve` does. @default [] */
  readonly exclude?: readonly ServiceId[];
  /** Only these products; for tests that compare against brute force. @default every product */
  readonly candidates?: readonly AppleProduct[];
}

/** The ports one product opens in one direction, per protocol. */
export interface ProductPorts {
  /** The product. */
  readonly product: AppleProduct;
  /** The direction the ports are opened in. */
  readonly direction: Direction;
  /** The ports the product opens, normalised, per protocol. */
  readonly ports: Readonly<Record<Protocol, readonly PortRange[]>>;
}

/** Why a demand cannot be covered. */
export type UncoveredReason = 'no-product' | 'excluded';

/** The exact cover of one direction's demands. */
export interface CoverSolution {
  /** The direction the demands and products are in. */
  readonly direction: Direction;
  /** The chosen products, sorted. */
  readonly products: readonly AppleProduct[];
  /** Every port the chosen products open, per protocol. */
  readonly opened: Readonly<Record<Protocol, readonly PortRange[]>>;
  /** How many ports they open that no demand used. */
  readonly extraPorts: number;
  /** For each demand index, the chosen products that cover it, sorted. */
  readonly coveredBy: readonly (readonly AppleProduct[])[];
  /** Demand indexes no allowed product covers, with the reason. */
  readonly uncovered: readonly {
    /** The index of the demand. */
    readonly index: number;
    /** Why no allowed product covers it. */
    readonly reason: UncoveredReason;
  }[];
  /** Nodes the search visited: how hard the instance was. */
  readonly nodes: number;
}

const EMPTY_PORTS: Record<Protocol, readonly PortRange[]> = { tcp: [], udp: [] };

const portsCache = new Map<string, ProductPorts | null>();

/**
 * The ports `resolve` opens for one product in one direction (to anywhere), or `null` when it
 * opens none there (outbound-only products for ingress, retired products without includeLegacy).
 */
export function productPorts(product: AppleProduct, direction: Direction, options: CoverOptions = {}): ProductPorts | null {
  const key = `${product}|${direction}|${options.includeLegacy ? 1 : 0}|${options.includeLinkLocal ? 1 : 0}|${[...(options.exclude ?? [])].sort().join(',')}`;
  if (portsCache.has(key)) {
    return portsCache.get(key)!;
  }
  const selection: PolicySelection = {
    products: [product],
    direction,
    destinations: ['anywhere'],
    includeLegacy: options.includeLegacy ?? false,
    includeLinkLocal: options.includeLinkLocal ?? false,
    exclude: options.exclude ?? [],
  };
  let result: ProductPorts | null;
  try {
    const policy = resolve(selection);
    const ports = Object.fromEntries(PROTOCOLS.map((protocol) => [protocol, normalizePorts(policy.rules.filter((r) => r.protocol === protocol))])) as Record<Protocol, PortRange[]>;
    result = { product, direction, ports };
  } catch (error) {
    // A product that opens nothing in this direction is no candidate; any other refusal is a bug here.
    if (error instanceof ApplePortsError && error.problems.every((p) => p.code === 'nothing-to-open' || p.code === 'direction-unsupported')) {
      result = null;
    } else {
      throw error;
    }
  }
  portsCache.set(key, result);
  return result;
}

function opens(ports: ProductPorts, protocol: Protocol, port: number): boolean {
  return ports.ports[protocol].some((range) => range.fromPort <= port && port <= range.toPort);
}

/** The ports a set of products opens, per protocol. */
function unionPorts(chosen: readonly ProductPorts[]): Record<Protocol, PortRange[]> {
  return Object.fromEntries(PROTOCOLS.map((protocol) => [protocol, normalizePorts(chosen.flatMap((c) => c.ports[protocol]))])) as Record<Protocol, PortRange[]>;
}

function openedCount(opened: Readonly<Record<Protocol, readonly PortRange[]>>): number {
  return PROTOCOLS.reduce((sum, protocol) => sum + countPorts(opened[protocol]), 0);
}

/** Lexicographic order of two sorted id lists, by `compareIds`. */
function compareIdLists(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const byId = compareIds(a[i], b[i]);
    if (byId !== 0) {
      return byId;
    }
  }
  return a.length - b.length;
}

/** The order of solutions: fewer opened ports, then fewer products, then the ids. */
export function compareCovers(a: { opened: number; products: readonly string[] }, b: { opened: number; products: readonly string[] }): number {
  return a.opened - b.opened || a.products.length - b.products.length || compareIdLists(a.products, b.products);
}

/** The candidates of one direction: allowed products that open something there, current ones first in ties. */
function candidatesFor(direction: Direction, options: CoverOptions): ProductPorts[] {
  const ids = options.candidates ?? allProducts.map((p) => p.id);
  return ids
    .filter((id) => options.includeLegacy || findProduct(id)?.status === 'current')
    .map((id) => productPorts(id, direction, options))
    .filter((p): p is ProductPorts => p !== null)
    .sort((a, b) => compareIds(a.product, b.product));
}

/** Which candidates may cover each demand: the host's products where one of them opens the port, else any that opens it. */
function coverersOf(demands: readonly CoverDemand[], candidates: readonly ProductPorts[]): number[][] {
  return demands.map((demand) => {
    const opening = candidates.flatMap((c, index) => (opens(c, demand.protocol, demand.port) ? [index] : []));
    const hosts = new Set(demand.hostProducts ?? []);
    const byHost = opening.filter((index) => hosts.has(candidates[index].product));
    return byHost.length > 0 ? byHost : opening;
  });
}

/**
 * Covers one direction's demands exactly. Demands no allowed product opens are left uncovered
 * (and reported), never forced.
 */
export function solveCover(direction: Direction, demands: readonly CoverDemand[], options: CoverOptions = {}): CoverSolution {
  const own = demands.map((d, index) => ({ d, index })).filter(({ d }) => d.direction === direction);
  const candidates = candidatesFor(direction, options);
  const coverers = coverersOf(
    own.map(({ d }) => d),
    candidates,
  );
  const uncovered = own.flatMap(({ d, index }, i) => (coverers[i].length === 0 ? [{ index, reason: uncoveredReason(d, options) }] : []));
  const wanted = own.map((_, i) => i).filter((i) => coverers[i].length > 0);

  // Products interchangeable in every solution (same ports, same demands) collapse to the first id.
  const signatures = new Map<string, number>();
  const representative = candidates.map((c, index) => {
    const covers = wanted.filter((i) => coverers[i].includes(index)).join(',');
    const signature = `${PROTOCOLS.map((p) => c.ports[p].map((r) => `${r.fromPort}-${r.toPort}`).join(' ')).join('|')}#${covers}`;
    if (!signatures.has(signature)) {
      signatures.set(signature, index);
    }
    return signatures.get(signature) === index;
  });
  const choices = wanted.map((i) => coverers[i].filter((index) => representative[index]));

  let best: { opened: number; products: string[]; chosen: number[] } | undefined;
  let nodes = 0;
  const search = (chosen: number[], covered: boolean[]): void => {
    nodes++;
    const union = unionPorts(chosen.map((index) => candidates[index]));
    const opened = openedCount(union);
    const ids = chosen.map((index) => candidates[index].product).sort(compareIds);
    if (best && compareCovers({ opened, products: ids }, best) >= 0 && opened >= best.opened) {
      return;
    }
    // The next demand to cover: the one with the fewest ways to cover it.
    let next = -1;
    let bound = opened;
    for (let w = 0; w < wanted.length; w++) {
      if (covered[w]) {
        continue;
      }
      if (next < 0 || choices[w].length < choices[next].length) {
        next = w;
      }
      const cheapest = Math.min(...choices[w].map((index) => openedCount(unionPorts([...chosen.map((c) => candidates[c]), candidates[index]])) - opened));
      bound = Math.max(bound, opened + cheapest);
    }
    if (next < 0) {
      if (!best || compareCovers({ opened, products: ids }, best) < 0) {
        best = { opened, products: ids, chosen: [...chosen] };
      }
      return;
    }
    if (best && bound > best.opened) {
      return;
    }
    const options = [...choices[next]].sort((a, b) => {
      const cost = (index: number) => openedCount(unionPorts([...chosen.map((c) => candidates[c]), candidates[index]]));
      return cost(a) - cost(b) || compareIds(candidates[a].product, candidates[b].product);
    });
    for (const index of options) {
      const nowCovered = covered.map((done, w) => done || coverers[wanted[w]].includes(index));
      search([...chosen, index], nowCovered);
    }
  };
  search(
    [],
    wanted.map(() => false),
  );

  const chosen = (best?.chosen ?? []).map((index) => candidates[index]);
  const opened = unionPorts(chosen);
  const demandPorts = Object.fromEntries(
    PROTOCOLS.map((protocol) => [
      protocol,
      normalizePorts(wanted.map((i) => own[i].d).filter((d) => d.protocol === protocol).map((d) => ({ fromPort: d.port, toPort: d.port }))),
    ]),
  ) as Record<Protocol, PortRange[]>;
  const coveredBy: AppleProduct[][] = demands.map(() => []);
  own.forEach(({ index }, i) => {
    coveredBy[index] = chosen.filter((c) => coverers[i].includes(candidates.indexOf(c))).map((c) => c.product).sort(compareIds);
  });
  return {
    direction,
    products: chosen.map((c) => c.product).sort(compareIds),
    opened,
    extraPorts: openedCount(opened) - openedCount(demandPorts),
    coveredBy,
    uncovered,
    nodes,
  };
}

function uncoveredReason(demand: CoverDemand, options: CoverOptions): UncoveredReason {
  // With every product and service allowed, would anything open the port?
  const relaxed = candidatesFor(demand.direction, { candidates: options.candidates, includeLegacy: true, includeLinkLocal: true });
  return relaxed.some((c) => opens(c, demand.protocol, demand.port)) ? 'excluded' : 'no-product';
}

/** A profile that covers every coverable demand too, and how many ports it opens beyond them. */
export interface ProfileFit {
  /** The profile. */
  readonly profile: ProfileId;
  /** How many ports the profile opens that no demand used. */
  readonly extraPorts: number;
}

/** The profiles of a direction whose products cover every demand the solution covers, fewest extra ports first. */
export function profileFits(solution: CoverSolution, demands: readonly CoverDemand[], options: CoverOptions = {}): ProfileFit[] {
  const covered = demands.filter((d, index) => d.direction === solution.direction && solution.coveredBy[index].length > 0);
  if (covered.length === 0) {
    return [];
  }
  const fits: ProfileFit[] = [];
  for (const profile of allProfiles.filter((p) => p.direction === solution.direction)) {
    const ports = profile.products.map((id) => productPorts(id, solution.direction, options)).filter((p): p is ProductPorts => p !== null);
    if (!covered.every((d) => ports.some((p) => opens(p, d.protocol, d.port)))) {
      continue;
    }
    const opened = unionPorts(ports);
    const used = PROTOCOLS.reduce(
      (sum, protocol) => sum + countPorts(covered.filter((d) => d.protocol === protocol).map((d) => ({ fromPort: d.port, toPort: d.port }))),
      0,
    );
    fits.push({ profile: profile.id, extraPorts: openedCount(opened) - used });
  }
  return fits.sort((a, b) => a.extraPorts - b.extraPorts || compareIds(a.profile, b.profile));
}

/** The ports a list of products opens in one direction, for brute-force checks and reports. */
export function portsOpenedBy(productIds: readonly AppleProduct[], direction: Direction, options: CoverOptions = {}): Record<Protocol, PortRange[]> {
  return productIds.length === 0
    ? { ...EMPTY_PORTS, tcp: [], udp: [] }
    : unionPorts(productIds.map((id) => productPorts(id, direction, options)).filter((p): p is ProductPorts => p !== null));
}

/** How many ports a per-protocol set holds. */
export function countOpened(opened: Readonly<Record<Protocol, readonly PortRange[]>>): number {
  return openedCount(opened);
}
