/**
 * One observation: the logs a team collected, read once as they stream by (Resolver query logs
 * first, so flows can be tied to the Apple hosts the devices asked for), counted into flow groups,
 * optionally replayed against a candidate policy, and summed up as a `FlowReport` with a suggested
 * selection. Memory holds counts, never records.
 */
import { compareIds, products as catalogueProducts, sortedIds, type AppleProduct, type Direction } from '../catalogue';
import type { FirewallRuleGroupPlan, FirewallRulePlan } from '../network-firewall';
import { compareProtocols, type Protocol } from '../ports';
import { ApplePortsError } from '../problems';
import { FlowAttributor, type AddressEvidence, type AttributionClass, type FlowAttribution } from './attribution';
import { parseFirewallLine, rulesBySid } from './firewall-alerts';
import { FlowLogParser, type FlowRecord } from './flow-log-reader';
import { forEachLine, type TextItems } from './lines';
import { PolicyMatcher, type ReplayPolicy, type ReplayVerdict } from './replay-policy';
import { AppleHostIndex, parseResolverQueryLine } from './resolver-query-log';
import { profileFits, solveCover, type CoverDemand, type CoverOptions } from './suggest';
import {
  FLOW_REPORT_SCHEMA_VERSION,
  type DirectionSuggestion,
  type FirewallReport,
  type FlowGroup,
  type FlowReport,
  type LineReference,
  type LogKind,
  type MalformedLine,
  type ObservedDemand,
  type ReplayGroup,
  type SourceSummary,
  type TimelineBucket,
} from './types';

/** What an observation knows before it reads. */
export interface ObservationOptions {
  /**
   * The Apple devices: CIDRs they are in, and network interface ids (`eni-…`) whose records alone count.
   * @default no CIDRs (see `AttributionOptions.localCidrs`) and every interface
   */
  readonly local?: readonly string[];
  /** A candidate policy to replay the flows against. @default no replay */
  readonly replay?: ReplayPolicy;
  /** The rule group whose alerts the firewall logs hold. @default alerts are counted by signature id only */
  readonly firewallPlan?: FirewallRuleGroupPlan;
  /** How many malformed lines, samples and far addresses to keep. @default see the constants */
  readonly limits?: Partial<ObservationLimits>;
}

/** How much of the evidence the report keeps. */
export interface ObservationLimits {
  /** The most malformed lines the report lists; the rest are only counted. */
  readonly malformedLines: number;
  /** The most sample lines kept per group of flows. */
  readonly samples: number;
  /** The most far addresses kept per group of flows. */
  readonly remoteAddresses: number;
  /** The most groups of traffic no Apple service explains the report lists. */
  readonly unexplainedGroups: number;
}

const DEFAULT_LIMITS: ObservationLimits = { malformedLines: 50, samples: 3, remoteAddresses: 5, unexplainedGroups: 50 };

const INTERFACE_ID = /^eni-[0-9a-f]+$/;
const SECONDS_PER_HOUR = 3600;

const CLASSES: readonly AttributionClass[] = ['apple', 'ambiguous', 'apple-unmatched', 'other'];

function emptyByClass(): Record<AttributionClass, number> {
  return { apple: 0, ambiguous: 0, 'apple-unmatched': 0, other: 0 };
}

interface MutableGroup {
  readonly key: FlowGroup;
  records: number;
  packets: number;
  bytes: number;
  firstSeen?: number;
  lastSeen?: number;
  readonly samples: LineReference[];
  readonly remoteAddresses: Set<string>;
}

interface MutableReplayGroup {
  readonly key: Omit<ReplayGroup, 'records' | 'bytes' | 'samples' | 'remoteAddresses'>;
  records: number;
  bytes: number;
  readonly samples: LineReference[];
  readonly remoteAddresses: Set<string>;
}

/** Splits `local` into CIDRs and interface ids; anything else is a problem naming the value. */
export function parseLocal(values: readonly string[]): {
  /** The values that are CIDRs, as given. */
  cidrs: string[];
  /** The values that are network interface ids (`eni-…`). */
  interfaces: string[];
} {
  const cidrs: string[] = [];
  const interfaces: string[] = [];
  for (const value of values) {
    if (INTERFACE_ID.test(value)) {
      interfaces.push(value);
    } else {
      cidrs.push(value);
    }
  }
  return { cidrs, interfaces };
}

