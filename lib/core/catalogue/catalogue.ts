/**
 * Typed, read-only access to `data/catalogue.json`. `find*` returns `undefined` for an unknown
 * name; `get*` throws an error that names the closest valid ids.
 */
import catalogueJson from '../../../data/catalogue.json';
import type { AppleProduct, NetworkId, ProfileId, ServiceId } from './ids.generated';
import type {
  Catalogue,
  EphemeralPortRange,
  HostGroupEntry,
  NetworkEntry,
  ProductEntry,
  ProfileEntry,
  ServiceEntry,
} from './types';
import { containsPort, isPortNumber, type Protocol, type ProtocolPortRange } from '../ports';
import { ApplePortsError } from '../problems';
import { deepFreeze } from './freeze';
import { sortedIds } from './order';
import { didYouMean, nearestIds, type NameCandidate } from './suggest';

/** The whole catalogue, as shipped with this version of the library (frozen). */
export const catalogue: Catalogue = deepFreeze(catalogueJson as unknown as Catalogue);

/** Every service (row of Apple's port table), in port order. */
export const services: readonly ServiceEntry[] = catalogue.services;
/** Every product, sorted by id. */
export const products: readonly ProductEntry[] = catalogue.products;
/** Every profile, sorted by id. */
export const profiles: readonly ProfileEntry[] = catalogue.profiles;
/** Address ranges Apple publishes. */
export const networks: readonly NetworkEntry[] = catalogue.networks;

/** A catalogue's entries by id and by every name users may type, for the lookups below. */
export interface CatalogueIndex {
  readonly catalogue: Catalogue;
  readonly servicesById: ReadonlyMap<string, ServiceEntry>;
  readonly productsById: ReadonlyMap<string, ProductEntry>;
  readonly networksById: ReadonlyMap<string, NetworkEntry>;
  /** Products by every name they answer to, lower-cased. */
  readonly productsByName: ReadonlyMap<string, ProductEntry>;
  readonly productCandidates: readonly NameCandidate[];
  readonly profilesByName: ReadonlyMap<string, ProfileEntry>;
  readonly hostGroupsById: ReadonlyMap<string, HostGroupEntry>;
  /** Each service's place in the catalogue's (port) order, the order Apple's table lists them. */
  readonly serviceOrder: ReadonlyMap<string, number>;
  /** Every product id, sorted (`compareIds`). */
  readonly productIds: readonly AppleProduct[];
  /** Each product's place in `productIds`. */
  readonly productOrder: ReadonlyMap<string, number>;
  /** The services each product uses, by product id, in the order the product lists them. */
  readonly productServices: ReadonlyMap<string, readonly ServiceEntry[]>;
}

/** Every name a product answers to: its id, its English and Chinese names and its aliases (the `AppleProductName` union). */
export function productNamesOf(product: Pick<ProductEntry, 'id' | 'name' | 'aliases'>): string[] {
  return [product.id, product.name.en, product.name['zh-CN'], ...product.aliases];
}

const indexes = new WeakMap<Catalogue, CatalogueIndex>();

/** The index of a catalogue (built once per catalogue object). */
export function indexCatalogue(data: Catalogue): CatalogueIndex {
  let index = indexes.get(data);
  if (!index) {
    const productsByName = new Map<string, ProductEntry>();
    const productCandidates: NameCandidate[] = [];
    for (const product of data.products) {
      for (const name of productNamesOf(product)) {
        productsByName.set(name.toLowerCase(), product);
        productCandidates.push({ name, id: product.id });
      }
    }
    const servicesById = new Map(data.services.map((s) => [s.id, s]));
    const productIds = Object.freeze(sortedIds(data.products.map((p) => p.id)));
    index = {
      catalogue: data,
      servicesById,
      productsById: new Map(data.products.map((p) => [p.id, p])),
      networksById: new Map(data.networks.map((n) => [n.id, n])),
      productsByName,
      productCandidates,
      profilesByName: new Map(data.profiles.map((p) => [p.id.toLowerCase(), p])),
      hostGroupsById: new Map(data.hostGroups.map((g) => [g.id, g])),
      serviceOrder: new Map(data.services.map((s, position) => [s.id, position])),
      productIds,
      productOrder: new Map(productIds.map((id, position) => [id, position])),
      // The schema's tests hold every use to a known service.
      productServices: new Map(data.products.map((p) => [p.id, Object.freeze(p.uses.map((use) => servicesById.get(use.service)!))])),
    };
    indexes.set(data, index);
  }
  return index;
}

