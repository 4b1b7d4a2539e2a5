/**
 * Rules the JSON Schema cannot state: unique ids, references that resolve, port order, sources,
 * legacy ⇔ retired, product names that resolve to one product, labels AWS accepts, and for the host
 * data: hosts listed once, includes without cycles, host ports that Apple's port table knows. Each
 * rule is a pure function from a catalogue to the problems it finds, so a test can show it catches
 * a fault.
 */
import type { Catalogue, HostGroupEntry } from '../../lib/core/catalogue';
import { invalidDescriptionCharacters } from '../../lib/core/policy';

/** True for non-empty text made only of characters AWS accepts in rule descriptions (no `&`, no `'`). */
export function isDescriptionText(text: string): boolean {
  return text.length > 0 && invalidDescriptionCharacters(text).length === 0;
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) {
    (seen.has(v) ? dup : seen).add(v);
  }
  return [...dup];
}

/** Ids that appear twice within services, products, profiles, networks or ephemeral ranges. */
export function duplicateIds(c: Catalogue): string[] {
  const lists: [string, readonly { id: string }[]][] = [
    ['service', c.services],
    ['product', c.products],
    ['profile', c.profiles],
    ['network', c.networks],
    ['ephemeral port range', c.ephemeralPorts],
    ['host group', c.hostGroups],
  ];
  return lists.flatMap(([kind, items]) => duplicates(items.map((i) => i.id)).map((id) => `duplicate ${kind} id '${id}'`));
}

/**
 * References that name nothing: product → service, profile → product, service → network,
 * product → host group and its hosts, host group → included group and network.
 */
export function danglingReferences(c: Catalogue): string[] {
  const serviceIds = new Set<string>(c.services.map((s) => s.id));
  const productIds = new Set<string>(c.products.map((p) => p.id));
  const networkIds = new Set<string>(c.networks.map((n) => n.id));
  const groups = new Map<string, HostGroupEntry>(c.hostGroups.map((g) => [g.id, g]));
  return [
    ...c.products.flatMap((p) =>
      p.uses.filter((u) => !serviceIds.has(u.service)).map((u) => `product '${p.id}' uses unknown service '${u.service}'`),
    ),
    ...c.profiles.flatMap((p) => p.products.filter((id) => !productIds.has(id)).map((id) => `profile '${p.id}' lists unknown product '${id}'`)),
    ...c.services
      .filter((s) => s.network !== undefined && !networkIds.has(s.network))
      .map((s) => `service '${s.id}' names unknown network '${s.network}'`),
    ...c.products.flatMap((p) =>
      (p.hostGroups ?? []).flatMap((use) => {
        const group = groups.get(use.group);
        if (!group) {
          return [`product '${p.id}' references unknown host group '${use.group}'`];
        }
        const hosts = new Set(group.hosts.map((h) => h.host));
        return (use.hosts ?? []).filter((h) => !hosts.has(h)).map((h) => `product '${p.id}' names host '${h}', which host group '${group.id}' does not list`);
      }),
    ),
    ...c.hostGroups.flatMap((g) => (g.includes ?? []).filter((id) => !groups.has(id)).map((id) => `host group '${g.id}' includes unknown host group '${id}'`)),
    ...c.hostGroups
      .filter((g) => g.network !== undefined && !networkIds.has(g.network))
      .map((g) => `host group '${g.id}' names unknown network '${g.network}'`),
  ];
}

/** Services whose destination is Apple's network but that name no network, and products that use a service twice. */
export function incompleteReferences(c: Catalogue): string[] {
  return [
    ...c.services
      .filter((s) => s.destination === 'apple-network' && s.network === undefined)
      .map((s) => `service '${s.id}' goes to Apple's network but names none`),
    ...c.products.flatMap((p) => duplicates(p.uses.map((u) => u.service)).map((id) => `product '${p.id}' uses service '${id}' twice`)),
  ];
}