/** Reads logs and counts what they show; call the `read…` methods, then `report()`. */
export class FlowObservation {
  private readonly limits: ObservationLimits;
  private readonly attributor: FlowAttributor;
  private readonly interfaces: ReadonlySet<string>;
  private readonly localCidrs: readonly string[];
  private readonly hostIndex = new AppleHostIndex();
  private readonly matcher?: PolicyMatcher;
  private readonly replayPolicy?: ReplayPolicy;
  private readonly firewallRules?: ReadonlyMap<number, FirewallRulePlan>;
  private readonly sources: SourceSummary[] = [];
  private readonly groups = new Map<string, MutableGroup>();
  private readonly replayGroups = new Map<string, MutableReplayGroup>();
  private readonly timeline = new Map<number, Record<AttributionClass, number>>();
  private readonly malformed: MalformedLine[] = [];
  private readonly firewallAlerts = new Map<number, { alerts: number; actions: Record<string, number>; samples: LineReference[] }>();
  private totals = { records: 0, nodata: 0, skipdata: 0, malformed: 0, otherInterfaces: 0, notLocal: 0, unchanged: 0, alerts: 0 };
  private readonly byClass = emptyByClass();

  /** Starts an empty observation; nothing is read until a `read…` method is called. */
  constructor(options: ObservationOptions = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    const { cidrs, interfaces } = parseLocal(options.local ?? []);
    try {
      this.attributor = new FlowAttributor({ localCidrs: cidrs, hosts: this.hostIndex });
    } catch (error) {
      throw new ApplePortsError([{ code: 'invalid-flow-input', message: `local: ${(error as Error).message} Give a CIDR such as 10.0.0.0/16 or an interface id such as eni-0123456789abcdef0.` }]);
    }
    this.localCidrs = cidrs;
    this.interfaces = new Set(interfaces);
    if (options.replay) {
      this.replayPolicy = options.replay;
      this.matcher = new PolicyMatcher(options.replay);
    }
    if (options.firewallPlan) {
      this.firewallRules = rulesBySid(options.firewallPlan);
    }
  }

  /** The Apple hosts and addresses the Resolver logs read so far tied together. */
  get hosts(): AppleHostIndex {
    return this.hostIndex;
  }

  private noteMalformed(source: string, lineNumber: number, reason: string): void {
    this.totals.malformed++;
    if (this.malformed.length < this.limits.malformedLines) {
      this.malformed.push({ source, lineNumber, reason });
    }
  }

  /** Reads a log of JSON lines: `read` takes each line and says whether it was an entry, or why it is malformed. */
  private async readJsonLog(name: string, kind: LogKind, source: AsyncIterable<string> | Iterable<string>, items: TextItems, read: (line: string, lineNumber: number) => boolean | string): Promise<void> {
    let entries = 0;
    let malformed = 0;
    const lines = await forEachLine(
      source,
      (line, lineNumber) => {
        const outcome = read(line, lineNumber);
        if (outcome === true) {
          entries++;
        } else if (typeof outcome === 'string') {
          malformed++;
          this.noteMalformed(name, lineNumber, outcome);
        }
      },
      items,
    );
    this.sources.push({ name, kind, lines, entries, nodata: 0, skipdata: 0, malformed });
  }

  /** Reads a Route 53 Resolver query log. Read these before the flow logs they explain. */
  async readResolverQueryLog(name: string, source: AsyncIterable<string> | Iterable<string>, items: TextItems = 'chunks'): Promise<void> {
    await this.readJsonLog(name, 'resolver-query-log', source, items, (line, lineNumber) => {
      const parsed = parseResolverQueryLine(line, lineNumber);
      if (parsed.kind === 'query') {
        this.hostIndex.add(parsed.query);
      }
      return parsed.kind === 'malformed' ? parsed.reason : parsed.kind === 'query';
    });
  }

