/**
 * The canonical form of `data/catalogue.json`, so that any edit leaves a small, reviewable diff and
 * two people adding entries in different places cannot produce two different files.
 *
 * - services by (first port's `fromPort`, first port's `toPort`, id); each service's ports by
 *   (`fromPort`, `toPort`, protocol), so a TCP/UDP row lists TCP first;
 * - products, profiles, networks and ephemeral port ranges by id (lower-cased, then as written);
 *   a product's aliases and a profile's products the same way;
 * - a product's `uses` in the order of `services`;
 * - host groups by id; within a group, `includes` by id, hosts by name (`*.` wildcards of a domain
 *   first), a host's ports as a service's and its platforms by name; a product's host-group
 *   references by group id, and the hosts they name by name;
 * - CIDRs by numeric network address, then prefix length;
 * - the keys of every object in the order the schema's `properties` list them.
 *
 * Sources, "used by" entries and the host source's statements keep the order they are written in:
 * the first source is the primary one, "used by" follows Apple's row and statements Apple's text.
 */

/** A JSON Schema node, as far as key ordering needs it. */
export interface SchemaNode {
  readonly $ref?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode;
  readonly oneOf?: readonly SchemaNode[];
  readonly anyOf?: readonly SchemaNode[];
  readonly allOf?: readonly SchemaNode[];
  readonly $defs?: Readonly<Record<string, SchemaNode>>;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Plain UTF-16 code-unit order, independent of the runtime's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Id order: lower-cased first, then as written, so `iCloud` sits between `GameCenter` and `Kerberos`. */
export function compareIds(a: string, b: string): number {
  return compareStrings(a.toLowerCase(), b.toLowerCase()) || compareStrings(a, b);
}

function ipv4Key(cidr: string): bigint[] {
  const [address = '', prefix = '0'] = cidr.split('/');
  const value = address.split('.').reduce((acc, octet) => (acc << 8n) + BigInt(Number(octet)), 0n);
  return [value, BigInt(Number(prefix))];
}

function ipv6Key(cidr: string): bigint[] {
  const [address = '', prefix = '0'] = cidr.split('/');
  const [head = '', tail] = address.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const zeros = Array<string>(8 - left.length - right.length).fill('0');
  const value = [...left, ...zeros, ...right].reduce((acc, group) => (acc << 16n) + BigInt(parseInt(group, 16)), 0n);
  return [value, BigInt(Number(prefix))];
}

function compareKeys(a: bigint[], b: bigint[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? -1n;
    const y = b[i] ?? -1n;
    if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return 0;
}

/** CIDRs of one family by numeric network address, then prefix length (text breaks ties). */
export function compareCidrs(a: string, b: string): number {
  const key = a.includes(':') || b.includes(':') ? ipv6Key : ipv4Key;
  return compareKeys(key(a), key(b)) || compareStrings(a, b);
}

interface PortLike {
  readonly protocol: string;
  readonly fromPort: number;
  readonly toPort: number;
}

function comparePorts(a: PortLike, b: PortLike): number {
  return a.fromPort - b.fromPort || a.toPort - b.toPort || compareStrings(a.protocol, b.protocol);
}

function byId<T extends { readonly id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareIds(a.id, b.id));
}

interface HostReferenceLike {
  readonly group: string;
  readonly hosts?: readonly string[];
}

interface HostLike {
  readonly host: string;
  readonly ports: readonly PortLike[];
  readonly platforms?: readonly string[];
}

interface HostGroupLike {
  readonly id: string;
  readonly includes?: readonly string[];
  readonly hosts: readonly HostLike[];
}

/** The catalogue's content, with only the fields that canonical ordering reads typed. */
export interface CatalogueLike {
  readonly services: readonly { readonly id: string; readonly ports: readonly PortLike[] }[];
  readonly products: readonly {
    readonly id: string;
    readonly aliases: readonly string[];
    readonly uses: readonly { readonly service: string }[];
    readonly hostGroups?: readonly HostReferenceLike[];
  }[];
  readonly profiles: readonly { readonly id: string; readonly products: readonly string[] }[];
  readonly networks: readonly { readonly id: string; readonly ipv4: readonly string[]; readonly ipv6: readonly string[] }[];
  readonly ephemeralPorts: readonly { readonly id: string }[];
  readonly hostGroups?: readonly HostGroupLike[];
}

/** Optional arrays stay absent when absent, and are sorted when present. */
function sortedIfPresent<T>(items: readonly T[] | undefined, compare: (a: T, b: T) => number): { readonly sorted?: T[] } {
  return items === undefined ? {} : { sorted: [...items].sort(compare) };
}

function sortHostGroup<G extends HostGroupLike>(group: G): G {
  const includes = sortedIfPresent(group.includes, compareIds).sorted;
  return {
    ...group,
    ...(includes ? { includes } : {}),
    hosts: [...group.hosts]
      .map((h) => {
        const platforms = sortedIfPresent(h.platforms, compareIds).sorted;
        return { ...h, ports: [...h.ports].sort(comparePorts), ...(platforms ? { platforms } : {}) };
      })
      .sort((a, b) => compareIds(a.host, b.host)),
  };
}

function sortHostReferences(references: readonly HostReferenceLike[]): HostReferenceLike[] {
  return [...references]
    .map((r) => {
      const hosts = sortedIfPresent(r.hosts, compareIds).sorted;
      return { ...r, ...(hosts ? { hosts } : {}) };
    })
    .sort((a, b) => compareIds(a.group, b.group));
}

function sortEntries<C extends CatalogueLike>(catalogue: C): C {
  const services = catalogue.services
    .map((s) => ({ ...s, ports: [...s.ports].sort(comparePorts) }))
    .sort((a, b) => {
      const pa = a.ports[0];
      const pb = b.ports[0];
      return (pa?.fromPort ?? 0) - (pb?.fromPort ?? 0) || (pa?.toPort ?? 0) - (pb?.toPort ?? 0) || compareStrings(a.id, b.id);
    });
  const serviceOrder = new Map(services.map((s, i) => [s.id, i]));
  // Unknown service ids (a reference error the integrity test reports) go last, by id.
  const rank = (id: string) => serviceOrder.get(id) ?? services.length;
  return {
    ...catalogue,
    services,
    products: byId(catalogue.products).map((p) => ({
      ...p,
      aliases: [...p.aliases].sort(compareIds),
      uses: [...p.uses].sort((a, b) => rank(a.service) - rank(b.service) || compareStrings(a.service, b.service)),
      ...(p.hostGroups ? { hostGroups: sortHostReferences(p.hostGroups) } : {}),
    })),
    profiles: byId(catalogue.profiles).map((p) => ({ ...p, products: [...p.products].sort(compareIds) })),
    networks: byId(catalogue.networks).map((n) => ({ ...n, ipv4: [...n.ipv4].sort(compareCidrs), ipv6: [...n.ipv6].sort(compareCidrs) })),
    ephemeralPorts: byId(catalogue.ephemeralPorts),
    ...(catalogue.hostGroups ? { hostGroups: byId(catalogue.hostGroups).map(sortHostGroup) } : {}),
  };
}

function resolve(node: SchemaNode, root: SchemaNode): SchemaNode {
  if (node.$ref === undefined) {
    return node;
  }
  const prefix = '#/$defs/';
  const target = node.$ref.startsWith(prefix) ? root.$defs?.[node.$ref.slice(prefix.length)] : undefined;
  if (!target) {
    throw new Error(`Unsupported or unknown $ref '${node.$ref}'`);
  }
  return resolve(target, root);
}

/** Every `properties` entry a node allows, following `$ref` and the branches of oneOf/anyOf/allOf. */
function propertiesOf(node: SchemaNode, root: SchemaNode): [string, SchemaNode][] {
  const resolved = resolve(node, root);
  const own = Object.entries(resolved.properties ?? {});
  const branches = [...(resolved.oneOf ?? []), ...(resolved.anyOf ?? []), ...(resolved.allOf ?? [])];
  return [...own, ...branches.flatMap((b) => propertiesOf(b, root))];
}

function itemsOf(node: SchemaNode, root: SchemaNode): SchemaNode | undefined {
  const resolved = resolve(node, root);
  if (resolved.items) {
    return resolved.items;
  }
  const branches = [...(resolved.oneOf ?? []), ...(resolved.anyOf ?? []), ...(resolved.allOf ?? [])];
  return branches.map((b) => itemsOf(b, root)).find((i) => i !== undefined);
}

/** Orders object keys as the schema lists them; keys the schema does not name follow, as written. */
function orderKeys(value: Json, node: SchemaNode | undefined, root: SchemaNode): Json {
  if (Array.isArray(value)) {
    const items = node ? itemsOf(node, root) : undefined;
    return value.map((v) => orderKeys(v, items, root));
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  const props = new Map<string, SchemaNode>();
  for (const [key, sub] of node ? propertiesOf(node, root) : []) {
    if (!props.has(key)) {
      props.set(key, sub);
    }
  }
  const known = [...props.keys()].filter((k) => k in value);
  const unknown = Object.keys(value).filter((k) => !props.has(k));
  const out: JsonObject = {};
  for (const key of [...known, ...unknown]) {
    out[key] = orderKeys(value[key] as Json, props.get(key), root);
  }
  return out;
}

/** The catalogue in canonical form; the input is not modified. */
export function canonicalCatalogue<C extends CatalogueLike>(catalogue: C, schema: SchemaNode): C {
  return orderKeys(sortEntries(catalogue) as unknown as Json, schema, schema) as unknown as C;
}

/** The canonical file text: two-space JSON with a trailing newline. */
export function canonicalText(catalogue: CatalogueLike, schema: SchemaNode): string {
  return `${JSON.stringify(canonicalCatalogue(catalogue, schema), null, 2)}\n`;
}
