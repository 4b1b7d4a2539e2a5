/**
 * The vocabulary of the flow report (`apple-ports flows`), one file per language beside this one;
 * `index.ts` looks them up by locale.
 * Ids, codes, port numbers and field names stay as they are in every language, because a reader
 * searches logs and code for them.
 */
import type { Direction } from '../../core/catalogue';
import type { AddressEvidence, AttributionClass, UncoveredReason } from '../../core/flows';

/** Every word the flow report prints, in one language. */
export interface FlowReportLanguage {
  readonly listSeparator: string;
  readonly fieldSeparator: string;
  readonly none: string;
  /** After the first few names of a long list. */
  readonly more: (count: number) => string;
  readonly title: string;
  readonly fieldSources: string;
  readonly sourcesValue: (sources: number, records: number, nodata: number, skipdata: number, malformed: number) => string;
  readonly fieldLocal: string;
  readonly localValue: (cidrs: string, interfaces: string) => string;
  readonly localDefault: string;
  readonly fieldRecords: string;
  readonly classCounts: (counts: Readonly<Record<AttributionClass, number>>) => string;
  readonly fieldSkipped: string;
  readonly skippedValue: (otherInterfaces: number, notLocal: number) => string;
  readonly fieldQueries: string;
  readonly queriesValue: (queries: number, apple: number) => string;
  readonly className: Record<AttributionClass, string>;
  readonly evidenceName: Record<AddressEvidence, string>;
  readonly direction: Record<Direction, string>;
  readonly demandsHeading: (count: number) => string;
  readonly noDemands: string;
  readonly demandColumns: {
    readonly direction: string;
    readonly protocol: string;
    readonly port: string;
    readonly records: string;
    readonly accepted: string;
    readonly rejected: string;
    readonly evidence: string;
    readonly hosts: string;
    readonly products: string;
  };
  readonly suggestionHeading: (direction: Direction) => string;
  readonly fieldProducts: string;
  readonly fieldOpens: string;
  readonly opensValue: (ports: string, extra: number) => string;
  readonly fieldProfile: string;
  readonly profileValue: (profile: string, extra: number, optimal: boolean) => string;
  readonly noProfile: string;
  readonly justificationColumns: { readonly product: string; readonly ports: string; readonly records: string; readonly alternatives: string };
  readonly uncoveredIntro: string;
  readonly uncoveredReason: Record<UncoveredReason, string>;
  readonly searchNote: (nodes: number) => string;
  readonly unexplainedHeading: (count: number) => string;
  readonly noUnexplained: string;
  readonly unexplainedColumns: { readonly class: string; readonly direction: string; readonly protocol: string; readonly port: string; readonly records: string; readonly addresses: string; readonly sample: string };
  readonly unexplainedLeftOut: (count: number) => string;
  readonly replayHeading: (policy: string) => string;
  readonly replaySummary: (rules: number, wouldBlock: number, wouldAllow: number, unknown: number, unchanged: number) => string;
  readonly wouldBlockHeading: string;
  readonly wouldAllowHeading: string;
  readonly unknownHeading: string;
  readonly replayColumns: { readonly direction: string; readonly protocol: string; readonly port: string; readonly products: string; readonly records: string; readonly addresses: string; readonly sample: string };
  readonly nothing: string;
  readonly firewallHeading: (alerts: number) => string;
  readonly firewallColumns: { readonly sid: string; readonly kind: string; readonly products: string; readonly hosts: string; readonly alerts: string; readonly actions: string };
  readonly unknownSignatures: (sids: string) => string;
  readonly hostsHeading: (count: number) => string;
  readonly hostColumns: { readonly host: string; readonly queries: string; readonly products: string; readonly names: string };
  readonly malformedHeading: (count: number) => string;
  readonly malformedLeftOut: (count: number) => string;
  readonly chartProducts: string;
  readonly chartTimeline: string;
  readonly csvColumns: readonly string[];
}