/** Port ranges outside 1 ≤ from ≤ to ≤ 65535, and services that list the same protocol twice. */
export function badPortRanges(c: Catalogue): string[] {
  const inRange = (from: number, to: number) => Number.isInteger(from) && Number.isInteger(to) && from >= 1 && from <= to && to <= 65535;
  return [
    ...c.services.flatMap((s) =>
      s.ports.filter((r) => !inRange(r.fromPort, r.toPort)).map((r) => `service '${s.id}' has ${r.protocol} ${r.fromPort}-${r.toPort}`),
    ),
    ...c.services.flatMap((s) => duplicates(s.ports.map((r) => r.protocol)).map((p) => `service '${s.id}' lists ${p} twice`)),
    ...c.ephemeralPorts.filter((r) => !inRange(r.fromPort, r.toPort)).map((r) => `ephemeral port range '${r.id}' is ${r.fromPort}-${r.toPort}`),
  ];
}

/** Entries without a source URL. */
export function unsourced(c: Catalogue): string[] {
  const entries: [string, { id: string; sources: readonly string[] }][] = [
    ...c.services.map((s): [string, typeof s] => ['service', s]),
    ...c.products.map((p): [string, typeof p] => ['product', p]),
    ...c.networks.map((n): [string, typeof n] => ['network', n]),
    ...c.ephemeralPorts.map((e): [string, typeof e] => ['ephemeral port range', e]),
    ...c.hostGroups.map((g): [string, typeof g] => ['host group', g]),
  ];
  const problems = entries.filter(([, e]) => !(e.sources?.length > 0)).map(([kind, e]) => `${kind} '${e.id}' has no source`);
  if (!(c.source.urls?.length > 0)) {
    problems.push('the catalogue source has no URL');
  }
  return problems;
}

/** Entries whose status and retirement disagree: legacy ⇔ retired. */
export function statusMismatches(c: Catalogue): string[] {
  const entries: [string, { id: string; status: string; retired?: unknown }][] = [
    ...c.services.map((s): [string, typeof s] => ['service', s]),
    ...c.products.map((p): [string, typeof p] => ['product', p]),
  ];
  return entries
    .filter(([, e]) => (e.status === 'legacy') !== (e.retired !== undefined))
    .map(([kind, e]) => `${kind} '${e.id}' is ${e.status} ${e.retired === undefined ? 'without' : 'with'} a retirement`);
}

/**
 * Product names that do not resolve to exactly one product. Ids, English and Chinese names and
 * aliases are all accepted, case-insensitively, so each must belong to one product only; an alias
 * must also add something (not repeat its own product's id or names).
 */
export function ambiguousProductNames(c: Catalogue): string[] {
  const owner = new Map<string, string>();
  const problems: string[] = [];
  for (const p of c.products) {
    const own = new Set([p.id, p.name.en, p.name['zh-CN']].map((n) => n.toLowerCase()));
    for (const alias of p.aliases) {
      if (own.has(alias.toLowerCase())) {
        problems.push(`product '${p.id}' repeats its own id or name as alias '${alias}'`);
      }
    }
    for (const name of new Set([...own, ...p.aliases.map((a) => a.toLowerCase())])) {
      const other = owner.get(name);
      if (other !== undefined && other !== p.id) {
        problems.push(`'${name}' names both '${other}' and '${p.id}'`);
      }
      owner.set(name, p.id);
    }
  }
  return problems;
}

/** Labels and English product names (both go into rule descriptions) that AWS would refuse. */
export function invalidDescriptionText(c: Catalogue): string[] {
  return [
    ...c.services.filter((s) => !isDescriptionText(s.label)).map((s) => `service '${s.id}' label '${s.label}'`),
    ...c.products.filter((p) => !isDescriptionText(p.name.en)).map((p) => `product '${p.id}' name '${p.name.en}'`),
  ];
}