  /** Reads an AWS Network Firewall alert log. */
  async readFirewallLog(name: string, source: AsyncIterable<string> | Iterable<string>, items: TextItems = 'chunks'): Promise<void> {
    await this.readJsonLog(name, 'firewall-log', source, items, (line, lineNumber) => {
      const parsed = parseFirewallLine(line, lineNumber);
      if (parsed.kind === 'alert') {
        this.totals.alerts++;
        const seen = this.firewallAlerts.get(parsed.alert.signatureId) ?? { alerts: 0, actions: {}, samples: [] };
        seen.alerts++;
        seen.actions[parsed.alert.action] = (seen.actions[parsed.alert.action] ?? 0) + 1;
        if (seen.samples.length < this.limits.samples) {
          seen.samples.push({ source: name, lineNumber });
        }
        this.firewallAlerts.set(parsed.alert.signatureId, seen);
      }
      return parsed.kind === 'malformed' ? parsed.reason : parsed.kind === 'alert';
    });
  }

  /** Reads a VPC Flow Logs log; `fields` names the records' fields when the log has no header line. */
  async readFlowLog(name: string, source: AsyncIterable<string> | Iterable<string>, options: { readonly fields?: readonly string[]; readonly items?: TextItems } = {}): Promise<void> {
    const parser = new FlowLogParser(options.fields ? { fields: options.fields } : {});
    const counts = { entries: 0, nodata: 0, skipdata: 0, malformed: 0 };
    const lines = await forEachLine(
      source,
      (line, lineNumber) => {
        const parsed = parser.parse(line, lineNumber);
        switch (parsed.kind) {
          case 'record':
            counts.entries++;
            this.addRecord(name, parsed.record);
            break;
          case 'nodata':
            counts.nodata++;
            this.totals.nodata++;
            break;
          case 'skipdata':
            counts.skipdata++;
            this.totals.skipdata++;
            break;
          case 'malformed':
            counts.malformed++;
            this.noteMalformed(name, parsed.lineNumber, parsed.reason);
            break;
        }
      },
      options.items ?? 'chunks',
    );
    this.sources.push({ name, kind: 'flow-log', lines, ...counts, ...(parser.fields ? { fields: parser.fields } : {}) });
  }

  /** Counts one flow record. */
  addRecord(source: string, record: FlowRecord): void {
    if (this.interfaces.size > 0 && (record.interfaceId === undefined || !this.interfaces.has(record.interfaceId))) {
      this.totals.otherInterfaces++;
      return;
    }
    if (!this.attributor.isLocal(record)) {
      this.totals.notLocal++;
      return;
    }
    this.totals.records++;
    const flow = this.attributor.attribute(record);
    this.byClass[flow.class]++;
    const action = record.action ?? 'unknown';
    const hostKey = flow.hosts.length === 0 ? '' : flow.hosts.map((h) => h.host).join(',');
    const key = `${flow.class}|${flow.direction}|${flow.protocol}|${flow.servicePort ?? ''}|${flow.evidence}|${action}|${hostKey}`;
    let group = this.groups.get(key);
    if (!group) {
      const hostProducts = sortedIds(flow.hosts.flatMap((h) => h.products));
      const hosts = [...new Set(flow.hosts.map((h) => h.host))].sort(compareIds);
      group = {
        key: {
          class: flow.class,
          direction: flow.direction,
          protocol: flow.protocol,
          ...(flow.servicePort !== undefined ? { servicePort: flow.servicePort } : {}),
          evidence: flow.evidence,
          action,
          services: flow.services,
          products: flow.products,
          hosts,
          hostProducts,
          records: 0,
          packets: 0,
          bytes: 0,
          samples: [],
          remoteAddresses: [],
        },
        records: 0,
        packets: 0,
        bytes: 0,
        samples: [],
        remoteAddresses: new Set(),
      };
      this.groups.set(key, group);
    }
    this.count(group, source, record, flow);
    if (record.start !== undefined) {
      const hour = record.start - (record.start % SECONDS_PER_HOUR);
      const bucket = this.timeline.get(hour) ?? emptyByClass();
      bucket[flow.class]++;
      this.timeline.set(hour, bucket);
    }
    if (this.matcher && record.action !== undefined) {
      this.replay(source, record, flow, this.matcher.verdict(flow));
    }
  }

