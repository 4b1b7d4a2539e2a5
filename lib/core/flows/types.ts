/**
 * The contract of flow analysis: the plain, deterministic report that the CLI renders as text,
 * Markdown, JSON, CSV or HTML. Everything in it is counted while the logs stream by; nothing grows
 * with the number of records but the counts.
 */
import type { AppleProduct, Direction, HostGroupId, ProfileId, ServiceId } from '../catalogue';
import type { FirewallRuleKind } from '../network-firewall';
import type { PortRange, Protocol } from '../ports';
import type { AddressEvidence, AttributionClass } from './attribution';
import type { UncoveredReason } from './suggest';

/** The version of the report's JSON shape. */
export const FLOW_REPORT_SCHEMA_VERSION = 1;

/** Which kind of log a source held. */
export type LogKind = 'flow-log' | 'resolver-query-log' | 'firewall-log';

/** A line that could not be read, where it is and why. */
export interface MalformedLine {
  readonly source: string;
  readonly lineNumber: number;
  readonly reason: string;
}

/** A line of a source, for pointing at the evidence. */
export interface LineReference {
  readonly source: string;
  readonly lineNumber: number;
}

/** One source (file, stream) read. */
export interface SourceSummary {
  readonly name: string;
  readonly kind: LogKind;
  readonly lines: number;
  /** Flow records, queries or alerts read. */
  readonly entries: number;
  readonly nodata: number;
  readonly skipdata: number;
  readonly malformed: number;
  /** The flow log fields the source was read with. */
  readonly fields?: readonly string[];
}

/** Flows that share an attribution, an action and the Apple hosts they were tied to. */
export interface FlowGroup {
  readonly class: AttributionClass;
  readonly direction: Direction;
  readonly protocol: string;
  readonly servicePort?: number;
  readonly evidence: AddressEvidence;
  readonly action: 'ACCEPT' | 'REJECT' | 'unknown';
  readonly services: readonly ServiceId[];
  readonly products: readonly AppleProduct[];
  /** Apple hosts (as Apple writes them) the Resolver tied the far addresses to, sorted. */
  readonly hosts: readonly string[];
  /** Products Apple lists those hosts for, sorted. */
  readonly hostProducts: readonly AppleProduct[];
  readonly records: number;
  readonly packets: number;
  readonly bytes: number;
  /** Unix seconds of the first and last record's start. */
  readonly firstSeen?: number;
  readonly lastSeen?: number;
  /** The first few records, by source and line. */
  readonly samples: readonly LineReference[];
  /** The first few far addresses. */
  readonly remoteAddresses: readonly string[];
}

/** One observed Apple port of one direction: what the suggestion covers. */
export interface ObservedDemand {
  readonly direction: Direction;
  readonly protocol: Protocol;
  readonly port: number;
  readonly hostProducts: readonly AppleProduct[];
  readonly hosts: readonly string[];
  readonly services: readonly ServiceId[];
  readonly records: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly bytes: number;
  /** Records by what tied the far address to Apple. */
  readonly evidence: Readonly<Record<AddressEvidence, number>>;
  readonly samples: readonly LineReference[];
  readonly remoteAddresses: readonly string[];
}

/** One suggested product and the observed ports that justify it. */
export interface SuggestedProduct {
  readonly product: AppleProduct;
  /** Indexes into `FlowReport.demands`. */
  readonly demands: readonly number[];
  readonly records: number;
  /** Other products that open exactly the same observed ports at the same cost, sorted. */
  readonly alternatives: readonly AppleProduct[];
}

/** The suggested selection for one direction. */
export interface DirectionSuggestion {
  readonly direction: Direction;
  readonly products: readonly SuggestedProduct[];
  /** Every port the suggested products open, per protocol. */
  readonly opened: Readonly<Record<Protocol, readonly PortRange[]>>;
  /** Ports they open that no observed flow used. */
  readonly extraPorts: number;
  /** Profiles whose products cover the same ports, fewest extra ports first. */
  readonly profiles: readonly { readonly profile: ProfileId; readonly extraPorts: number }[];
  /** Observed Apple ports no allowed product opens: indexes into `FlowReport.demands`, with why. */
  readonly uncovered: readonly { readonly demand: number; readonly reason: UncoveredReason }[];
  /** Search nodes visited by the exact solver. */
  readonly searchNodes: number;
}

