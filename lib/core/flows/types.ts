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
  /** The file, folder entry or stream the line is in. */
  readonly source: string;
  /** The line's number, from 1. */
  readonly lineNumber: number;
  /** Why the line could not be read. */
  readonly reason: string;
}

/** A line of a source, for pointing at the evidence. */
export interface LineReference {
  /** The file, folder entry or stream the line is in. */
  readonly source: string;
  /** The line's number, from 1. */
  readonly lineNumber: number;
}

/** One source (file, stream) read. */
export interface SourceSummary {
  /** The source's name, as given (a path, or `-` for standard input). */
  readonly name: string;
  /** Which kind of log the source held, recognised by its first line. */
  readonly kind: LogKind;
  /** Lines read. */
  readonly lines: number;
  /** Flow records, queries or alerts read. */
  readonly entries: number;
  /** NODATA records: intervals with no traffic. */
  readonly nodata: number;
  /** SKIPDATA records: intervals whose records AWS could not capture. */
  readonly skipdata: number;
  /** Lines that could not be read. */
  readonly malformed: number;
  /** The flow log fields the source was read with. */
  readonly fields?: readonly string[];
}

/** Flows that share an attribution, an action and the Apple hosts they were tied to. */
export interface FlowGroup {
  /** Whether the flows are Apple's, ambiguous, towards Apple on an unknown port, or not Apple. */
  readonly class: AttributionClass;
  /** `egress` when the devices opened the connections, `ingress` when they served them. */
  readonly direction: Direction;
  /** `tcp`, `udp`, or the IANA name or number of another protocol. */
  readonly protocol: string;
  /** The port of the end that serves the connections; absent for protocols without ports. */
  readonly servicePort?: number;
  /** What tied the far addresses to Apple, or `none`. */
  readonly evidence: AddressEvidence;
  /** What security groups and network ACLs did with the flows; `unknown` where the format has no `action`. */
  readonly action: 'ACCEPT' | 'REJECT' | 'unknown';
  /** The services the catalogue lists on the serving port for this direction. */
  readonly services: readonly ServiceId[];
  /** The products that use those services, sorted. */
  readonly products: readonly AppleProduct[];
  /** Apple hosts (as Apple writes them) the Resolver tied the far addresses to, sorted. */
  readonly hosts: readonly string[];
  /** Products Apple lists those hosts for, sorted. */
  readonly hostProducts: readonly AppleProduct[];
  /** Flow records in the group. */
  readonly records: number;
  /** Packets the records counted. */
  readonly packets: number;
  /** Bytes the records counted. */
  readonly bytes: number;
  /** Unix seconds of the first and last record's start. */
  readonly firstSeen?: number;
  /** Unix seconds of the last record's start. */
  readonly lastSeen?: number;
  /** The first few records, by source and line. */
  readonly samples: readonly LineReference[];
  /** The first few far addresses. */
  readonly remoteAddresses: readonly string[];
}

/** One observed Apple port of one direction: what the suggestion covers. */
export interface ObservedDemand {
  /** Whether the devices used the port outbound or served it. */
  readonly direction: Direction;
  /** The port's protocol. */
  readonly protocol: Protocol;
  /** The port. */
  readonly port: number;
  /** Products Apple lists the flows' hosts for, sorted; they alone cover the port when one opens it. */
  readonly hostProducts: readonly AppleProduct[];
  /** Apple hosts the Resolver tied the far addresses to, sorted. */
  readonly hosts: readonly string[];
  /** The services the catalogue lists on the port for this direction. */
  readonly services: readonly ServiceId[];
  /** Flow records on the port. */
  readonly records: number;
  /** Records the network accepted. */
  readonly accepted: number;
  /** Records the network rejected. */
  readonly rejected: number;
  /** Bytes the records counted. */
  readonly bytes: number;
  /** Records by what tied the far address to Apple. */
  readonly evidence: Readonly<Record<AddressEvidence, number>>;
  /** The first few records, by source and line. */
  readonly samples: readonly LineReference[];
  /** The first few far addresses. */
  readonly remoteAddresses: readonly string[];
}

/** One suggested product and the observed ports that justify it. */
export interface SuggestedProduct {
  /** The suggested product. */
  readonly product: AppleProduct;
  /** Indexes into `FlowReport.demands`. */
  readonly demands: readonly number[];
  /** Flow records on the ports that justify it. */
  readonly records: number;
  /** Other products that open exactly the same observed ports at the same cost, sorted. */
  readonly alternatives: readonly AppleProduct[];
}

/** The suggested selection for one direction. */
export interface DirectionSuggestion {
  /** Which direction the suggestion is for. */
  readonly direction: Direction;
  /** The suggested products, sorted, with the ports that justify each. */
  readonly products: readonly SuggestedProduct[];
  /** Every port the suggested products open, per protocol. */
  readonly opened: Readonly<Record<Protocol, readonly PortRange[]>>;
  /** Ports they open that no observed flow used. */
  readonly extraPorts: number;
  /** Profiles whose products cover the same ports, fewest extra ports first. */
  readonly profiles: readonly {
    /** The profile. */
    readonly profile: ProfileId;
    /** Ports the profile opens that no observed flow used. */
    readonly extraPorts: number;
  }[];
  /** Observed Apple ports no allowed product opens: indexes into `FlowReport.demands`, with why. */
  readonly uncovered: readonly {
    /** The index of the demand. */
    readonly demand: number;
    /** Why no allowed product covers it. */
    readonly reason: UncoveredReason;
  }[];
  /** Search nodes visited by the exact solver. */
  readonly searchNodes: number;
}

