/**
 * Addresses as flow logs write them, and the CIDR sets attribution tests them against: the local
 * CIDRs a user names and the networks Apple publishes. CIDRs are checked and normalised by the one
 * CIDR parser (`parseCidr`); this file only turns them into numbers, once, so that testing a
 * million addresses stays cheap.
 */
import { parseCidr, type AddressFamily } from '../policy';

/** An IPv4 address as an unsigned 32-bit number, or `undefined` for anything else. */
export function ipv4Number(text: string): number | undefined {
  let value = 0;
  let octet = -1;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 46 /* . */) {
      if (octet < 0 || dots === 3) {
        return undefined;
      }
      value = value * 256 + octet;
      octet = -1;
      dots++;
    } else if (code >= 48 && code <= 57) {
      octet = (octet < 0 ? 0 : octet * 10) + code - 48;
      if (octet > 255) {
        return undefined;
      }
    } else {
      return undefined;
    }
  }
  return dots === 3 && octet >= 0 ? value * 256 + octet : undefined;
}

/** The eight 16-bit groups of an IPv6 address, or `undefined` when `text` is not one. */
export function ipv6Groups(text: string): number[] | undefined {
  const parsed = parseCidr(`${text}/128`);
  if (!parsed.ok || parsed.family !== 'ipv6') {
    return undefined;
  }
  // The canonical form has hex groups only, with at most one `::`.
  const address = parsed.cidr.slice(0, parsed.cidr.indexOf('/'));
  const [head, tail] = address.split('::');
  const part = (piece: string | undefined) => (piece ? piece.split(':').map((group) => parseInt(group, 16)) : []);
  const first = part(head);
  const last = part(tail);
  return tail === undefined ? first : [...first, ...new Array<number>(8 - first.length - last.length).fill(0), ...last];
}

interface Ipv4Block {
  readonly network: number;
  readonly size: number;
}

interface Ipv6Block {
  readonly groups: readonly number[];
  readonly prefix: number;
}

/** A set of IPv4 and IPv6 CIDRs that answers "is this address in it?". */
export class AddressSet {
  private readonly ipv4: Ipv4Block[] = [];
  private readonly ipv6: Ipv6Block[] = [];
  /** The CIDRs of the set, canonical, in the order given. */
  public readonly cidrs: readonly string[];

  /** Builds the set; throws on a CIDR `parseCidr` refuses, with its reason. */
  constructor(cidrs: readonly string[]) {
    const canonical: string[] = [];
    for (const text of cidrs) {
      const parsed = parseCidr(text);
      if (!parsed.ok) {
        throw new Error(`Invalid CIDR '${text}': ${parsed.reason}.`);
      }
      canonical.push(parsed.cidr);
      const [address, prefixText] = parsed.cidr.split('/');
      const prefix = Number(prefixText);
      if (parsed.family === 'ipv4') {
        this.ipv4.push({ network: ipv4Number(address)!, size: 2 ** (32 - prefix) });
      } else {
        this.ipv6.push({ groups: ipv6Groups(address)!, prefix });
      }
    }
    this.cidrs = canonical;
  }

  /** True when the set has no CIDR. */
  get empty(): boolean {
    return this.ipv4.length === 0 && this.ipv6.length === 0;
  }

  /** True when `address` (IPv4 or IPv6 text) lies in one of the set's CIDRs. */
  has(address: string): boolean {
    return this.hasParsed(parseAddress(address));
  }

  /** `has` for an address already parsed with `parseAddress`, for callers that test one address against many sets. */
  hasParsed(address: ParsedAddress): boolean {
    if (address === undefined) {
      return false;
    }
    if (typeof address === 'number') {
      for (const block of this.ipv4) {
        if (address >= block.network && address < block.network + block.size) {
          return true;
        }
      }
      return false;
    }
    return this.ipv6.length > 0 && this.hasIpv6(address);
  }

  private hasIpv6(groups: readonly number[]): boolean {
    return this.ipv6.some((block) => {
      for (let i = 0, bits = block.prefix; bits > 0; i++, bits -= 16) {
        const mask = bits >= 16 ? 0xffff : (0xffff << (16 - bits)) & 0xffff;
        if ((groups[i] & mask) !== (block.groups[i] & mask)) {
          return false;
        }
      }
      return true;
    });
  }
}

/** An address as numbers: an IPv4 address's 32 bits, an IPv6 address's eight groups, or `undefined` for neither. */
export type ParsedAddress = number | readonly number[] | undefined;

/** Parses an address once, for testing it against several sets. */
export function parseAddress(address: string | undefined): ParsedAddress {
  if (address === undefined) {
    return undefined;
  }
  return address.includes(':') ? ipv6Groups(address) : ipv4Number(address);
}

/** `'ipv6'` for an address with a colon, else `'ipv4'`. */
export function addressFamily(address: string): AddressFamily {
  return address.includes(':') ? 'ipv6' : 'ipv4';
}
