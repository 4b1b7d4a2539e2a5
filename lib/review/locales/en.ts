/** The review's English text. */
import type { ReviewLanguage } from './language';

/** The review in English: Apple's English names and the library's own words. */
export const en: ReviewLanguage = {
  listSeparator: ', ',
  fieldSeparator: ': ',
  withMeaning: (value, meaning) => `${value} (${meaning})`,
  none: 'none',
  yes: 'yes',
  no: 'no',
  title: 'Apple network policy review',
  fieldDirection: 'Direction',
  fieldProducts: 'Products',
  fieldProfiles: 'Profiles',
  fieldBudget: 'Rule budget',
  direction: { egress: 'egress', ingress: 'ingress' },
  directionMeaning: { egress: 'the Apple devices connect out', ingress: 'the Apple devices accept connections' },
  rulesHeading: (count) => `Rules (${count})`,
  ruleColumns: { direction: 'Direction', protocol: 'Protocol', ports: 'Ports', peer: 'Peer', why: 'Why' },
  noRules: 'No rules.',
  reason: (products, serviceId, serviceName, rfc) => `${products} → ${serviceId}: ${serviceName}${rfc}`,
  rfc: (rfc, appleRfc) => (rfc === null ? '' : appleRfc !== null && appleRfc !== rfc ? `, RFC ${rfc} (Apple cites RFC ${appleRfc})` : `, RFC ${rfc}`),
  extraRule: (description) => `your rule: ${description}`,
  widenedInRule: (maxRules, ranges, ports) => `widened to fit maxRules ${maxRules ?? '-'}: ${ranges} (${ports} ports no selected service needs)`,
  excludedHeading: (count) => `Left out (${count})`,
  excludedColumns: { service: 'Service', ports: 'Ports', products: 'Products', why: 'Why' },
  nothingExcluded: 'Nothing the selected products use was left out.',
  exclusion: {
    legacy: (retired) => `retired by Apple: ${retired}; set includeLegacy to keep it`,
    'link-local': () => 'link-local multicast, which never crosses a VPC; set includeLinkLocal to keep it',
    direction: () => 'the devices only use it outbound, so ingress rules would not serve it',
    user: () => 'left out by exclude',
  },
  retiredItem: (name, date) => `${name} on ${date}`,
  budgetHeading: 'Rule budget',
  noBudget: 'No rule budget (maxRules) is set: every rule opens only ports the selection needs.',
  budgetFits: (maxRules) => `maxRules ${maxRules} per address family: the rules fit without opening extra ports.`,
  budgetWidened: (maxRules, ports) =>
    `maxRules ${maxRules ?? '-'} per address family: ${ports} ports are opened beyond the selection, by closing the smallest gaps between rules.`,
  budgetColumns: { protocol: 'Protocol', ports: 'Ports', peer: 'Peer', count: 'Ports opened' },
  budgetField: (maxRules) => (maxRules === null ? 'none' : `maxRules ${maxRules} per address family`),
  quotasHeading: 'Rule counts against AWS quotas',
  quotaColumns: { count: 'Count', limit: 'Quota', within: 'Within quota' },
  securityGroupRules: (direction) => `Security-group ${direction} rules`,
  networkAclEntries: (outbound, purpose) =>
    `Network ACL ${outbound ? 'outbound' : 'inbound'} entries (${purpose === 'return' ? 'return traffic' : 'allows'} and ICMP for Path MTU Discovery), default deny included`,
  networkAclNotApplicable: 'Network ACLs: not applicable, because some rules go to security groups or prefix lists, which an ACL cannot hold.',
  hostsHeading: (count) => (count === null ? 'Hosts' : `Hosts (${count})`),
  hostColumns: { host: 'Host', ports: 'Ports', category: 'Category', products: 'Products', notes: 'Notes' },
  hostsIntro: (title, url) =>
    `Apple lists these hosts for the selection in "${title}" (${url}). Security groups and network ACLs filter addresses and ports, not names: allow the hosts in a proxy, a DNS firewall or an AWS Network Firewall rule group. Apple says of every host it lists:`,
  noHosts: (title, url) => `Apple lists no hosts for the selected products in "${title}" (${url}).`,
  hostsNotApplicable: "Not applicable: the devices reach Apple's hosts by connecting out, and this policy is for ingress.",
  productsWithoutHosts: (names) => `Apple lists no hosts for: ${names}.`,
  platformsOnly: (platforms) => `${platforms} only`,
  platformsExcept: (platforms) => `not ${platforms}`,
  platformsSelected: (platforms, leftOut) =>
    leftOut === 0
      ? `For ${platforms}: no host of the selection is limited to other systems.`
      : `For ${platforms}: ${leftOut} ${leftOut === 1 ? 'host' : 'hosts'} that Apple limits to other systems ${leftOut === 1 ? 'is' : 'are'} left out:`,
  portsNotOpened: (ports) => `no rule of this policy opens ${ports}`,
  hostsTitle: 'Apple hosts',
  fieldHostGroups: 'Host groups',
  hostCsvColumns: ['host', 'match', 'protocol', 'from_port', 'to_port', 'host_groups', 'products', 'platforms', 'notes'],
  notesHeading: 'Notes',
  noNotes: 'None.',
  csvColumns: ['kind', 'direction', 'protocol', 'from_port', 'to_port', 'peer', 'products', 'services', 'why'],
  notices: null,
  diff: {
    title: 'Apple network policy changes',
    productsAdded: 'Products added',
    productsRemoved: 'Products removed',
    profilesAdded: 'Profiles added',
    profilesRemoved: 'Profiles removed',
    summary: (openedPorts, openedRanges, closedPorts, closedRanges) => {
      const count = (ports: number, ranges: number) =>
        `${ports} ${ports === 1 ? 'port' : 'ports'} in ${ranges} ${ranges === 1 ? 'range' : 'ranges'}`;
      const opens = openedPorts === 0 ? 'Opens no ports' : `Opens ${count(openedPorts, openedRanges)}`;
      const closes = closedPorts === 0 ? 'closes none' : `closes ${count(closedPorts, closedRanges)}`;
      return `${opens}; ${closes}.`;
    },
    noChanges: 'No firewall changes: both policies open the same ports to the same peers.',
    kind: { added: 'added', removed: 'removed', widened: 'widened', narrowed: 'narrowed', changed: 'changed' },
    columns: { change: 'Change', direction: 'Direction', protocol: 'Protocol', ports: 'Ports', peer: 'Peer', why: 'Why' },
    opens: (ports) => `opens ${ports}`,
    closes: (ports) => `closes ${ports}`,
    budgetReason: (maxRules) => `widened to fit maxRules ${maxRules ?? '-'}`,
    extraReason: (descriptions) => `your rule: ${descriptions}`,
    cause: {
      deselected: 'no longer selected',
      legacy: 'now left out: retired by Apple',
      'link-local': 'now left out: link-local multicast',
      direction: 'now left out: outbound only',
      user: 'now left out by exclude',
    },
    to: 'to',
    from: 'from',
  },
  dnsFirewall: {
    title: 'Apple DNS Firewall rule group',
    fieldWalledGarden: 'Every other name blocked',
    rulesHeading: (count) => `Rules (${count})`,
    columns: { priority: 'Priority', action: 'Action', domains: 'Domains' },
    allow: (trusted) => (trusted ? 'ALLOW (CNAME chain trusted)' : 'ALLOW'),
    block: (response) => `BLOCK (${response})`,
    appleHosts: (count) => `Apple's ${count} hosts, listed below`,
  },
};
