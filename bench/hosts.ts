/**
 * Host outputs benchmark: for "everything" (every product and host group), the time each output
 * takes from the selection — `hostsFor`, every file format, the domain-list and DNS Firewall plans —
 * and its size. Target: each well under 10 ms.
 */
import { HOST_FILE_FORMATS, hostFile, hostGroups, hostsFor, planDnsFirewall, planDomainListRules, products, type HostSelection } from '../lib/core';

/** The time target for one output of "everything", in milliseconds. */
const TARGET_MS = 10;

/** Median milliseconds of `work` over enough runs to be stable. */
function milliseconds(work: () => unknown): number {
  for (let i = 0; i < 20; i++) work();
  const samples: number[] = [];
  for (let i = 0; i < 101; i++) {
    const start = process.hrtime.bigint();
    work();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples.sort((a, b) => a - b)[50]!;
}

export async function run(): Promise<boolean> {
  const everything: HostSelection = { products: products.map((p) => p.id), hostGroups: hostGroups.map((g) => g.id) };
  const list = hostsFor(everything);
  const cases: { readonly name: string; readonly work: () => string | object }[] = [
    { name: 'hostsFor', work: () => hostsFor(everything) },
    ...HOST_FILE_FORMATS.map((format) => ({ name: `--format ${format}`, work: () => hostFile(hostsFor(everything), format) })),
    { name: 'planDomainListRules', work: () => planDomainListRules(everything) },
    { name: 'planDnsFirewall (walled garden)', work: () => planDnsFirewall(everything, { walledGarden: true, allowDomains: ['*.amazonaws.com'] }) },
  ];
  let ok = true;
  const table = cases.map(({ name, work }) => {
    const ms = milliseconds(work);
    const output = work();
    ok &&= ms < TARGET_MS;
    return { output: name, 'median ms': Number(ms.toFixed(3)), size: typeof output === 'string' ? `${output.split('\n').length - 1} lines` : `${list.hosts.length} hosts` };
  });
  console.log(`\nHost outputs for everything (${list.hosts.length} hosts of ${hostGroups.length} host groups), from the selection each time`);
  console.table(table);
  console.log(`Target: every output of everything < ${TARGET_MS} ms. ${ok ? 'All met.' : 'MISSED.'}`);
  return ok;
}
