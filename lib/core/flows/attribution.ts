/**
 * Attribution: which Apple services and products a flow can belong to. A flow is read from the
 * Apple device's side: which end is the device (`flow-direction`, the local CIDRs, or private
 * addresses), which end serves the connection (TCP flags, else ephemeral ports: a reply from 443
 * to port 50000 is the same connection as the request, not a second one on 50000), then the
 * services the catalogue lists on the serving port in that direction. The far address makes the
 * evidence stronger: inside Apple's network, or an address the Resolver's answers tied to a host
 * Apple lists.
 */
import { getEphemeralPorts, getNetwork, productsUsing, sortedIds, type AppleProduct, type Direction, type ServiceId } from '../catalogue';
import { PORT_NUMBERS, type PortRange, type Protocol } from '../ports';
import { AddressSet, parseAddress, type ParsedAddress } from './addresses';
import { IANA_PROTOCOLS } from './fields';
import type { FlowRecord } from './flow-log-reader';
import { portServices } from './port-index';
import type { AppleHostIndex, AppleHostMatch } from './resolver-query-log';

/**
 * How sure the attribution is:
 * - `apple`: an Apple service's port, and the far address is Apple's (its network, or a host it lists);
 * - `ambiguous`: an Apple service's port, but nothing says the far end is Apple (443 is everyone's);
 * - `apple-unmatched`: the far address is Apple's, but no service the catalogue lists uses the port;
 * - `other`: neither: not Apple traffic as far as the catalogue can tell.
 */
export type AttributionClass = 'apple' | 'ambiguous' | 'apple-unmatched' | 'other';

/** What ties the far address to Apple. */
export type AddressEvidence = 'apns-network' | 'apple-network' | 'apple-host' | 'none';

/** How the device's end of the flow was found. */
export type Orientation = 'flow-direction' | 'local-address' | 'private-address' | 'apple-address' | 'assumed-source';

/** One flow, attributed. */
export interface FlowAttribution {
  /** Whether the flow is Apple's, ambiguous, towards Apple on an unknown port, or not Apple. */
  readonly class: AttributionClass;
  /** `egress` when the device opened the connection, `ingress` when it served it. */
  readonly direction: Direction;
  /** `tcp`, `udp`, or the IANA name or number of another protocol. */
  readonly protocol: string;
  /** The port of the end that serves the connection; absent for protocols without ports. */
  readonly servicePort?: number;
  /** The device's address; absent when the record has none. */
  readonly localAddress?: string;
  /** The far end's address; absent when the record has none. */
  readonly remoteAddress?: string;
  /** What tied the far address to Apple, or `none`. */
  readonly evidence: AddressEvidence;
  /** How the device's end of the flow was found. */
  readonly orientation: Orientation;
  /** The services the catalogue lists on the serving port for this direction, in catalogue order. */
  readonly services: readonly ServiceId[];
  /** The products that use those services, sorted. */
  readonly products: readonly AppleProduct[];
  /** Apple hosts the Resolver tied the far address to. */
  readonly hosts: readonly AppleHostMatch[];
}

/** What attribution knows beyond the record. */
export interface AttributionOptions {
  /**
   * CIDRs the Apple devices are in. A flow with one end inside is read from that end.
   * @default none: `flow-direction`, else the end with a private address (RFC 1918, RFC 6598, RFC 4193)
   */
  readonly localCidrs?: readonly string[];
  /** Apple hosts and the addresses the Resolver answered for them. @default none */
  readonly hosts?: AppleHostIndex;
}

/** Private address space: RFC 1918, the shared space of RFC 6598, and IPv6 unique local addresses (RFC 4193). */
const PRIVATE_CIDRS = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7'];

const TCP_SYN = 2;
const TCP_SYN_ACK = 18;

/** The services on one port for one direction, and their products: computed once per port. */
interface PortAttribution {
  readonly services: readonly ServiceId[];
  readonly products: readonly AppleProduct[];
}

const NO_HOSTS: readonly AppleHostMatch[] = [];
/** Ports per protocol, for indexing the per-port table. */
const PORT_SPAN = PORT_NUMBERS.toPort + 1;

