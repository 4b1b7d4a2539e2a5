/**
 * The shape of `data/catalogue.json`. `data/catalogue.schema.json` states the same contract for
 * the data tests and for editors; these interfaces state it for the compiler.
 */
import type { PortRange, ProtocolPortRange } from '../ports';
import type { AppleProduct, HostGroupId, NetworkId, ProfileId, ServiceId } from './ids.generated';

/** Which way the Apple devices' traffic flows through the firewall. */
export type Direction = 'egress' | 'ingress';

/** Text in the two languages the catalogue carries: Apple's English article and its zh-CN copy. */
export interface LocalizedText {
  /** The English text, as Apple's English article writes it. */
  readonly en: string;
  /** The Simplified Chinese text, as Apple's zh-CN article writes it. */
  readonly 'zh-CN': string;
}

/** The languages the catalogue, the review and the CLI speak. */
export type Locale = keyof LocalizedText;

/** Whether Apple still runs what an entry describes. */
export type Status = 'current' | 'legacy';

/** When and why a service or product was retired, with the source that says so. */
export interface Retirement {
  /** ISO date (YYYY-MM-DD) from which Apple no longer supports it. */
  readonly date: string;
  /** Why it was retired, in a sentence. */
  readonly reason: string;
  /** Where Apple (or the registry) says so (URLs). */
  readonly sources: readonly string[];
}

/**
 * How the traffic travels: `routed` unicast that can cross a VPC; `link-local-multicast` (Bonjour
 * mDNS, SSDP, NAT-PMP announcements) that never leaves the local link; or `local-gateway`, unicast
 * to the device's own default gateway (NAT-PMP requests), which in a VPC is the VPC router.
 */
export type Reach = 'routed' | 'link-local-multicast' | 'local-gateway';

/**
 * Who opens the connection: `device` (the Apple device connects out only) or `both` (a Mac
 * also hosts the service, so inbound connections are real too).
 */
export type Initiator = 'device' | 'both';

/** Where the traffic goes, when Apple's documentation says. */
export type DestinationHint = 'apple-network' | 'carrier' | 'local-peers' | 'anywhere';

/** RFC numbers for a service: the one Apple's table prints and the current one where it moved on. */
export interface RfcReference {
  /** The RFC in Apple's table; `null` where the table prints none. */
  readonly apple: number | null;
  /** The RFC in force today, when Apple's is obsolete or missing. */
  readonly current?: number;
}

/** One row of Apple's port table. */
export interface ServiceEntry {
  /** Stable kebab-case id of the row (`apns`, `facetime-rtp`), used by products and `exclude`. */
  readonly id: ServiceId;
  /** The ports and protocols of the row, one range each. */
  readonly ports: readonly ProtocolPortRange[];
  /** Apple's "service or protocol name"; `null` where Apple's table prints "—". */
  readonly name: LocalizedText | null;
  /** Short English label for rule descriptions (AWS's description character set only). */
  readonly label: string;
  /** The RFC Apple's table names and the current one where it moved on. */
  readonly rfc: RfcReference;
  /** Service name in the IANA registry for these ports; `null` where unassigned. */
  readonly ianaName: string | null;
  /** The service name Apple's table prints, kept where it differs from IANA's. */
  readonly appleServiceName?: string;
  /** Whether Apple still uses the service (`legacy` ones are left out unless `includeLegacy`). */
  readonly status: Status;
  /** When and why Apple retired the service; present only when `status` is `legacy`. */
  readonly retired?: Retirement;
  /** How the traffic travels: routed, link-local multicast or to the local gateway. */
  readonly reach: Reach;
  /** Who opens the connection: the device only, or either side. */
  readonly initiator: Initiator;
  /** Where the traffic goes, as far as Apple's documentation says. */
  readonly destination: DestinationHint;
  /** The narrowest network Apple publishes for this service, for `destination: 'apple-network'`. */
  readonly network?: NetworkId;
  /** Why the entry says what it says, where the table alone does not. */
  readonly notes?: string;
  /** Where the entry's facts come from (URLs). */
  readonly sources: readonly string[];
}

/** One product's use of one service, with Apple's wording from the "used by" column. */
export interface ProductUse {
  /** The id of the service the product uses. */
  readonly service: ServiceId;
  /** Apple's "used by" entries for this row that name this product; empty where the row has none. */
  readonly usedBy: readonly LocalizedText[];
  /** Why the product needs the service, where Apple's row does not name it. */
  readonly note?: string;
}

/** The user-facing vocabulary: an Apple product, feature or protocol that needs network access. */
export interface ProductEntry {
  /** The product's id, as selections write it (`FaceTime`, `iCloud`). */
  readonly id: AppleProduct;
  /** The product's name in English and Chinese, as Apple writes it. */
  readonly name: LocalizedText;
  /** Other names accepted for the product (matched case-insensitively). */
  readonly aliases: readonly string[];
  /** Whether Apple still offers the product. */
  readonly status: Status;
  /** When and why Apple retired the product; present only when `status` is `legacy`. */
  readonly retired?: Retirement;
  /** The services (rows of Apple's table) the product needs. */
  readonly uses: readonly ProductUse[];
  /** The hosts Apple lists for the product on enterprise networks, by host group; absent where it lists none. */
  readonly hostGroups?: readonly ProductHostGroupUse[];
  /** Where the entry's facts come from (URLs). */
  readonly sources: readonly string[];
}

