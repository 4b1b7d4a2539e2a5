/**
 * Every word the review and the diff print, in the catalogue's two languages. Ids, codes, port
 * numbers and setting names (`includeLegacy`, `maxRules`) stay as they are in both, because a
 * reviewer searches the code for them.
 */
import type { Direction, Locale } from '../../core/catalogue';
import type { ExclusionReason } from '../../core/policy';
import { AMAZON_TIME_SYNC_ADDRESS } from '../../core/aws';

/** The review's vocabulary in one language. */
export interface ReviewLanguage {
  /** Separator for lists of names. */
  readonly listSeparator: string;
  /** Between a field's label and its value. */
  readonly fieldSeparator: string;
  /** A value followed by what it means, in parentheses. */
  readonly withMeaning: (value: string, meaning: string) => string;
  readonly none: string;
  readonly yes: string;
  readonly no: string;
  readonly title: string;
  readonly fieldDirection: string;
  readonly fieldProducts: string;
  readonly fieldProfiles: string;
  readonly fieldBudget: string;
  readonly direction: Record<Direction, string>;
  readonly directionMeaning: Record<Direction, string>;
  readonly rulesHeading: (count: number) => string;
  readonly ruleColumns: {
    readonly direction: string;
    readonly protocol: string;
    readonly ports: string;
    readonly peer: string;
    readonly why: string;
  };
  readonly noRules: string;
  /** "products → service: Apple's name, RFC" for one reason of a rule. */
  readonly reason: (products: string, serviceId: string, serviceName: string, rfc: string) => string;
  readonly rfc: (rfc: number | null, appleRfc: number | null) => string;
  readonly extraRule: (description: string) => string;
  readonly widenedInRule: (maxRules: number | null, ranges: string, ports: number) => string;
  readonly excludedHeading: (count: number) => string;
  readonly excludedColumns: { readonly service: string; readonly ports: string; readonly products: string; readonly why: string };
  readonly nothingExcluded: string;
  readonly exclusion: Record<ExclusionReason, (retired: string) => string>;
  readonly retiredItem: (name: string, date: string) => string;
  readonly budgetHeading: string;
  readonly noBudget: string;
  readonly budgetFits: (maxRules: number) => string;
  readonly budgetWidened: (maxRules: number | null, ports: number) => string;
  readonly budgetColumns: { readonly protocol: string; readonly ports: string; readonly peer: string; readonly count: string };
  readonly budgetField: (maxRules: number | null) => string;
  readonly quotasHeading: string;
  readonly quotaColumns: { readonly count: string; readonly limit: string; readonly within: string };
  readonly securityGroupRules: (direction: Direction) => string;
  readonly networkAclEntries: (outbound: boolean, purpose: 'allow' | 'return') => string;
  readonly networkAclNotApplicable: string;
  readonly hostsHeading: (count: number | null) => string;
  readonly hostColumns: { readonly host: string; readonly ports: string; readonly category: string; readonly products: string; readonly notes: string };
  /** What the hosts are and why security groups cannot hold them; Apple's statements follow. */
  readonly hostsIntro: (title: string, url: string) => string;
  readonly noHosts: (title: string, url: string) => string;
  readonly hostsNotApplicable: string;
  readonly productsWithoutHosts: (names: string) => string;
  readonly platformsOnly: (platforms: string) => string;
  readonly portsNotOpened: (ports: string) => string;
  /** The title of the `apple-ports hosts` document. */
  readonly hostsTitle: string;
  readonly fieldHostGroups: string;
  /** Columns of the `apple-ports hosts` CSV: one record per host and port. */
  readonly hostCsvColumns: readonly string[];
  readonly notesHeading: string;
  readonly noNotes: string;
  readonly csvColumns: readonly string[];
  /** Translations of the resolver's notices; `null` where the resolver's English messages serve. */
  readonly notices: NoticeTranslations | null;
  readonly diff: DiffLanguage;
}

/** The resolver's notices in another language, built from the notices' data. */
export interface NoticeTranslations {
  readonly excluded: Record<ExclusionReason, string>;
  /** Retired products left out, with their retirement dates. */
  readonly retiredProducts: (products: string) => string;
  readonly widened: (ports: number, maxRules: number | null, ranges: string) => string;
  readonly amazonDns: string;
  readonly amazonTimeSync: string;
  readonly openIngress: (peers: string) => string;
  readonly ipv6Unused: string;
  /** `'apple-network'` narrowed some services; the others still go to these peers. */
  readonly appleNetworkPartial: (narrowed: string, services: string, peers: string) => string;
  readonly prefixListSizeUnknown: (ids: string) => string;
  readonly quicClosed: (hosts: string, port: string) => string;
}