/** Flows a candidate policy treats differently from what the logs recorded. */
export interface ReplayGroup {
  readonly direction: Direction;
  readonly protocol: string;
  readonly servicePort?: number;
  readonly class: AttributionClass;
  readonly products: readonly AppleProduct[];
  readonly records: number;
  readonly bytes: number;
  readonly samples: readonly LineReference[];
  readonly remoteAddresses: readonly string[];
}

/** What replaying the logs against a candidate policy found. */
export interface ReplayReport {
  readonly policy: string;
  readonly rules: number;
  readonly notes: readonly string[];
  /** Accepted flows the candidate would reject: what would break. */
  readonly wouldBlock: readonly ReplayGroup[];
  /** Rejected flows the candidate would allow. */
  readonly wouldAllow: readonly ReplayGroup[];
  /** Flows whose fate depends on a peer the replay cannot see (a security group, a prefix list). */
  readonly unknown: readonly ReplayGroup[];
  /** Records whose fate would not change. */
  readonly unchanged: number;
}

/** Alerts of one rule of the apple-ports rule group. */
export interface FirewallRuleAlerts {
  readonly sid: number;
  readonly kind: FirewallRuleKind;
  readonly products: readonly AppleProduct[];
  readonly hosts: readonly string[];
  readonly hostGroups: readonly HostGroupId[];
  readonly services: readonly ServiceId[];
  readonly rule: string;
  readonly alerts: number;
  /** Alerts by Suricata action (`allowed`, `blocked`). */
  readonly actions: Readonly<Record<string, number>>;
  readonly samples: readonly LineReference[];
}

/** What the Network Firewall alert logs said, mapped to the rule group's rules. */
export interface FirewallReport {
  readonly alerts: number;
  readonly rules: readonly FirewallRuleAlerts[];
  /** Alerts whose signature id no rule of the plan has (another rule group's, or an old plan's). */
  readonly unknownSignatures: readonly { readonly sid: number; readonly alerts: number }[];
}

/** An Apple host the Resolver logs show the devices asked for. */
export interface QueriedHost {
  readonly host: string;
  readonly hostGroups: readonly HostGroupId[];
  readonly products: readonly AppleProduct[];
  readonly queries: number;
  readonly names: readonly string[];
}

/** Records in one hour, by attribution. */
export interface TimelineBucket {
  /** Unix seconds of the hour's start. */
  readonly start: number;
  readonly records: Readonly<Record<AttributionClass, number>>;
}

/** Counts over every source. */
export interface FlowTotals {
  readonly records: number;
  readonly nodata: number;
  readonly skipdata: number;
  readonly malformed: number;
  /** Records of interfaces other than the ones named. */
  readonly otherInterfaces: number;
  /** Records with no end in the local CIDRs. */
  readonly notLocal: number;
  readonly byClass: Readonly<Record<AttributionClass, number>>;
  readonly queries: number;
  readonly appleQueries: number;
}

/** The whole analysis. */
export interface FlowReport {
  readonly schemaVersion: typeof FLOW_REPORT_SCHEMA_VERSION;
  readonly sources: readonly SourceSummary[];
  readonly totals: FlowTotals;
  /** What the devices were told to be local. */
  readonly local: { readonly cidrs: readonly string[]; readonly interfaces: readonly string[] };
  /** Every flow group, Apple first, then by records. */
  readonly groups: readonly FlowGroup[];
  /** Observed Apple ports, by direction, protocol and port. */
  readonly demands: readonly ObservedDemand[];
  /** Traffic no Apple service explains (apple-unmatched and other groups), most records first, up to a limit. */
  readonly unexplained: readonly FlowGroup[];
  /** How many unexplained groups the limit left out. */
  readonly unexplainedLeftOut: number;
  readonly suggestion?: readonly DirectionSuggestion[];
  readonly replay?: ReplayReport;
  readonly firewall?: FirewallReport;
  readonly queriedHosts: readonly QueriedHost[];
  readonly timeline: readonly TimelineBucket[];
  /** The first malformed lines; `totals.malformed` counts them all. */
  readonly malformed: readonly MalformedLine[];
}
