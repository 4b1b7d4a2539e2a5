/** The one way ports are written for people: `443`, `16384-16387`, `tcp 443`, `tcp 80, 443; udp 123`. */
import { normalizePorts } from './merge';
import { PROTOCOLS, type PortRange, type Protocol, type ProtocolPortRange } from './range';

/** "443" or "16384-16387". */
export function formatPortRange(range: PortRange): string {
  return range.fromPort === range.toPort ? `${range.fromPort}` : `${range.fromPort}-${range.toPort}`;
}

/** "80, 443, 16384-16387". */
export function formatPortRanges(ranges: readonly PortRange[]): string {
  return ranges.map(formatPortRange).join(', ');
}

/** "tcp 443" or "udp 16384-16387". */
export function formatProtocolPorts(protocol: Protocol, range: PortRange): string {
  return `${protocol} ${formatPortRange(range)}`;
}

/** "tcp 80, 443, 5223; udp 3478-3497": ranges merged and sorted per protocol, TCP first. */
export function formatPortsByProtocol(ranges: readonly ProtocolPortRange[]): string {
  return PROTOCOLS.map((protocol) => ({ protocol, merged: normalizePorts(ranges.filter((r) => r.protocol === protocol)) }))
    .filter(({ merged }) => merged.length > 0)
    .map(({ protocol, merged }) => `${protocol} ${formatPortRanges(merged)}`)
    .join('; ');
}