  private count(group: MutableGroup, source: string, record: FlowRecord, flow: FlowAttribution): void {
    group.records++;
    group.packets += record.packets ?? 0;
    group.bytes += record.bytes ?? 0;
    if (record.start !== undefined) {
      group.firstSeen = group.firstSeen === undefined ? record.start : Math.min(group.firstSeen, record.start);
      group.lastSeen = group.lastSeen === undefined ? record.start : Math.max(group.lastSeen, record.start);
    }
    if (group.samples.length < this.limits.samples) {
      group.samples.push({ source, lineNumber: record.lineNumber });
    }
    if (flow.remoteAddress !== undefined && group.remoteAddresses.size < this.limits.remoteAddresses) {
      group.remoteAddresses.add(flow.remoteAddress);
    }
  }

  private replay(source: string, record: FlowRecord, flow: FlowAttribution, verdict: ReplayVerdict): void {
    const change =
      verdict === 'unknown' ? 'unknown' : record.action === 'ACCEPT' && verdict === 'blocked' ? 'would-block' : record.action === 'REJECT' && verdict === 'allowed' ? 'would-allow' : undefined;
    if (change === undefined) {
      this.totals.unchanged++;
      return;
    }
    const key = `${change}|${flow.direction}|${flow.protocol}|${flow.servicePort ?? ''}|${flow.class}`;
    let group = this.replayGroups.get(key);
    if (!group) {
      group = {
        key: {
          direction: flow.direction,
          protocol: flow.protocol,
          ...(flow.servicePort !== undefined ? { servicePort: flow.servicePort } : {}),
          class: flow.class,
          products: flow.products,
        },
        records: 0,
        bytes: 0,
        samples: [],
        remoteAddresses: new Set(),
      };
      this.replayGroups.set(key, group);
    }
    group.records++;
    group.bytes += record.bytes ?? 0;
    if (group.samples.length < this.limits.samples) {
      group.samples.push({ source, lineNumber: record.lineNumber });
    }
    if (flow.remoteAddress !== undefined && group.remoteAddresses.size < this.limits.remoteAddresses) {
      group.remoteAddresses.add(flow.remoteAddress);
    }
  }

  /** Everything counted so far, with the suggested selection when `suggest` is given. */
  report(options: { readonly suggest?: CoverOptions | boolean } = {}): FlowReport {
    const groups = [...this.groups.values()].map(freezeGroup).sort(compareGroups);
    const demands = demandsOf(groups);
    const unexplainedAll = groups.filter((g) => g.class === 'apple-unmatched' || g.class === 'other').sort((a, b) => b.records - a.records || compareGroups(a, b));
    const suggestion = options.suggest ? suggest(demands, options.suggest === true ? {} : options.suggest) : undefined;
    return {
      schemaVersion: FLOW_REPORT_SCHEMA_VERSION,
      sources: this.sources,
      totals: {
        records: this.totals.records,
        nodata: this.totals.nodata,
        skipdata: this.totals.skipdata,
        malformed: this.totals.malformed,
        otherInterfaces: this.totals.otherInterfaces,
        notLocal: this.totals.notLocal,
        byClass: { ...this.byClass },
        queries: this.hostIndex.queries,
        appleQueries: this.hostIndex.queries - this.hostIndex.otherQueries,
      },
      local: { cidrs: this.localCidrs, interfaces: [...this.interfaces].sort() },
      groups,
      demands,
      unexplained: unexplainedAll.slice(0, this.limits.unexplainedGroups),
      unexplainedLeftOut: Math.max(0, unexplainedAll.length - this.limits.unexplainedGroups),
      ...(suggestion ? { suggestion } : {}),
      ...(this.replayPolicy ? { replay: this.replayReport(this.replayPolicy) } : {}),
      ...(this.firewallRules || this.firewallAlerts.size > 0 ? { firewall: this.firewallReport() } : {}),
      queriedHosts: this.hostIndex.hosts(),
      timeline: [...this.timeline.entries()].sort(([a], [b]) => a - b).map(([start, records]): TimelineBucket => ({ start, records })),
      malformed: this.malformed,
    };
  }