/** Attributes flow records; build one per analysis and call `attribute` for each record. */
export class FlowAttributor {
  private readonly local: AddressSet;
  private readonly privateAddresses = new AddressSet(PRIVATE_CIDRS);
  private readonly apple = new AddressSet([...getNetwork('apple').ipv4, ...getNetwork('apple').ipv6]);
  private readonly apns = new AddressSet([...getNetwork('apns').ipv4, ...getNetwork('apns').ipv6]);
  private readonly clientPorts: PortRange = getEphemeralPorts('macos');
  private readonly natPorts: PortRange = getEphemeralPorts('aws-nat-gateway');
  private readonly hosts: AppleHostIndex | undefined;
  /** Per protocol, port and direction: what the catalogue lists there. Filled as ports are seen. */
  private readonly byPort: (PortAttribution | undefined)[] = [];

  /** Builds the attributor once for a whole run: the port tables and local CIDRs are read here. */
  constructor(options: AttributionOptions = {}) {
    this.local = new AddressSet(options.localCidrs ?? []);
    this.hosts = options.hosts;
  }

  /** True when the flow has an end in the local CIDRs (always true without them). */
  isLocal(record: FlowRecord): boolean {
    if (this.local.empty) {
      return true;
    }
    for (const address of [record.srcaddr, record.dstaddr, record.pktSrcaddr, record.pktDstaddr]) {
      if (address !== undefined && this.local.has(address)) {
        return true;
      }
    }
    return false;
  }

  /** Attributes one record. */
  attribute(record: FlowRecord): FlowAttribution {
    // The far end's packet-level address: behind a NAT or transit gateway interface, srcaddr/dstaddr are the interface's.
    const sourceAddress = record.pktSrcaddr ?? record.srcaddr;
    const destinationAddress = record.pktDstaddr ?? record.dstaddr;
    const parsed = {
      src: parseAddress(record.srcaddr),
      dst: parseAddress(record.dstaddr),
      pktSrc: record.pktSrcaddr === undefined || record.pktSrcaddr === record.srcaddr ? undefined : parseAddress(record.pktSrcaddr),
      pktDst: record.pktDstaddr === undefined || record.pktDstaddr === record.dstaddr ? undefined : parseAddress(record.pktDstaddr),
    };
    const { localIsSource, orientation } = this.orient(record, parsed);
    const localAddress = localIsSource ? sourceAddress : destinationAddress;
    const remoteAddress = localIsSource ? destinationAddress : sourceAddress;
    const remoteParsed = localIsSource ? (parsed.pktDst ?? parsed.dst) : (parsed.pktSrc ?? parsed.src);
    const localPort = localIsSource ? record.srcport : record.dstport;
    const remotePort = localIsSource ? record.dstport : record.srcport;
    const protocol = IANA_PROTOCOLS[record.protocol ?? -1] ?? (record.protocol === undefined ? 'unknown' : String(record.protocol));
    const hosts = (remoteAddress !== undefined ? this.hosts?.hostsAt(remoteAddress) : undefined) ?? NO_HOSTS;
    const evidence = this.evidence(remoteParsed, hosts);
    if ((protocol !== 'tcp' && protocol !== 'udp') || localPort === undefined || remotePort === undefined) {
      return {
        class: evidence === 'none' ? 'other' : 'apple-unmatched',
        direction: localIsSource ? 'egress' : 'ingress',
        protocol,
        localAddress,
        remoteAddress,
        evidence,
        orientation,
        services: [],
        products: [],
        hosts,
      };
    }
    const serverIsRemote = this.serverIsRemote(protocol, record, localIsSource, localPort, remotePort);
    const direction: Direction = serverIsRemote ? 'egress' : 'ingress';
    const servicePort = serverIsRemote ? remotePort : localPort;
    const { services, products } = this.portAttribution(protocol, servicePort, direction);
    const cls: AttributionClass = services.length > 0 ? (evidence === 'none' ? 'ambiguous' : 'apple') : evidence === 'none' ? 'other' : 'apple-unmatched';
    return { class: cls, direction, protocol, servicePort, localAddress, remoteAddress, evidence, orientation, services, products, hosts };
  }