/** Services that no product uses, so no selection can reach them. */
export function unreachableServices(c: Catalogue): string[] {
  const used = new Set<string>(c.products.flatMap((p) => p.uses.map((u) => u.service)));
  return c.services.filter((s) => !used.has(s.id)).map((s) => `service '${s.id}' is used by no product`);
}

/**
 * Status that does not carry through: a current service that only retired products use should be
 * legacy itself, and a profile should bundle current products only.
 */
export function staleStatus(c: Catalogue): string[] {
  const current = new Set<string>(c.products.filter((p) => p.status === 'current').map((p) => p.id));
  const usedByCurrent = new Set<string>(c.products.filter((p) => current.has(p.id)).flatMap((p) => p.uses.map((u) => u.service)));
  return [
    ...c.services
      .filter((s) => s.status === 'current' && !usedByCurrent.has(s.id))
      .map((s) => `current service '${s.id}' is used by no current product`),
    ...c.profiles.flatMap((p) => p.products.filter((id) => !current.has(id)).map((id) => `profile '${p.id}' bundles retired product '${id}'`)),
  ];
}

/** Traffic hints that contradict each other: what never leaves the local link only ever reaches local peers. */
export function contradictoryHints(c: Catalogue): string[] {
  const reachNames: Record<string, string> = { 'link-local-multicast': 'link-local multicast', 'local-gateway': 'sent to the local gateway' };
  return c.services
    .filter((s) => s.reach !== 'routed' && s.destination !== 'local-peers')
    .map((s) => `service '${s.id}' is ${reachNames[s.reach]} but its destination is '${s.destination}'`);
}

/** `rfc.current` that only repeats `rfc.apple`: it is for an obsolete or missing RFC only. */
export function redundantRfcs(c: Catalogue): string[] {
  return c.services
    .filter((s) => s.rfc.current !== undefined && s.rfc.current === s.rfc.apple)
    .map((s) => `service '${s.id}' repeats RFC ${s.rfc.apple} as current`);
}

/**
 * Host data listed twice: a host within one group, a port within one host, a group within one
 * product, or a category name on two groups.
 */
export function repeatedHostData(c: Catalogue): string[] {
  return [
    ...c.hostGroups.flatMap((g) => duplicates(g.hosts.map((h) => h.host)).map((h) => `host group '${g.id}' lists '${h}' twice`)),
    ...c.hostGroups.flatMap((g) =>
      g.hosts.flatMap((h) => duplicates(h.ports.map((p) => `${p.protocol} ${p.fromPort}-${p.toPort}`)).map((port) => `host '${h.host}' in '${g.id}' lists ${port} twice`)),
    ),
    ...c.products.flatMap((p) => duplicates((p.hostGroups ?? []).map((u) => u.group)).map((id) => `product '${p.id}' references host group '${id}' twice`)),
    ...duplicates(c.hostGroups.map((g) => g.category)).map((category) => `two host groups have the category '${category}'`),
  ];
}

/** Host ports that are not one valid port: the article lists ports one by one. */
export function badHostPorts(c: Catalogue): string[] {
  return c.hostGroups.flatMap((g) =>
    g.hosts.flatMap((h) =>
      h.ports
        .filter((r) => !(Number.isInteger(r.fromPort) && r.fromPort >= 1 && r.fromPort <= 65535 && r.toPort === r.fromPort))
        .map((r) => `host '${h.host}' in '${g.id}' has ${r.protocol} ${r.fromPort}-${r.toPort}`),
    ),
  );
}

/** Host groups that include themselves, directly or through other groups. */
export function includeCycles(c: Catalogue): string[] {
  const groups = new Map<string, HostGroupEntry>(c.hostGroups.map((g) => [g.id, g]));
  const reaches = (from: string, target: string, seen: Set<string>): boolean =>
    (groups.get(from)?.includes ?? []).some((id) => id === target || (!seen.has(id) && (seen.add(id), reaches(id, target, seen))));
  return c.hostGroups.filter((g) => reaches(g.id, g.id, new Set())).map((g) => `host group '${g.id}' includes itself`);
}