const shippedIndex = indexCatalogue(catalogue);

/**
 * The catalogue every lookup of this room reads (`find*`, `get*`, `lookupPort`, the messages for
 * unknown names): the shipped one, except while `withCatalogue` runs.
 */
let active: CatalogueIndex = shippedIndex;

/** The index the lookups read now. */
export function activeCatalogue(): CatalogueIndex {
  return active;
}

/**
 * Runs `fn` with every lookup of the catalogue room reading `data` instead of the shipped
 * catalogue, and restores the shipped one when `fn` returns or throws. This is how an earlier
 * catalogue version is resolved with the one resolver (`fn` must be synchronous). The exported
 * lists (`services`, `products`…) always stay the shipped catalogue's.
 */
export function withCatalogue<T>(data: Catalogue, fn: () => T): T {
  const previous = active;
  active = indexCatalogue(data);
  try {
    return fn();
  } finally {
    active = previous;
  }
}

/**
 * A value derived from the catalogue the lookups read now, built the first time it is asked for
 * and then kept for that catalogue: the resolver's orders and tables cost nothing per call, and an
 * earlier version resolved with `withCatalogue` gets its own.
 */
export function perCatalogue<T>(build: (index: CatalogueIndex) => T): () => T {
  const built = new WeakMap<CatalogueIndex, T>();
  return () => {
    let value = built.get(active);
    if (value === undefined) {
      value = build(active);
      built.set(active, value);
    }
    return value;
  };
}

/** Orders service ids as the catalogue lists the services (by port, as Apple's table does). */
export function compareServiceOrder(a: string, b: string): number {
  return active.serviceOrder.get(a)! - active.serviceOrder.get(b)!;
}

/** Service ids in the catalogue's (port) order. */
export function inCatalogueOrder<T extends string>(ids: Iterable<T>): T[] {
  return [...ids].sort(compareServiceOrder);
}

/** Distinct product ids in `compareIds` order, read from the catalogue's index instead of compared as text. */
export function sortedProductIds(ids: Iterable<string>): AppleProduct[] {
  const { productOrder, productIds } = active;
  const positions: number[] = [];
  for (const id of new Set(ids)) positions.push(productOrder.get(id)!);
  return positions.sort((a, b) => a - b).map((position) => productIds[position]!);
}

/** The services a product uses, in the order it lists them. */
export function servicesOf(product: ProductEntry): readonly ServiceEntry[] {
  return active.productServices.get(product.id)!;
}

/** The service with this id, or `undefined`. */
export function findService(id: string): ServiceEntry | undefined {
  return active.servicesById.get(id);
}

/** The service with this id; throws naming the closest ids when there is none. */
export function getService(id: string): ServiceEntry {
  const service = findService(id);
  if (!service) {
    throw new ApplePortsError([{ code: 'unknown-service', message: unknownServiceMessage(id) }]);
  }
  return service;
}

/** The product with this id, alias or name (case-insensitive), or `undefined`. */
export function findProduct(nameOrAlias: string): ProductEntry | undefined {
  return active.productsByName.get(nameOrAlias.trim().toLowerCase());
}

/** The product with this id, alias or name; throws naming the closest products when there is none. */
export function getProduct(nameOrAlias: string): ProductEntry {
  const product = findProduct(nameOrAlias);
  if (!product) {
    throw new ApplePortsError([{ code: 'unknown-product', message: unknownProductMessage(nameOrAlias) }]);
  }
  return product;
}

/** The profile with this id (case-insensitive), or `undefined`. */
export function findProfile(id: string): ProfileEntry | undefined {
  return active.profilesByName.get(id.trim().toLowerCase());
}

