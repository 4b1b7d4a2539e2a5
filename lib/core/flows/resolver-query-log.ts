/**
 * Route 53 Resolver query logs (one JSON object a line): each query name matched to the hosts
 * Apple lists in its enterprise-network article, and the addresses the answers gave, so a flow to
 * one of those addresses is tied to the Apple host (and its products) the device asked for.
 */
import { compareHosts, hostGroups, products, type AppleProduct, type HostGroupId } from '../catalogue';
import { hostsFor, type RequiredHost } from '../policy';
import { parseJsonLine, textField } from './json-lines';
import type { MalformedLogLine } from './lines';

/** One answer of a query: the record's data (an address for A and AAAA) and type. */
export interface ResolverAnswer {
  /** The record's data: an address for A and AAAA, a name for CNAME. */
  readonly rdata: string;
  /** The record's type (`A`, `AAAA`, `CNAME`). */
  readonly type: string;
}

/** One query as the Resolver logged it. */
export interface ResolverQuery {
  /** The line of the source the query is on. */
  readonly lineNumber: number;
  /** Lower case, without the trailing dot. */
  readonly queryName: string;
  /** `query_type`: the record type asked for. */
  readonly queryType?: string;
  /** `rcode`: the response code (`NOERROR`, `NXDOMAIN`). */
  readonly rcode?: string;
  /** `srcaddr`: the address of the device that asked. */
  readonly srcaddr?: string;
  /** `vpc_id`: the VPC the query came from. */
  readonly vpcId?: string;
  /** `query_timestamp`, as logged (ISO 8601). */
  readonly timestamp?: string;
  /** The answers the Resolver returned; empty when none. */
  readonly answers: readonly ResolverAnswer[];
}

/** What one line of a query log is. */
export type ResolverLine =
  | {
      /** The line is a query. */
      readonly kind: 'query';
      /** The query the line holds. */
      readonly query: ResolverQuery;
    }
  | {
      /** The line is empty or white space. */
      readonly kind: 'blank';
    }
  | MalformedLogLine;

/** A query name matched to a host of Apple's article. */
export interface AppleHostMatch {
  /** The host as Apple writes it (`*.push.apple.com`). */
  readonly host: string;
  /** The host groups that list the host, sorted. */
  readonly hostGroups: readonly HostGroupId[];
  /** The products Apple lists the host for, sorted. */
  readonly products: readonly AppleProduct[];
}

/** Reads one line of a Resolver query log. */
export function parseResolverQueryLine(line: string, lineNumber: number): ResolverLine {
  const parsed = parseJsonLine(line, lineNumber);
  if (parsed.kind !== 'object') {
    return parsed;
  }
  const entry = parsed.value;
  const name = textField(entry.query_name);
  if (name === undefined) {
    return { kind: 'malformed', lineNumber, reason: 'a query log entry needs query_name' };
  }
  const answers = Array.isArray(entry.answers)
    ? entry.answers.flatMap((answer: Record<string, unknown>) => {
        const rdata = textField(answer?.Rdata);
        return rdata ? [{ rdata, type: textField(answer.Type) ?? '' }] : [];
      })
    : [];
  return {
    kind: 'query',
    query: {
      lineNumber,
      queryName: name.toLowerCase().replace(/\.$/, ''),
      queryType: textField(entry.query_type),
      rcode: textField(entry.rcode),
      srcaddr: textField(entry.srcaddr),
      vpcId: textField(entry.vpc_id),
      timestamp: textField(entry.query_timestamp),
      answers,
    },
  };
}

interface HostTables {
  readonly exact: ReadonlyMap<string, RequiredHost>;
  readonly wildcards: ReadonlyMap<string, RequiredHost>;
}

let tables: HostTables | undefined;

/** Every host the article lists, with every product and group that lists it; built on first use. */
function hostTables(): HostTables {
  if (!tables) {
    const all = hostsFor({ products: products.map((p) => p.id), hostGroups: hostGroups.map((g) => g.id) });
    const exact = new Map<string, RequiredHost>();
    const wildcards = new Map<string, RequiredHost>();
    for (const host of all.hosts) {
      (host.match === 'exact' ? exact : wildcards).set(host.domain, host);
    }
    tables = { exact, wildcards };
  }
  return tables;
}

/**
 * The hosts of Apple's article a name matches: the host itself, and every `*.` wildcard whose
 * domain it is a subdomain of, most specific first. Empty for a name Apple does not list.
 */
export function matchAppleHosts(name: string): AppleHostMatch[] {
  const { exact, wildcards } = hostTables();
  const normalised = name.toLowerCase().replace(/\.$/, '');
  const matches: RequiredHost[] = [];
  const named = exact.get(normalised);
  if (named) {
    matches.push(named);
  }
  for (let dot = normalised.indexOf('.'); dot >= 0; dot = normalised.indexOf('.', dot + 1)) {
    const wildcard = wildcards.get(normalised.slice(dot + 1));
    if (wildcard) {
      matches.push(wildcard);
    }
  }
  return matches.map((host) => ({ host: host.host, hostGroups: host.hostGroups, products: host.products }));
}

/** How many queries named one Apple host, and what answered them. */
export interface AppleHostQueries {
  /** The host as Apple writes it (`*.push.apple.com`). */
  readonly host: string;
  /** The host groups that list the host, sorted. */
  readonly hostGroups: readonly HostGroupId[];
  /** The products Apple lists the host for, sorted. */
  readonly products: readonly AppleProduct[];
  /** How many queries named the host or a name under it. */
  readonly queries: number;
  /** Distinct names queried under the host, up to a few, sorted. */
  readonly names: readonly string[];
}

const NAME_SAMPLES = 5;
const ADDRESS_RECORD_TYPES = new Set(['A', 'AAAA']);

/** The Apple hosts queried and the addresses they resolved to, for tying flows to hosts. */
export class AppleHostIndex {
  private readonly byAddress = new Map<string, AppleHostMatch[]>();
  private readonly byHost = new Map<string, { match: AppleHostMatch; queries: number; names: Set<string> }>();
  /** Queries read, Apple or not. */
  public queries = 0;
  /** Queries that named no host of Apple's article. */
  public otherQueries = 0;

  /** Records one query: its Apple hosts, and the addresses its answers gave. */
  add(query: ResolverQuery): void {
    this.queries++;
    const matches = matchAppleHosts(query.queryName);
    if (matches.length === 0) {
      this.otherQueries++;
      return;
    }
    for (const match of matches) {
      const seen = this.byHost.get(match.host) ?? { match, queries: 0, names: new Set<string>() };
      seen.queries++;
      if (seen.names.size < NAME_SAMPLES) {
        seen.names.add(query.queryName);
      }
      this.byHost.set(match.host, seen);
    }
    for (const answer of query.answers) {
      if (!ADDRESS_RECORD_TYPES.has(answer.type)) {
        continue;
      }
      const known = this.byAddress.get(answer.rdata) ?? [];
      for (const match of matches) {
        if (!known.some((k) => k.host === match.host)) {
          known.push(match);
        }
      }
      this.byAddress.set(answer.rdata, known);
    }
  }

  /** The Apple hosts an address was an answer for, or `undefined`. */
  hostsAt(address: string): readonly AppleHostMatch[] | undefined {
    return this.byAddress.get(address);
  }

  /** Every Apple host queried, sorted by domain. */
  hosts(): AppleHostQueries[] {
    return [...this.byHost.values()]
      .sort((a, b) => compareHosts(a.match.host, b.match.host))
      .map(({ match, queries, names }) => ({ ...match, queries, names: [...names].sort() }));
  }
}
