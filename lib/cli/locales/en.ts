/** The command line's English text. */
import { en as review } from '../../review/locales/en';
import type { CliLanguage } from './language';

/** The command line in English. */
export const en: CliLanguage = {
  review,
  status: { current: 'current', legacy: 'legacy', retired: (date) => `legacy (retired ${date})`, linkLocal: 'link-local multicast', localGateway: 'local gateway only' },
  products: { header: ['Product', 'English', '中文', 'Aliases', 'Status', 'Ports'] },
  profiles: {
    header: ['Profile', 'English', '中文', 'Direction', 'Products', 'Ports opened'],
    portsNote: 'Ports opened: what the profile opens by default, without --include-legacy or --include-link-local.',
  },
  lookup: {
    header: ['Ports', 'Service', 'Name', 'Status', 'Products'],
    anyProtocol: (port) => `port ${port}`,
    heading: (asked) => `Apple services using ${asked}:`,
    none: (asked) => `No Apple service in the catalogue uses ${asked}.`,
    retiredProduct: (name, date) => `${name} (retired ${date})`,
  },
  firewall: {
    title: 'AWS Network Firewall rule group',
    fields: { products: 'Products', profiles: 'Profiles', hostGroups: 'Host groups', capacity: 'Capacity', ruleOrder: 'Rule order', homeNet: 'HOME_NET' },
    capacityOnePerRule: (capacity) => `${capacity} (one per rule)`,
    capacityReserved: (capacity, required) => `${capacity} (the ${required} rules need ${required})`,
    ruleOrder: (order) => `${order} (stateful, strict evaluation order)`,
    homeNetUnset: "not set: the firewall policy's HOME_NET applies",
    rulesHeading: (count) => `Rules (${count})`,
    coveredIntro: 'Hosts without a rule of their own:',
    covered: (host, kind, coveredBy) => `${host}: matched by the ${kind === 'tls-sni' ? 'TLS SNI' : 'HTTP Host'} rule for ${coveredBy}`,
    noticesHeading: (count) => `Notices (${count})`,
    noNotices: 'None.',
    limitationsHeading: 'What the rules cannot do',
    limitations: null,
  },
  assembly: {
    title: 'Apple network policies',
    changesTitle: 'Apple network policy changes',
    construct: (path, type) => `${path} (${type})`,
    noConstructs: (directory) => `No apple-ports construct in the cloud assembly ${directory}.`,
    added: 'added',
    removed: 'removed',
    changed: 'changed',
    unchanged: 'unchanged',
    summary: (added, removed, changed, unchanged) => `Constructs: ${added} added, ${removed} removed, ${changed} changed, ${unchanged} unchanged.`,
    fields: { stack: 'Stack', family: 'Address family', maxEntries: 'Max entries', entries: 'Entries', capacity: 'Capacity', rules: 'Rules', hostGroups: 'Host groups', hosts: 'Hosts allowed by name' },
    prefixListEntries: (count) => `Entries (${count})`,
    hostsAdded: 'Hosts added',
    hostsRemoved: 'Hosts removed',
    entriesAdded: 'Entries added',
    entriesRemoved: 'Entries removed',
    noPortRules: 'No port rules: the rule group allows hosts by name only.',
  },
};
