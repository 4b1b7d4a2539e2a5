/**
 * The shape of everything the commands print besides the review documents (which speak
 * `ReviewLanguage`): headings, columns and statuses of the listings, the Network Firewall summary
 * and the cloud-assembly review. Each language fills it in a file of its own (`en.ts`, `zh-CN.ts`),
 * so a translation that misses a word does not compile. Ids, codes and flags stay as they are.
 */
import type { FirewallLimitation } from '../../core';
import type { ReviewLanguage } from '../../review/locales';

/** A service's or product's status as a listing shows it. */
export interface StatusWords {
  readonly current: string;
  readonly legacy: string;
  readonly retired: (date: string) => string;
  readonly linkLocal: string;
  /** Sent to the device's own gateway only (NAT-PMP requests). */
  readonly localGateway: string;
}

/** The command line's words in one language. */
export interface CliLanguage {
  /** The review's words, which the listings share (separators, none, directions). */
  readonly review: ReviewLanguage;
  readonly status: StatusWords;
  readonly products: { readonly header: readonly string[] };
  readonly profiles: {
    readonly header: readonly string[];
    /** Says what the port count counts. */
    readonly portsNote: string;
  };
  readonly lookup: {
    readonly header: readonly string[];
    /** "port 5223", when no protocol was asked for. */
    readonly anyProtocol: (port: number) => string;
    readonly heading: (asked: string) => string;
    readonly none: (asked: string) => string;
    /** A product Apple has retired, in the products column. */
    readonly retiredProduct: (name: string, date: string) => string;
  };
  readonly firewall: {
    readonly title: string;
    readonly fields: { readonly products: string; readonly profiles: string; readonly hostGroups: string; readonly capacity: string; readonly ruleOrder: string; readonly homeNet: string };
    readonly capacityOnePerRule: (capacity: number) => string;
    readonly capacityReserved: (capacity: number, required: number) => string;
    readonly ruleOrder: (order: string) => string;
    readonly homeNetUnset: string;
    readonly rulesHeading: (count: number) => string;
    readonly coveredIntro: string;
    readonly covered: (host: string, kind: 'tls-sni' | 'http-host', coveredBy: string) => string;
    readonly noticesHeading: (count: number) => string;
    readonly noNotices: string;
    readonly limitationsHeading: string;
    /** Translations of the core's limitations by code; `null` where its English summaries serve. */
    readonly limitations: Readonly<Record<FirewallLimitation['code'], string>> | null;
  };
  readonly assembly: {
    readonly title: string;
    readonly changesTitle: string;
    /** "AppleVdi/VdiDesktops (AppleServicesEgress)". */
    readonly construct: (path: string, type: string) => string;
    readonly noConstructs: (directory: string) => string;
    readonly added: string;
    readonly removed: string;
    readonly changed: string;
    readonly unchanged: string;
    readonly summary: (added: number, removed: number, changed: number, unchanged: number) => string;
    readonly fields: { readonly stack: string; readonly family: string; readonly maxEntries: string; readonly entries: string; readonly capacity: string; readonly rules: string; readonly hostGroups: string; readonly hosts: string };
    readonly prefixListEntries: (count: number) => string;
    readonly hostsAdded: string;
    readonly hostsRemoved: string;
    readonly entriesAdded: string;
    readonly entriesRemoved: string;
    readonly noPortRules: string;
  };
}