/** The profile with this id; throws naming the closest profiles when there is none. */
export function getProfile(id: string): ProfileEntry {
  const profile = findProfile(id);
  if (!profile) {
    throw new ApplePortsError([{ code: 'unknown-profile', message: unknownProfileMessage(id) }]);
  }
  return profile;
}

/** A network Apple publishes, by id. */
export function getNetwork(id: NetworkId): NetworkEntry {
  const network = active.networksById.get(id);
  if (!network) {
    throw new Error(`The catalogue has no network '${id}'.`);
  }
  return network;
}

/** A client ephemeral port range from the catalogue (`aws-nat-gateway` or `macos`). */
export function getEphemeralPorts(id: EphemeralPortRange['id']): EphemeralPortRange {
  const range = active.catalogue.ephemeralPorts.find((r) => r.id === id);
  if (!range) {
    throw new Error(`The catalogue has no ephemeral port range '${id}'.`);
  }
  return range;
}

/** The message for a product name the catalogue does not know. */
export function unknownProductMessage(name: string): string {
  const port = portNamedAsProduct(name);
  if (port !== undefined) {
    return `'${name}' is a port, not an Apple product. \`apple-ports lookup ${port}\` lists the products that use it: select those, or open the port itself with an extra rule.`;
  }
  const hint = didYouMean(nearestIds(name, active.productCandidates), 'Run `apple-ports products` to list the valid products.');
  return `Unknown Apple product '${name}'. ${hint}`;
}

/** The port a product name is instead (`5223`, `5223/tcp`, `tcp/443`), as `lookup` takes it; else `undefined`. */
function portNamedAsProduct(name: string): string | undefined {
  const match = /^\s*(?:(tcp|udp)\s*[/ ]\s*)?(\d+)(?:\s*[/ ]\s*(tcp|udp))?\s*$/i.exec(name);
  if (!match || !isPortNumber(Number(match[2])) || (match[1] && match[3])) {
    return undefined;
  }
  const protocol = (match[1] ?? match[3])?.toLowerCase();
  return protocol ? `${Number(match[2])}/${protocol}` : String(Number(match[2]));
}

/** The message for a profile id the catalogue does not know. */
export function unknownProfileMessage(id: string): string {
  const { profiles } = active.catalogue;
  const candidates = profiles.map((p) => ({ name: p.id, id: p.id }));
  const valid = `Valid profiles: ${profiles.map((p) => `'${p.id}'`).join(', ')}.`;
  return `Unknown apple-ports profile '${id}'. ${didYouMean(nearestIds(id, candidates), valid)}`;
}

/** The message for a service id the catalogue does not know. */
export function unknownServiceMessage(id: string): string {
  const candidates = active.catalogue.services.map((s) => ({ name: s.id, id: s.id }));
  const hint = didYouMean(nearestIds(id, candidates), 'Run `apple-ports lookup <port>` to find a service id.');
  return `Unknown Apple service '${id}'. ${hint}`;
}

/** A service that uses a port, with the range that contains it and the products that need it. */
export interface PortUse {
  /** The service that uses the port. */
  readonly service: ServiceEntry;
  /** The service's range that contains the port. */
  readonly range: ProtocolPortRange;
  /** The products that use the service, sorted. */
  readonly products: readonly AppleProduct[];
}

/** The products that use a service, sorted by id. */
export function productsUsing(serviceId: ServiceId): AppleProduct[] {
  return active.catalogue.products.filter((p) => p.uses.some((u) => u.service === serviceId)).map((p) => p.id);
}

/**
 * Every service whose ports include `port` (optionally of one protocol), with its products —
 * the reverse lookup for someone reading a flow log or a blocked connection.
 */
export function lookupPort(port: number, protocol?: Protocol): PortUse[] {
  const uses: PortUse[] = [];
  for (const service of active.catalogue.services) {
    for (const range of service.ports) {
      if (containsPort(range, port) && (protocol === undefined || range.protocol === protocol)) {
        uses.push({ service, range, products: productsUsing(service.id) });
      }
    }
  }
  return uses;
}

/** The profile ids, for callers that list them. */
export function profileIds(): ProfileId[] {
  return active.catalogue.profiles.map((p) => p.id);
}
