/**
 * Resolver benchmark: for fixed selections, the rules emitted against the lower bound and a naive
 * rule-per-row count, the ports a default security-group or NACL budget forces open, and the time
 * one resolve takes.
 */
import { DEFAULT_NETWORK_ACL_ENTRIES, AWS_QUOTAS, findService, peerKey, products, profiles, resolve, type PolicySelection } from '../lib/core';

interface Row {
  readonly name: string;
  readonly selection: PolicySelection;
}

/** The fewest rules that open exactly the policy's ports: maximal runs per protocol and peer. */
function lowerBound(selection: PolicySelection): number {
  const bits = new Map<string, Uint8Array>();
  for (const rule of resolve(selection).rules) {
    const key = `${rule.protocol}|${peerKey(rule.peer)}`;
    const map = bits.get(key) ?? new Uint8Array(65537);
    bits.set(key, map);
    map.fill(1, rule.fromPort, rule.toPort + 1);
  }
  let runs = 0;
  for (const map of bits.values()) for (let p = 1; p <= 65535; p++) if (map[p] && !map[p - 1]) runs++;
  return runs;
}

/** One rule per catalogue row and protocol, as a hand-written rule list would have. */
function naiveCount(selection: PolicySelection): number {
  const policy = resolve(selection);
  const services = new Set(policy.rules.flatMap((r) => r.services));
  const peers = new Set(policy.rules.map((r) => peerKey(r.peer))).size;
  let count = 0;
  for (const id of services) count += new Set(findService(id)!.ports.map((p) => p.protocol)).size;
  return count * Math.max(1, peers);
}

function extraPorts(selection: PolicySelection, maxRules: number): number | string {
  try {
    return resolve({ ...selection, maxRules })
      .rules.flatMap((r) => r.widened)
      .reduce((n, w) => n + w.toPort - w.fromPort + 1, 0);
  } catch {
    return 'does not fit';
  }
}

function microseconds(selection: PolicySelection): number {
  for (let i = 0; i < 50; i++) resolve(selection);
  const runs = 400;
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) resolve(selection);
  return Number(process.hrtime.bigint() - start) / 1000 / runs;
}

/** Prints the resolver table; returns false when a target is missed. */
export async function run(): Promise<boolean> {
  const everything = { products: products.map((p) => p.id), includeLegacy: true, includeLinkLocal: true };
  const rows: Row[] = [
    ...products.map((p) => ({ name: p.id, selection: { products: [p.id], includeLegacy: true, includeLinkLocal: true } })),
    ...profiles.map((p) => ({ name: `profile ${p.id}`, selection: { profiles: [p.id], destinations: p.direction === 'ingress' ? ['10.0.0.0/8'] : undefined } })),
    { name: 'everything', selection: everything },
    { name: 'everything, ipv6', selection: { ...everything, ipv6: true } },
  ];
  let ok = true;
  const table = rows.map(({ name, selection }) => {
    const emitted = resolve(selection).rules.length;
    const bound = lowerBound(selection);
    const time = microseconds(selection);
    ok &&= emitted === bound && time < 1000;
    return {
      selection: name,
      emitted,
      'lower bound': bound,
      naive: naiveCount(selection),
      [`extra ports @SG ${AWS_QUOTAS.securityGroupRulesPerDirection}`]: extraPorts(selection, AWS_QUOTAS.securityGroupRulesPerDirection),
      [`extra ports @NACL ${DEFAULT_NETWORK_ACL_ENTRIES}`]: extraPorts(selection, DEFAULT_NETWORK_ACL_ENTRIES),
      'resolve µs': Number(time.toFixed(1)),
    };
  });
  console.log('\nResolver: rules emitted vs the lower bound, widening under default budgets, resolve time');
  console.table(table);
  const nacl = extraPorts(everything, DEFAULT_NETWORK_ACL_ENTRIES);
  ok &&= typeof nacl === 'number';
  console.log(`Targets: emitted = lower bound everywhere; "everything" fits ${DEFAULT_NETWORK_ACL_ENTRIES} NACL entries (${nacl} extra ports, the minimum: the smallest gaps are closed first); resolve < 1 ms. ${ok ? 'All met.' : 'MISSED.'}`);
  return ok;
}
