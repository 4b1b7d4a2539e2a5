/**
 * Which catalogue services use each port, as one table per protocol, built once from `lookupPort`,
 * so that attributing a million flows asks the catalogue nothing.
 */
import { lookupPort, services, sortedIds, type AppleProduct, type ServiceEntry } from '../catalogue';
import { PORT_NUMBERS, PROTOCOLS, type Protocol } from '../ports';

/** The services that use one port, and the products that use them. */
export interface PortServices {
  /** The catalogue services that use the port, in catalogue order. */
  readonly services: readonly ServiceEntry[];
  /** The products that use those services, sorted. */
  readonly products: readonly AppleProduct[];
}

const NONE: PortServices = { services: [], products: [] };

function buildTable(protocol: Protocol): PortServices[] {
  const table = new Array<PortServices>(PORT_NUMBERS.toPort + 1).fill(NONE);
  // Ports of one protocol any service uses: look each up once; neighbours with the same services share one entry.
  const byKey = new Map<string, PortServices>();
  for (const service of services) {
    for (const range of service.ports) {
      if (range.protocol !== protocol) {
        continue;
      }
      for (let port = range.fromPort; port <= range.toPort; port++) {
        if (table[port] !== NONE) {
          continue;
        }
        const uses = lookupPort(port, protocol);
        const key = uses.map((use) => use.service.id).join(',');
        let entry = byKey.get(key);
        if (!entry) {
          entry = { services: uses.map((use) => use.service), products: sortedIds(uses.flatMap((use) => use.products)) };
          byKey.set(key, entry);
        }
        table[port] = entry;
      }
    }
  }
  return table;
}

// Built on first use: importing the core should not pay for tables only flow analysis reads.
let tables: Map<Protocol, PortServices[]> | undefined;

/** The services (and their products) that use `port` over `protocol`; none for a port no service uses. */
export function portServices(protocol: Protocol, port: number): PortServices {
  tables ??= new Map(PROTOCOLS.map((p) => [p, buildTable(p)]));
  return tables.get(protocol)![port] ?? NONE;
}
