/**
 * The one shape of a port range, the protocols that have ports, and the bounds of a port number.
 * The bounds are the catalogue schema's definition of a port, so data, validation and messages
 * agree on what a port is.
 */
import schema from '../../../data/catalogue.schema.json';

/** A transport protocol that security groups and network ACLs filter by port. */
export type Protocol = 'tcp' | 'udp';

/** The protocols with ports, in the order policies list them: TCP first. */
export const PROTOCOLS: readonly Protocol[] = ['tcp', 'udp'];

/** An inclusive range of ports; `fromPort === toPort` for a single port. */
export interface PortRange {
  /** The first port of the range. */
  readonly fromPort: number;
  /** The last port of the range, inclusive. */
  readonly toPort: number;
}

/** A port range of one protocol: what a catalogue service uses and a firewall rule opens. */
export interface ProtocolPortRange extends PortRange {
  /** The protocol whose ports the range holds. */
  readonly protocol: Protocol;
}

/** Every port number there is, as the catalogue schema defines a port. */
export const PORT_NUMBERS: PortRange = { fromPort: schema.$defs.port.minimum, toPort: schema.$defs.port.maximum };

/** True for a whole number within `PORT_NUMBERS`. */
export function isPortNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= PORT_NUMBERS.fromPort && value <= PORT_NUMBERS.toPort;
}

/** True when `port` lies within `range`. */
export function containsPort(range: PortRange, port: number): boolean {
  return range.fromPort <= port && port <= range.toPort;
}

/** How many ports `range` holds. */
export function portCount(range: PortRange): number {
  return range.toPort - range.fromPort + 1;
}

/** TCP before UDP. */
export function compareProtocols(a: Protocol, b: Protocol): number {
  return PROTOCOLS.indexOf(a) - PROTOCOLS.indexOf(b);
}

/** By first port, then last port. */
export function comparePortRanges(a: PortRange, b: PortRange): number {
  return a.fromPort - b.fromPort || a.toPort - b.toPort;
}