  private replayReport(policy: ReplayPolicy) {
    const by = (change: string): ReplayGroup[] =>
      [...this.replayGroups.entries()]
        .filter(([key]) => key.startsWith(`${change}|`))
        .map(([, g]) => ({ ...g.key, records: g.records, bytes: g.bytes, samples: g.samples, remoteAddresses: [...g.remoteAddresses] }))
        .sort((a, b) => b.records - a.records || compareReplayGroups(a, b));
    return { policy: policy.name, rules: policy.rules.length, notes: policy.notes, wouldBlock: by('would-block'), wouldAllow: by('would-allow'), unknown: by('unknown'), unchanged: this.totals.unchanged };
  }

  private firewallReport(): FirewallReport {
    const rules = this.firewallRules ?? new Map<number, FirewallRulePlan>();
    const known = [...rules.values()].map((rule) => {
      const seen = this.firewallAlerts.get(rule.sid);
      return {
        sid: rule.sid,
        kind: rule.kind,
        products: rule.products,
        hosts: rule.hosts,
        hostGroups: rule.hostGroups,
        services: rule.services,
        rule: rule.text,
        alerts: seen?.alerts ?? 0,
        actions: seen?.actions ?? {},
        samples: seen?.samples ?? [],
      };
    });
    const unknownSignatures = [...this.firewallAlerts.entries()].filter(([sid]) => !rules.has(sid)).map(([sid, seen]) => ({ sid, alerts: seen.alerts })).sort((a, b) => a.sid - b.sid);
    return { alerts: this.totals.alerts, rules: known.filter((r) => r.alerts > 0).sort((a, b) => b.alerts - a.alerts || a.sid - b.sid), unknownSignatures };
  }
}

function freezeGroup(group: MutableGroup): FlowGroup {
  return {
    ...group.key,
    records: group.records,
    packets: group.packets,
    bytes: group.bytes,
    ...(group.firstSeen !== undefined ? { firstSeen: group.firstSeen, lastSeen: group.lastSeen } : {}),
    samples: group.samples,
    remoteAddresses: [...group.remoteAddresses],
  };
}

function compareProtocolText(a: string, b: string): number {
  const known = (p: string) => p === 'tcp' || p === 'udp';
  if (known(a) && known(b)) {
    return compareProtocols(a as Protocol, b as Protocol);
  }
  return known(a) ? -1 : known(b) ? 1 : compareIds(a, b);
}

/** Apple first (by class order), then direction, protocol, port, and the rest of the key. */
function compareGroups(a: FlowGroup, b: FlowGroup): number {
  return (
    CLASSES.indexOf(a.class) - CLASSES.indexOf(b.class) ||
    compareIds(a.direction, b.direction) ||
    compareProtocolText(a.protocol, b.protocol) ||
    (a.servicePort ?? -1) - (b.servicePort ?? -1) ||
    compareIds(a.evidence, b.evidence) ||
    compareIds(a.action, b.action) ||
    compareIds(a.hosts.join(','), b.hosts.join(','))
  );
}

function compareReplayGroups(a: ReplayGroup, b: ReplayGroup): number {
  return compareIds(a.direction, b.direction) || compareProtocolText(a.protocol, b.protocol) || (a.servicePort ?? -1) - (b.servicePort ?? -1) || compareIds(a.class, b.class);
}