/** The diff's vocabulary in one language. */
export interface DiffLanguage {
  readonly title: string;
  readonly productsAdded: string;
  readonly productsRemoved: string;
  readonly profilesAdded: string;
  readonly profilesRemoved: string;
  readonly summary: (openedPorts: number, openedRanges: number, closedPorts: number, closedRanges: number) => string;
  readonly noChanges: string;
  readonly kind: Record<'added' | 'removed' | 'widened' | 'narrowed' | 'changed', string>;
  readonly columns: { readonly change: string; readonly direction: string; readonly protocol: string; readonly ports: string; readonly peer: string; readonly why: string };
  readonly opens: (ports: string) => string;
  readonly closes: (ports: string) => string;
  readonly budgetReason: (maxRules: number | null) => string;
  readonly extraReason: (descriptions: string) => string;
  readonly cause: Record<'deselected' | ExclusionReason, string>;
  readonly to: string;
  /** Before the peer of an ingress change. */
  readonly from: string;
}

const en: ReviewLanguage = {
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
};

const zhCN: ReviewLanguage = {
  listSeparator: '、',
  fieldSeparator: '：',
  withMeaning: (value, meaning) => `${value}（${meaning}）`,
  none: '无',
  yes: '是',
  no: '否',
  title: 'Apple 网络策略审查',
  fieldDirection: '方向',
  fieldProducts: '产品',
  fieldProfiles: '预设',
  fieldBudget: '规则预算',
  direction: { egress: '出站', ingress: '入站' },
  directionMeaning: { egress: 'Apple 设备主动向外连接', ingress: 'Apple 设备接受外部连接' },
  rulesHeading: (count) => `规则（${count} 条）`,
  ruleColumns: { direction: '方向', protocol: '协议', ports: '端口', peer: '对端', why: '原因' },
  noRules: '没有规则。',
  reason: (products, serviceId, serviceName, rfc) => `${products} → ${serviceId}：${serviceName}${rfc}`,
  rfc: (rfc, appleRfc) => (rfc === null ? '' : appleRfc !== null && appleRfc !== rfc ? `，RFC ${rfc}（Apple 文中为 RFC ${appleRfc}）` : `，RFC ${rfc}`),
  extraRule: (description) => `自定义规则：${description}`,
  widenedInRule: (maxRules, ranges, ports) => `为满足 maxRules ${maxRules ?? '-'} 而放宽：${ranges}（${ports} 个端口不是所选服务需要的）`,
  excludedHeading: (count) => `未纳入的服务（${count} 项）`,
  excludedColumns: { service: '服务', ports: '端口', products: '产品', why: '原因' },
  nothingExcluded: '所选产品使用的服务均已纳入。',
  exclusion: {
    legacy: (retired) => `Apple 已停用：${retired}；设置 includeLegacy 可保留`,
    'link-local': () => '链路本地组播，不会跨越 VPC；设置 includeLinkLocal 可保留',
    direction: () => '设备只会主动向外使用此服务，入站规则用不到',
    user: () => '已通过 exclude 排除',
  },
  retiredItem: (name, date) => `${name}（${date}）`,
  budgetHeading: '规则预算',
  noBudget: '未设置规则预算 (maxRules)：每条规则只开放所选产品需要的端口。',
  budgetFits: (maxRules) => `每个地址族 maxRules ${maxRules} 条：无需额外开放端口即可满足。`,
  budgetWidened: (maxRules, ports) => `每个地址族 maxRules ${maxRules ?? '-'} 条：通过合并间隙最小的相邻规则，额外开放了 ${ports} 个端口。`,
  budgetColumns: { protocol: '协议', ports: '端口', peer: '对端', count: '额外开放端口数' },
  budgetField: (maxRules) => (maxRules === null ? '未设置' : `每个地址族 maxRules ${maxRules} 条`),
  quotasHeading: '规则数与 AWS 配额',
  quotaColumns: { count: '计数', limit: '配额', within: '未超出配额' },
  securityGroupRules: (direction) => `安全组${direction === 'egress' ? '出站' : '入站'}规则`,
  networkAclEntries: (outbound, purpose) => `网络 ACL ${outbound ? '出站' : '入站'}条目（${purpose === 'return' ? '回程流量' : '放行规则'}及路径 MTU 发现所需的 ICMP），含默认拒绝`,
  networkAclNotApplicable: '网络 ACL：不适用，因为部分规则的对端是安全组或前缀列表，ACL 无法容纳。',
  hostsHeading: (count) => (count === null ? '主机' : `主机（${count} 个）`),
  hostColumns: { host: '主机', ports: '端口', category: '类别', products: '产品', notes: '说明' },
  hostsIntro: (title, url) =>
    `Apple 在“${title}”(${url}) 中为所选内容列出了以下主机。安全组和网络 ACL 只按地址和端口过滤，无法按主机名过滤：请在代理、DNS 防火墙或 AWS Network Firewall 规则组中放行这些主机。Apple 对其列出的所有主机说明如下（英文原文）：`,
  noHosts: (title, url) => `Apple 在“${title}”(${url}) 中没有为所选产品列出主机。`,
  hostsNotApplicable: '不适用：设备主动向外连接 Apple 的主机，而本策略针对入站流量。',
  productsWithoutHosts: (names) => `Apple 未列出以下产品的主机：${names}。`,
  platformsOnly: (platforms) => `仅限 ${platforms}`,
  portsNotOpened: (ports) => `本策略没有规则开放 ${ports}`,
  hostsTitle: 'Apple 主机',
  fieldHostGroups: '主机组',
  hostCsvColumns: ['主机', '匹配', '协议', '起始端口', '结束端口', '主机组', '产品', '平台', '说明'],
  notesHeading: '备注',
  noNotes: '无。',
  csvColumns: ['类型', '方向', '协议', '起始端口', '结束端口', '对端', '产品', '服务', '原因'],
  notices: {
    excluded: {
      legacy: '未纳入 Apple 已停用的服务（设置 includeLegacy 可保留）',
      'link-local': '未纳入链路本地组播，它不会跨越 VPC（设置 includeLinkLocal 可保留）',
      direction: '未纳入设备只会主动向外使用的服务，入站规则用不到',
      user: '已通过 exclude 排除',
    },
    retiredProducts: (products) => `未纳入 Apple 已停用的产品（设置 includeLegacy 可保留）：${products}。`,
    widened: (ports, maxRules, ranges) => `为满足每个地址族 maxRules ${maxRules ?? '-'} 条的预算，额外开放了 ${ports} 个端口：${ranges}。`,
    amazonDns:
      '发往 Amazon 提供的 DNS 解析器（VPC 基址加二，以及 169.254.169.253）的 DNS 流量从不受安全组或网络 ACL 过滤；DNS 规则只对其他解析器有意义。',
    amazonTimeSync: `Amazon Time Sync Service (${AMAZON_TIME_SYNC_ADDRESS}) 从不受安全组或网络 ACL 过滤；NTP 规则只对 time.apple.com 等其他时间服务器有意义。`,
    openIngress: (peers) => `入站对整个互联网开放（${peers}）。请改为指定管理员 CIDR、堡垒机安全组或前缀列表。`,
    ipv6Unused: "已设置 ipv6，但没有规则指向 IPv6 对端：它只为 'anywhere' 加上 ::/0、为 'apple-network' 加上 Apple 的 IPv6 子网，而这里两者都不是目的地。请指定 IPv6 CIDR 以允许 IPv6。",
    appleNetworkPartial: (narrowed, services, peers) =>
      `'apple-network' 只把仅与 Apple 通信的服务（${narrowed}）收窄到 Apple 的网络；${services} 仍然发往 ${peers}。请为它们指定更窄的目的地，或按主机名放行（DNS 防火墙、代理或 Network Firewall 规则组）。`,
    prefixListSizeUnknown: (ids) =>
      `前缀列表 ${ids} 的大小未知，因此每条指向它的规则按一条计算；但 AWS 按客户托管列表的最大条目数、AWS 托管列表的权重计算，部署时可能拒绝这些规则（RulesPerSecurityGroupLimitExceeded）。请随 id 给出大小：{ kind: 'prefix-list', id, maxEntries }。`,
    quicClosed: (hosts, port) => `Apple 为 ${hosts} 列出了 ${port}（QUIC、HTTP/3），但没有规则开放它：这些连接会尽可能退回 TCP，iCloud 专用代理将无法工作。如设备需要，请为 ${port} 添加自定义规则。`,
  },
  diff: {
    title: 'Apple 网络策略变更',
    productsAdded: '新增产品',
    productsRemoved: '移除产品',
    profilesAdded: '新增预设',
    profilesRemoved: '移除预设',
    summary: (openedPorts, openedRanges, closedPorts, closedRanges) => {
      const opens = openedPorts === 0 ? '不开放新端口' : `开放 ${openedPorts} 个端口（${openedRanges} 个范围）`;
      const closes = closedPorts === 0 ? '不关闭端口' : `关闭 ${closedPorts} 个端口（${closedRanges} 个范围）`;
      return `${opens}；${closes}。`;
    },
    noChanges: '防火墙没有变化：两个策略向相同的对端开放相同的端口。',
    kind: { added: '新增', removed: '删除', widened: '放宽', narrowed: '收窄', changed: '变更' },
    columns: { change: '变更', direction: '方向', protocol: '协议', ports: '端口', peer: '对端', why: '原因' },
    opens: (ports) => `开放 ${ports}`,
    closes: (ports) => `关闭 ${ports}`,
    budgetReason: (maxRules) => `为满足 maxRules ${maxRules ?? '-'} 而放宽`,
    extraReason: (descriptions) => `自定义规则：${descriptions}`,
    cause: {
      deselected: '不再选择',
      legacy: '现未纳入：Apple 已停用',
      'link-local': '现未纳入：链路本地组播',
      direction: '现未纳入：仅出站使用',
      user: '现已通过 exclude 排除',
    },
    to: '至',
    from: '来自',
  },
};

const LANGUAGES: Record<Locale, ReviewLanguage> = { en, 'zh-CN': zhCN };

/** The vocabulary for a locale. */
export function reviewLanguage(locale: Locale): ReviewLanguage {
  const language = LANGUAGES[locale];
  if (!language) {
    throw new Error(`Unknown locale '${String(locale)}'. Use 'en' or 'zh-CN'.`);
  }
  return language;
}