/** Host ports no row of Apple's port table has: the rules for them cannot come from the port table. */
export function hostPortsOutsidePortTable(c: Catalogue): string[] {
  const known = (protocol: string, port: number) => c.services.some((s) => s.ports.some((r) => r.protocol === protocol && r.fromPort <= port && port <= r.toPort));
  return c.hostGroups.flatMap((g) => g.hosts.flatMap((h) => h.ports.filter((r) => !known(r.protocol, r.fromPort)).map((r) => `${h.host} ${r.protocol} ${r.fromPort}`)));
}

/** Groups some product reaches, directly or through the groups it includes. */
function reachedHostGroups(c: Catalogue): Set<string> {
  const groups = new Map<string, HostGroupEntry>(c.hostGroups.map((g) => [g.id, g]));
  const reached = new Set<string>();
  const visit = (id: string) => {
    if (!reached.has(id)) {
      reached.add(id);
      (groups.get(id)?.includes ?? []).forEach(visit);
    }
  };
  c.products.forEach((p) => (p.hostGroups ?? []).forEach((u) => (u.hosts ? reached.add(u.group) : visit(u.group))));
  return reached;
}

/** Host groups no product references: selectable by id only. */
export function unlinkedHostGroups(c: Catalogue): string[] {
  const reached = reachedHostGroups(c);
  return c.hostGroups.filter((g) => !reached.has(g.id)).map((g) => g.id);
}

/**
 * Current products that use APNs (TCP 5223) without reaching the Apple Push Notifications hosts,
 * so their push traffic would have ports but no host names.
 */
export function pushUsersWithoutPushHosts(c: Catalogue): string[] {
  const groups = new Map<string, HostGroupEntry>(c.hostGroups.map((g) => [g.id, g]));
  const reachesPush = (id: string, seen = new Set<string>()): boolean =>
    id === 'apple-push-notifications' || (!seen.has(id) && (seen.add(id), (groups.get(id)?.includes ?? []).some((i) => reachesPush(i, seen))));
  return c.products
    .filter((p) => p.status === 'current' && p.uses.some((u) => u.service === 'apns'))
    .filter((p) => !(p.hostGroups ?? []).some((u) => u.hosts === undefined && reachesPush(u.group)))
    .map((p) => `product '${p.id}' uses APNs but not the Apple Push Notifications hosts`);
}

/**
 * Where the enterprise-network article lists a product's host on a port its port-table services do
 * not use, as `product: host protocol port`: the two Apple documents disagree there.
 */
export function hostPortsBeyondProductServices(c: Catalogue): string[] {
  const groups = new Map<string, HostGroupEntry>(c.hostGroups.map((g) => [g.id, g]));
  const services = new Map(c.services.map((s) => [s.id, s]));
  const groupHosts = (id: string, seen = new Set<string>()): HostGroupEntry['hosts'] => {
    if (seen.has(id)) return [];
    seen.add(id);
    const group = groups.get(id);
    return group ? [...group.hosts, ...(group.includes ?? []).flatMap((i) => groupHosts(i, seen))] : [];
  };
  return c.products.flatMap((p) => {
    const opens = (protocol: string, port: number) =>
      p.uses.some((u) => services.get(u.service)?.ports.some((r) => r.protocol === protocol && r.fromPort <= port && port <= r.toPort));
    const hosts = (p.hostGroups ?? []).flatMap((u) => (u.hosts ? groupHosts(u.group).filter((h) => u.hosts!.includes(h.host)) : groupHosts(u.group)));
    return hosts.flatMap((h) => h.ports.filter((r) => !opens(r.protocol, r.fromPort)).map((r) => `${p.id}: ${h.host} ${r.protocol} ${r.fromPort}`));
  });
}
