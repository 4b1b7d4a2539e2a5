/**
 * CIDR parsing for peers. AWS rejects a malformed CIDR only at deploy time (and CloudFormation's
 * own validation misses `/33`), so the library checks every concrete CIDR up front and says how
 * to fix it. IPv6 is normalised to lower-case RFC 5952 form, the only form CDK's `Peer.ipv6` takes.
 */
import type { AddressFamily } from './types';

/** A parsed CIDR, or why it is not one (with a suggested fix where one is obvious). */
export type CidrParse =
  | {
      /** The text is a CIDR. */
      readonly ok: true;
      /** The CIDR's address family. */
      readonly family: AddressFamily;
      /** The CIDR in canonical form (lower-case RFC 5952 for IPv6). */
      readonly cidr: string;
    }
  | {
      /** The text is not a CIDR. */
      readonly ok: false;
      /** Why not, with the fix where one is obvious (`Did you mean "10.0.0.1/32"?`). */
      readonly reason: string;
    };

const IPV4_ADDRESS = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function parseIpv4Address(text: string): number[] | undefined {
  const match = IPV4_ADDRESS.exec(text);
  if (!match) {
    return undefined;
  }
  const octets = match.slice(1).map(Number);
  return octets.every((o) => o <= 255) ? octets : undefined;
}

function parseIpv6Address(text: string): number[] | undefined {
  const lower = text.toLowerCase();
  if (!/^[0-9a-f:.]+$/.test(lower) || lower.split('::').length > 2) {
    return undefined;
  }
  const [head, tail] = lower.includes('::') ? lower.split('::') : [lower, undefined];
  const parseGroups = (part: string): number[] | undefined => {
    if (part === '') {
      return [];
    }
    const groups: number[] = [];
    const pieces = part.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4Address(piece);
        if (!v4) {
          return undefined;
        }
        groups.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else if (/^[0-9a-f]{1,4}$/.test(piece)) {
        groups.push(parseInt(piece, 16));
      } else {
        return undefined;
      }
    }
    return groups;
  };
  const first = parseGroups(head);
  const last = tail === undefined ? [] : parseGroups(tail);
  if (!first || !last) {
    return undefined;
  }
  if (tail === undefined) {
    return first.length === 8 ? first : undefined;
  }
  const missing = 8 - first.length - last.length;
  return missing >= 1 ? [...first, ...new Array<number>(missing).fill(0), ...last] : undefined;
}

/** RFC 5952 text: lower case, no leading zeros, the longest run of two or more zero groups as `::`. */
function formatIpv6(groups: readonly number[]): string {
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) {
      j++;
    }
    if (j - i > bestLength && j - i >= 2) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) {
    return hex.join(':');
  }
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** Clears the host bits of an address given as `bitsPerGroup`-bit groups. */
function networkOf(groups: readonly number[], prefix: number, bitsPerGroup: number): number[] {
  return groups.map((group, index) => {
    const keep = Math.min(Math.max(prefix - index * bitsPerGroup, 0), bitsPerGroup);
    const mask = keep === 0 ? 0 : ((0xffff << (bitsPerGroup - keep)) & ((1 << bitsPerGroup) - 1));
    return group & mask;
  });
}

/**
 * A reason ending a sentence: the reasons above may already end with a question ("Did you mean
 * '10.0.0.0/8'?"), which takes no full stop after it.
 */
export function asSentenceEnd(reason: string): string {
  return /[.?!]$/.test(reason) ? reason : `${reason}.`;
}

/** True if the text looks like an IPv6 address or CIDR rather than IPv4. */
export function looksLikeIpv6(text: string): boolean {
  return text.includes(':');
}

/** Parses an IPv4 or IPv6 CIDR, refusing a missing mask, an out-of-range prefix or host bits. */
export function parseCidr(text: string): CidrParse {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  const address = slash < 0 ? trimmed : trimmed.slice(0, slash);
  const family: AddressFamily = looksLikeIpv6(address) ? 'ipv6' : 'ipv4';
  const groups = family === 'ipv4' ? parseIpv4Address(address) : parseIpv6Address(address);
  const maxPrefix = family === 'ipv4' ? 32 : 128;
  if (!groups) {
    return { ok: false, reason: `'${text}' is not a valid ${family === 'ipv4' ? 'IPv4' : 'IPv6'} address` };
  }
  if (slash < 0) {
    return { ok: false, reason: `the CIDR mask is missing in '${text}'. Did you mean '${address}/${maxPrefix}'?` };
  }
  const prefixText = trimmed.slice(slash + 1);
  const prefix = /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= maxPrefix)) {
    return { ok: false, reason: `the prefix length in '${text}' must be 0-${maxPrefix} for ${family === 'ipv4' ? 'IPv4' : 'IPv6'}` };
  }
  const bits = family === 'ipv4' ? 8 : 16;
  const network = networkOf(groups, prefix, bits);
  const format = (g: readonly number[]) => (family === 'ipv4' ? g.join('.') : formatIpv6(g));
  const canonical = `${format(network)}/${prefix}`;
  if (network.some((g, i) => g !== groups[i])) {
    return { ok: false, reason: `'${text}' has host bits set. Did you mean '${canonical}'?` };
  }
  return { ok: true, family, cidr: canonical };
}

/** A CIDR as a family, a network number and a prefix length, or `undefined` when it is not one. */
function cidrNumber(text: string): { family: AddressFamily; network: bigint; prefix: number; bits: number } | undefined {
  const parsed = parseCidr(text);
  if (!parsed.ok) {
    return undefined;
  }
  const [address, prefixText] = parsed.cidr.split('/') as [string, string];
  const groups = parsed.family === 'ipv4' ? parseIpv4Address(address)! : parseIpv6Address(address)!;
  const groupBits = parsed.family === 'ipv4' ? 8 : 16;
  const network = groups.reduce((value, group) => (value << BigInt(groupBits)) | BigInt(group), 0n);
  return { family: parsed.family, network, prefix: Number(prefixText), bits: groups.length * groupBits };
}

/**
 * True when every address of `inner` is in `outer` (both CIDRs of one family). False for anything
 * that is not a CIDR, such as a placeholder of a value only known at deploy time.
 */
export function cidrContains(outer: string, inner: string): boolean {
  const a = cidrNumber(outer);
  const b = cidrNumber(inner);
  if (a === undefined || b === undefined || a.family !== b.family || a.prefix > b.prefix) {
    return false;
  }
  const shift = BigInt(a.bits - a.prefix);
  return a.network >> shift === b.network >> shift;
}
