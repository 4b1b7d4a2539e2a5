/**
 * The ports products use, straight from the catalogue: every range of every service they list,
 * whether or not a policy would open it (retired and link-local services included).
 */
import { PROTOCOLS, countPorts, normalizePorts, type ProtocolPortRange } from '../ports';
import { getProduct, getService } from './catalogue';

/** The port ranges the products' services use, merged per protocol, tcp first. */
export function portsUsedBy(productNames: readonly string[]): ProtocolPortRange[] {
  const ranges = productNames.flatMap((name) => getProduct(name).uses.flatMap((use) => getService(use.service).ports));
  return PROTOCOLS.flatMap((protocol) => normalizePorts(ranges.filter((r) => r.protocol === protocol)).map((range) => ({ protocol, ...range })));
}

/** How many ports the ranges hold, tcp and udp counted separately. */
export function countPortRanges(ranges: readonly ProtocolPortRange[]): number {
  return PROTOCOLS.reduce((sum, protocol) => sum + countPorts(ranges.filter((r) => r.protocol === protocol)), 0);
}