/** The observed Apple ports: apple and ambiguous groups, merged by direction, protocol, port and host products. */
function demandsOf(groups: readonly FlowGroup[]): ObservedDemand[] {
  const byKey = new Map<string, { demand: Omit<ObservedDemand, 'samples' | 'remoteAddresses'> & { records: number; accepted: number; rejected: number; bytes: number; evidence: Record<AddressEvidence, number> }; samples: LineReference[]; remote: Set<string>; hosts: Set<string> }>();
  for (const group of groups) {
    if ((group.class !== 'apple' && group.class !== 'ambiguous') || group.servicePort === undefined) {
      continue;
    }
    const key = `${group.direction}|${group.protocol}|${group.servicePort}|${group.hostProducts.join(',')}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = {
        demand: {
          direction: group.direction,
          protocol: group.protocol as Protocol,
          port: group.servicePort,
          hostProducts: group.hostProducts,
          hosts: [],
          services: group.services,
          records: 0,
          accepted: 0,
          rejected: 0,
          bytes: 0,
          evidence: { 'apns-network': 0, 'apple-network': 0, 'apple-host': 0, none: 0 },
        },
        samples: [],
        remote: new Set(),
        hosts: new Set(),
      };
      byKey.set(key, entry);
    }
    entry.demand.records += group.records;
    entry.demand.bytes += group.bytes;
    entry.demand.accepted += group.action === 'ACCEPT' ? group.records : 0;
    entry.demand.rejected += group.action === 'REJECT' ? group.records : 0;
    entry.demand.evidence[group.evidence] += group.records;
    for (const sample of group.samples) {
      if (entry.samples.length < 3) entry.samples.push(sample);
    }
    for (const address of group.remoteAddresses) {
      if (entry.remote.size < 5) entry.remote.add(address);
    }
    for (const host of group.hosts) entry.hosts.add(host);
  }
  return [...byKey.values()]
    .map(({ demand, samples, remote, hosts }) => ({ ...demand, hosts: [...hosts].sort(compareIds), samples, remoteAddresses: [...remote] }))
    .sort((a, b) => compareIds(a.direction, b.direction) || compareProtocols(a.protocol, b.protocol) || a.port - b.port || compareIds(a.hostProducts.join(','), b.hostProducts.join(',')));
}

/** The exact cover per direction, with each product's justification and the ports left uncovered. */
function suggest(demands: readonly ObservedDemand[], options: CoverOptions): DirectionSuggestion[] {
  const cover: CoverDemand[] = demands.map((d) => ({ direction: d.direction, protocol: d.protocol, port: d.port, hostProducts: d.hostProducts }));
  const directions = [...new Set(demands.map((d) => d.direction))].sort(compareIds) as Direction[];
  return directions.map((direction) => {
    const solution = solveCover(direction, cover, options);
    const products = solution.products.map((product) => {
      const indexes = solution.coveredBy.flatMap((by, index) => (by.includes(product) ? [index] : []));
      return { product, demands: indexes, records: indexes.reduce((sum, index) => sum + demands[index].records, 0), alternatives: alternativesTo(product, indexes, cover, options) };
    });
    return {
      direction,
      products,
      opened: solution.opened,
      extraPorts: solution.extraPorts,
      profiles: profileFits(solution, cover, options),
      uncovered: solution.uncovered.map((u) => ({ demand: u.index, reason: u.reason })),
      searchNodes: solution.nodes,
    };
  });
}

/** Products that cover the same demands as `product` alone and open exactly the same ports. */
function alternativesTo(product: AppleProduct, indexes: readonly number[], cover: readonly CoverDemand[], options: CoverOptions): AppleProduct[] {
  const direction = cover[indexes[0]]?.direction;
  if (direction === undefined) {
    return [];
  }
  const own = solveCover(direction, indexes.map((i) => cover[i]), { ...options, candidates: [product] });
  const found: AppleProduct[] = [];
  // Where the Resolver tied a port's flows to the product's hosts, an alternative must be listed for them too.
  const hostBound = indexes.map((i) => cover[i].hostProducts ?? []).filter((hosts) => hosts.includes(product));
  for (const candidate of catalogueProducts.map((p) => p.id)) {
    if (candidate === product || !hostBound.every((hosts) => hosts.includes(candidate))) {
      continue;
    }
    const other = solveCover(direction, indexes.map((i) => cover[i]), { ...options, candidates: [candidate] });
    if (other.uncovered.length === 0 && other.products.length === 1 && JSON.stringify(other.opened) === JSON.stringify(own.opened)) {
      found.push(candidate);
    }
  }
  return found.sort(compareIds);
}
