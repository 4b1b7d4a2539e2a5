/**
 * Attribution: which Apple services and products a flow can belong to. A flow is read from the
 * Apple device's side: which end is the device (`flow-direction`, the local CIDRs, or private
 * addresses), which end serves the connection (TCP flags, else ephemeral ports: a reply from 443
 * to port 50000 is the same connection as the request, not a second one on 50000), then the
 * services the catalogue lists on the serving port in that direction. The far address makes the
 * evidence stronger: inside Apple's network, or an address the Resolver's answers tied to a host
 * Apple lists.
 */
import { getEphemeralPorts, getNetwork, productsUsing, sortedIds, type AppleProduct, type Direction, type ServiceEntry, type ServiceId } from '../catalogue';
import { containsPort, type PortRange, type Protocol } from '../ports';
import { AddressSet } from './addresses';
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
  readonly class: AttributionClass;
  /** `egress` when the device opened the connection, `ingress` when it served it. */
  readonly direction: Direction;
  /** `tcp`, `udp`, or the IANA name or number of another protocol. */
  readonly protocol: string;
  /** The port of the end that serves the connection; absent for protocols without ports. */
  readonly servicePort?: number;
  readonly localAddress?: string;
  readonly remoteAddress?: string;
  readonly evidence: AddressEvidence;
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

interface End {
  readonly address?: string;
  readonly port?: number;
}

/** Attributes flow records; build one per analysis and call `attribute` for each record. */
export class FlowAttributor {
  private readonly local: AddressSet;
  private readonly privateAddresses = new AddressSet(PRIVATE_CIDRS);
  private readonly apple = new AddressSet([...getNetwork('apple').ipv4, ...getNetwork('apple').ipv6]);
  private readonly apns = new AddressSet([...getNetwork('apns').ipv4, ...getNetwork('apns').ipv6]);
  private readonly clientPorts: PortRange = getEphemeralPorts('macos');
  private readonly natPorts: PortRange = getEphemeralPorts('aws-nat-gateway');
  private readonly hosts: AppleHostIndex | undefined;

  constructor(options: AttributionOptions = {}) {
    this.local = new AddressSet(options.localCidrs ?? []);
    this.hosts = options.hosts;
  }

  /** True when the flow has an end in the local CIDRs (always true without them). */
  isLocal(record: FlowRecord): boolean {
    return this.local.empty || [record.srcaddr, record.dstaddr, record.pktSrcaddr, record.pktDstaddr].some((a) => a !== undefined && this.local.has(a));
  }

  /** Attributes one record. */
  attribute(record: FlowRecord): FlowAttribution {
    // The far end's packet-level address: behind a NAT or transit gateway interface, srcaddr/dstaddr are the interface's.
    const source: End = { address: record.pktSrcaddr ?? record.srcaddr, port: record.srcport };
    const destination: End = { address: record.pktDstaddr ?? record.dstaddr, port: record.dstport };
    const { localIsSource, orientation } = this.orient(record, source, destination);
    const local = localIsSource ? source : destination;
    const remote = localIsSource ? destination : source;
    const protocol = IANA_PROTOCOLS[record.protocol ?? -1] ?? (record.protocol === undefined ? 'unknown' : String(record.protocol));
    const hosts = (remote.address !== undefined ? this.hosts?.hostsAt(remote.address) : undefined) ?? [];
    const evidence = this.evidence(remote.address, hosts);
    const base = { localAddress: local.address, remoteAddress: remote.address, evidence, orientation, hosts };
    if ((protocol !== 'tcp' && protocol !== 'udp') || local.port === undefined || remote.port === undefined) {
      return { ...base, class: evidence === 'none' ? 'other' : 'apple-unmatched', direction: localIsSource ? 'egress' : 'ingress', protocol, services: [], products: [] };
    }
    const serverIsRemote = this.serverIsRemote(protocol, record, localIsSource, local.port, remote.port);
    const direction: Direction = serverIsRemote ? 'egress' : 'ingress';
    const servicePort = serverIsRemote ? remote.port : local.port;
    const services = this.servicesFor(protocol, servicePort, direction);
    const products = sortedIds(services.flatMap((s) => s.products));
    const cls: AttributionClass =
      services.length > 0 ? (evidence === 'none' ? 'ambiguous' : 'apple') : evidence === 'none' ? 'other' : 'apple-unmatched';
    return { ...base, class: cls, direction, protocol, servicePort, services: services.map((s) => s.service.id), products };
  }

  private orient(record: FlowRecord, source: End, destination: End): { localIsSource: boolean; orientation: Orientation } {
    if (record.flowDirection !== undefined) {
      return { localIsSource: record.flowDirection === 'egress', orientation: 'flow-direction' };
    }
    const sides = (set: AddressSet): [boolean, boolean] => [
      [record.srcaddr, source.address].some((a) => a !== undefined && set.has(a)),
      [record.dstaddr, destination.address].some((a) => a !== undefined && set.has(a)),
    ];
    if (!this.local.empty) {
      const [src, dst] = sides(this.local);
      if (src !== dst) {
        return { localIsSource: src, orientation: 'local-address' };
      }
    }
    const [srcApple, dstApple] = sides(this.apple);
    if (srcApple !== dstApple) {
      return { localIsSource: dstApple, orientation: 'apple-address' };
    }
    const [srcPrivate, dstPrivate] = sides(this.privateAddresses);
    if (srcPrivate !== dstPrivate) {
      return { localIsSource: srcPrivate, orientation: 'private-address' };
    }
    return { localIsSource: true, orientation: 'assumed-source' };
  }

  /** Whether the far end serves the connection (the device connected out). */
  private serverIsRemote(protocol: Protocol, record: FlowRecord, localIsSource: boolean, localPort: number, remotePort: number): boolean {
    if (protocol === 'tcp' && record.tcpFlags !== undefined) {
      // The SYN comes from the end that opens the connection, the SYN-ACK from the end that serves it.
      const synAck = (record.tcpFlags & TCP_SYN_ACK) === TCP_SYN_ACK;
      const syn = (record.tcpFlags & TCP_SYN_ACK) === TCP_SYN;
      if (syn || synAck) {
        const sourceServes = synAck;
        return localIsSource ? !sourceServes : sourceServes;
      }
    }
    if (localPort === remotePort) {
      // Symmetric ports (NTP 123, IKE 500): the record's own direction says who sent first.
      return localIsSource;
    }
    for (const range of [this.clientPorts, this.natPorts]) {
      const localEphemeral = containsPort(range, localPort);
      if (localEphemeral !== containsPort(range, remotePort)) {
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

  private servicesFor(protocol: Protocol, port: number, direction: Direction): { service: ServiceEntry; products: readonly AppleProduct[] }[] {
    const uses = portServices(protocol, port);
    const found = uses.services.filter((service) => direction === 'egress' || service.initiator === 'both');
    return found.map((service) => ({ service, products: productsOf(service.id) }));
  }

  private evidence(address: string | undefined, hosts: readonly AppleHostMatch[]): AddressEvidence {
    if (address === undefined) {
      return 'none';
    }
    if (this.apns.has(address)) {
      return 'apns-network';
    }
    if (this.apple.has(address)) {
      return 'apple-network';
    }
    return hosts.length > 0 ? 'apple-host' : 'none';
  }
}

const productsByService = new Map<ServiceId, readonly AppleProduct[]>();

/** The products that use a service, remembered: the catalogue never changes while it runs. */
function productsOf(service: ServiceId): readonly AppleProduct[] {
  let found = productsByService.get(service);
  if (!found) {
    found = productsUsing(service);
    productsByService.set(service, found);
  }
  return found;
}