  private orient(record: FlowRecord, parsed: { src: ParsedAddress; dst: ParsedAddress; pktSrc: ParsedAddress; pktDst: ParsedAddress }): { localIsSource: boolean; orientation: Orientation } {
    if (record.flowDirection !== undefined) {
      return { localIsSource: record.flowDirection === 'egress', orientation: 'flow-direction' };
    }
    const inSet = (set: AddressSet, a: ParsedAddress, b: ParsedAddress) => set.hasParsed(a) || (b !== undefined && set.hasParsed(b));
    if (!this.local.empty) {
      const src = inSet(this.local, parsed.src, parsed.pktSrc);
      if (src !== inSet(this.local, parsed.dst, parsed.pktDst)) {
        return { localIsSource: src, orientation: 'local-address' };
      }
    }
    const srcApple = inSet(this.apple, parsed.src, parsed.pktSrc);
    const dstApple = inSet(this.apple, parsed.dst, parsed.pktDst);
    if (srcApple !== dstApple) {
      return { localIsSource: dstApple, orientation: 'apple-address' };
    }
    const srcPrivate = inSet(this.privateAddresses, parsed.src, parsed.pktSrc);
    if (srcPrivate !== inSet(this.privateAddresses, parsed.dst, parsed.pktDst)) {
      return { localIsSource: srcPrivate, orientation: 'private-address' };
    }
    return { localIsSource: true, orientation: 'assumed-source' };
  }

  /** Whether the far end serves the connection (the device connected out). */
  private serverIsRemote(protocol: Protocol, record: FlowRecord, localIsSource: boolean, localPort: number, remotePort: number): boolean {
    if (protocol === 'tcp' && record.tcpFlags !== undefined) {
      // The SYN comes from the end that opens the connection, the SYN-ACK from the end that serves it.
      const handshake = record.tcpFlags & TCP_SYN_ACK;
      if (handshake === TCP_SYN || handshake === TCP_SYN_ACK) {
        const sourceServes = handshake === TCP_SYN_ACK;
        return localIsSource ? !sourceServes : sourceServes;
      }
    }
    if (localPort === remotePort) {
      // Symmetric ports (NTP 123, IKE 500): the record's own direction says who sent first.
      return localIsSource;
    }
    for (const range of [this.clientPorts, this.natPorts]) {
      const localEphemeral = range.fromPort <= localPort && localPort <= range.toPort;
      if (localEphemeral !== (range.fromPort <= remotePort && remotePort <= range.toPort)) {
        return localEphemeral;
      }
    }
    const localServes = portServices(protocol, localPort).services.length > 0;
    const remoteServes = portServices(protocol, remotePort).services.length > 0;
    if (localServes !== remoteServes) {
      return remoteServes;
    }
    return remotePort < localPort;
  }

  /** The services on the serving port for the direction (inbound only those a Mac hosts), remembered per port. */
  private portAttribution(protocol: Protocol, port: number, direction: Direction): PortAttribution {
    const key = ((protocol === 'tcp' ? 0 : 1) * PORT_SPAN + port) * 2 + (direction === 'egress' ? 0 : 1);
    let found = this.byPort[key];
    if (!found) {
      const services = portServices(protocol, port).services.filter((service) => direction === 'egress' || service.initiator === 'both');
      found = { services: services.map((s) => s.id), products: sortedIds(services.flatMap((s) => productsUsing(s.id))) };
      this.byPort[key] = found;
    }
    return found;
  }

  private evidence(address: ParsedAddress, hosts: readonly AppleHostMatch[]): AddressEvidence {
    if (address === undefined) {
      return 'none';
    }
    if (this.apns.hasParsed(address)) {
      return 'apns-network';
    }
    if (this.apple.hasParsed(address)) {
      return 'apple-network';
    }
    return hosts.length > 0 ? 'apple-host' : 'none';
  }
}