/** A named bundle of products for a real deployment. */
export interface ProfileEntry {
  /** The profile's id, as selections write it (`managed-mac`). */
  readonly id: ProfileId;
  /** The profile's name in English and Chinese. */
  readonly name: LocalizedText;
  /** What deployment the bundle is for, in a sentence. */
  readonly description: string;
  /** The direction the bundle is meant for. */
  readonly direction: Direction;
  /** The products the bundle selects. */
  readonly products: readonly AppleProduct[];
}

/** Address ranges Apple publishes for its own endpoints. */
export interface NetworkEntry {
  /** The network's id (`apple`, `apns`), as `appleNetworkPrefixList({ scope })` takes it. */
  readonly id: NetworkId;
  /** What the range is, in English. */
  readonly name: string;
  /** The network's IPv4 CIDRs. */
  readonly ipv4: readonly string[];
  /** The network's IPv6 CIDRs; empty where Apple publishes none. */
  readonly ipv6: readonly string[];
  /** Where Apple publishes the ranges (URLs). */
  readonly sources: readonly string[];
}

/** A client's ephemeral source-port range: where stateless NACLs must let return traffic in. */
export interface EphemeralPortRange extends PortRange {
  /** Whose range it is: an AWS NAT gateway's or macOS's own. */
  readonly id: 'aws-nat-gateway' | 'macos';
  /** What uses the range, in a sentence. */
  readonly description: string;
  /** Where the range is documented (URLs). */
  readonly sources: readonly string[];
}

/** Where the catalogue's facts come from. */
export interface CatalogueSource {
  /** The article's English title. */
  readonly title: string;
  /** Apple's article number (`103229`). */
  readonly article: string;
  /** The article's addresses, in English and Chinese. */
  readonly urls: readonly string[];
}

/** A system Apple names when it limits a host to some devices. */
export type Platform = 'iOS' | 'iPadOS' | 'macOS' | 'tvOS' | 'visionOS' | 'watchOS';

/** One host of Apple's enterprise-network article: a name, or `*.` and a domain for its subdomains. */
export interface HostEntry {
  /** Lower-case host name, or a leading `*.` wildcard (`*.push.apple.com`) for every subdomain. */
  readonly host: string;
  /** The ports and protocols the article lists for the host, one range per port. */
  readonly ports: readonly ProtocolPortRange[];
  /** The systems the article limits the host to; absent for all. */
  readonly platforms?: readonly Platform[];
  /** What the host is for, as the article describes it. */
  readonly description?: string;
  /** What the catalogue adds to the article's entry, where it needs saying. */
  readonly notes?: string;
}

/** One category of Apple's enterprise-network article ("Software updates", "iCloud"…). */
export interface HostGroupEntry {
  /** The group's id, as `hostGroups` selections write it. */
  readonly id: HostGroupId;
  /** The article's heading for the category, verbatim. */
  readonly category: string;
  /** Ids the group had before the article's categories were split; selecting one is an error naming its successors. */
  readonly formerIds?: readonly string[];
  /** Groups whose hosts the category lists again without ports of its own. */
  readonly includes?: readonly HostGroupId[];
  /** The address range Apple publishes for these hosts. */
  readonly network?: NetworkId;
  /** The hosts the article lists under the heading. */
  readonly hosts: readonly HostEntry[];
  /** What the catalogue adds to the article's category, where it needs saying. */
  readonly notes?: string;
  /** Where the hosts come from (URLs of the article's versions). */
  readonly sources: readonly string[];
}

/** A product's reference to a host group: the whole group (and what it includes), or some of its hosts. */
export interface ProductHostGroupUse {
  /** The id of the host group. */
  readonly group: HostGroupId;
  /** Only these hosts of the group; absent for the whole group. */
  readonly hosts?: readonly string[];
}

/** Apple's enterprise-network article, and the statements it makes of every host it lists. */
export interface HostSource {
  /** The article's English title. */
  readonly title: string;
  /** Apple's article number (`101555`). */
  readonly article: string;
  /** The article's addresses. */
  readonly urls: readonly string[];
  /** Apple's own words, quoted: connections are device-initiated; HTTPS interception breaks them. */
  readonly statements: readonly string[];
}

/** The whole catalogue file. */
export interface Catalogue {
  /**
   * The catalogue's own version, `YYYYMMDDNN` (the release date and the number of the release that
   * day, from `00`), independent of the package version. `data/changes.json` says what each changed.
   */
  readonly version: string;
  /** The date (YYYY-MM-DD) of this catalogue version. */
  readonly date: string;
  /** Apple's port article the services come from. */
  readonly source: CatalogueSource;
  /** Every row of Apple's port table, sorted by id. */
  readonly services: readonly ServiceEntry[];
  /** Every product, sorted by id. */
  readonly products: readonly ProductEntry[];
  /** The named bundles of products, sorted by id. */
  readonly profiles: readonly ProfileEntry[];
  /** The address ranges Apple publishes for its endpoints. */
  readonly networks: readonly NetworkEntry[];
  /** Client source-port ranges that stateless network ACLs must let return traffic reach. */
  readonly ephemeralPorts: readonly EphemeralPortRange[];
  /** Apple's enterprise-network article the host groups come from. */
  readonly hostSource: HostSource;
  /** The article's categories of hosts, sorted by id. */
  readonly hostGroups: readonly HostGroupEntry[];
}
