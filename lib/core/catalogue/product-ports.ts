/**
 * The ports products use, straight from the catalogue: every range of every service they list,
 * whether or not a policy would open it (retired and link-local services included).
 */
import { getProduct, getService } from './catalogue';
import type { Protocol } from './types';
import { countPorts, normalizePorts } from '../ports/port-sets';
import type { ReviewPortRange } from '../../review/types';

const PROTOCOLS: readonly Protocol[] = ['tcp', 'udp'];

/** The port ranges the products' services use, merged per protocol, tcp first. */
export function portsUsedBy(productNames: readonly string[]): ReviewPortRange[] {
  const ranges = productNames.flatMap((name) => getProduct(name).uses.flatMap((use) => getService(use.service).ports));
  return PROTOCOLS.flatMap((protocol) =>
    normalizePorts(ranges.filter((r) => r.protocol === protocol).map((r) => ({ fromPort: r.from, toPort: r.to }))).map((i) => ({ protocol, ...i })),
  );
}

/** How many ports the ranges hold, tcp and udp counted separately. */
export function countPortRanges(ranges: readonly ReviewPortRange[]): number {
  return PROTOCOLS.reduce((sum, protocol) => sum + countPorts(ranges.filter((r) => r.protocol === protocol)), 0);
}