/** Flows a candidate policy treats differently from what the logs recorded. */
export interface ReplayGroup {
  /** `egress` when the devices opened the connections, `ingress` when they served them. */
  readonly direction: Direction;
  /** `tcp`, `udp`, or the IANA name or number of another protocol. */
  readonly protocol: string;
  /** The port of the end that serves the connections; absent for protocols without ports. */
  readonly servicePort?: number;
  /** The flows' attribution. */
  readonly class: AttributionClass;
  /** The products that use the serving port's services, sorted. */
  readonly products: readonly AppleProduct[];
  /** Flow records in the group. */
  readonly records: number;
  /** Bytes the records counted. */
  readonly bytes: number;
  /** The first few records, by source and line. */
  readonly samples: readonly LineReference[];
  /** The first few far addresses. */
  readonly remoteAddresses: readonly string[];
}

/** What replaying the logs against a candidate policy found. */
export interface ReplayReport {
  /** The candidate, as the user named it: a selection, a file or a directory. */
  readonly policy: string;
  /** How many rules the candidate has. */
  readonly rules: number;
  /** What the replay could not take from the input, said once each. */
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
  /** The rule's signature id. */
  readonly sid: number;
  /** What the rule does: a handshake, a name rule or a port rule. */
  readonly kind: FirewallRuleKind;
  /** The selected products that need the rule, sorted. */
  readonly products: readonly AppleProduct[];
  /** For name rules: the hosts the rule allows, sorted. */
  readonly hosts: readonly string[];
  /** Host groups the allowed hosts come from, sorted. */
  readonly hostGroups: readonly HostGroupId[];
  /** For port rules: the services whose ports the rule opens, sorted. */
  readonly services: readonly ServiceId[];
  /** The rule as one line of the rules string. */
  readonly rule: string;
  /** Alerts the rule raised. */
  readonly alerts: number;
  /** Alerts by Suricata action (`allowed`, `blocked`). */
  readonly actions: Readonly<Record<string, number>>;
  /** The first few alerts, by source and line. */
  readonly samples: readonly LineReference[];
}

/** What the Network Firewall alert logs said, mapped to the rule group's rules. */
export interface FirewallReport {
  /** Alerts read, from every rule. */
  readonly alerts: number;
  /** The plan's rules that raised alerts, by signature id. */
  readonly rules: readonly FirewallRuleAlerts[];
  /** Alerts whose signature id no rule of the plan has (another rule group's, or an old plan's). */
  readonly unknownSignatures: readonly {
    /** The signature id. */
    readonly sid: number;
    /** Alerts with that id. */
    readonly alerts: number;
  }[];
}

/** An Apple host the Resolver logs show the devices asked for. */
export interface QueriedHost {
  /** The host as Apple writes it (`*.push.apple.com`). */
  readonly host: string;
  /** The host groups that list the host, sorted. */
  readonly hostGroups: readonly HostGroupId[];
  /** The products Apple lists the host for, sorted. */
  readonly products: readonly AppleProduct[];
  /** Queries that named the host or a name under it. */
  readonly queries: number;
  /** Distinct names queried under the host, up to a few, sorted. */
  readonly names: readonly string[];
}

/** Records in one hour, by attribution. */
export interface TimelineBucket {
  /** Unix seconds of the hour's start. */
  readonly start: number;
  /** Records that started in the hour, by attribution. */
  readonly records: Readonly<Record<AttributionClass, number>>;
}

/** Counts over every source. */
export interface FlowTotals {
  /** Flow records read. */
  readonly records: number;
  /** NODATA records: intervals with no traffic. */
  readonly nodata: number;
  /** SKIPDATA records: intervals whose records AWS could not capture. */
  readonly skipdata: number;
  /** Lines that could not be read. */
  readonly malformed: number;
  /** Records of interfaces other than the ones named. */
  readonly otherInterfaces: number;
  /** Records with no end in the local CIDRs. */
  readonly notLocal: number;
  /** Records by attribution. */
  readonly byClass: Readonly<Record<AttributionClass, number>>;
  /** Resolver queries read. */
  readonly queries: number;
  /** Resolver queries that named a host Apple lists. */
  readonly appleQueries: number;
}

/** The whole analysis. */
export interface FlowReport {
  /** The version of the report's JSON shape. */
  readonly schemaVersion: typeof FLOW_REPORT_SCHEMA_VERSION;
  /** Every source read, in the order given. */
  readonly sources: readonly SourceSummary[];
  /** Counts over every source. */
  readonly totals: FlowTotals;
  /** What the devices were told to be local. */
  readonly local: {
    /** The local CIDRs. */
    readonly cidrs: readonly string[];
    /** The local network interface ids. */
    readonly interfaces: readonly string[];
  };
  /** Every flow group, Apple first, then by records. */
  readonly groups: readonly FlowGroup[];
  /** Observed Apple ports, by direction, protocol and port. */
  readonly demands: readonly ObservedDemand[];
  /** Traffic no Apple service explains (apple-unmatched and other groups), most records first, up to a limit. */
  readonly unexplained: readonly FlowGroup[];
  /** How many unexplained groups the limit left out. */
  readonly unexplainedLeftOut: number;
  /** The suggested selection per direction, with `suggest`; absent otherwise. */
  readonly suggestion?: readonly DirectionSuggestion[];
  /** What replaying the flows against a candidate found, with `replay`; absent otherwise. */
  readonly replay?: ReplayReport;
  /** The alerts of the firewall logs mapped to the rule group's rules; absent without firewall logs. */
  readonly firewall?: FirewallReport;
  /** Apple hosts the Resolver logs show the devices asked for, most queries first. */
  readonly queriedHosts: readonly QueriedHost[];
  /** Records per hour, by attribution. */
  readonly timeline: readonly TimelineBucket[];
  /** The first malformed lines; `totals.malformed` counts them all. */
  readonly malformed: readonly MalformedLine[];
}
