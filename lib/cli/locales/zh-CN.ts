/** The command line's Simplified Chinese (zh-CN) text. */
import { zhCN as review } from '../../review/locales/zh-CN';
import type { CliLanguage } from './language';

/** The command line in Simplified Chinese. */
export const zhCN: CliLanguage = {
  review,
  status: { current: '在用', legacy: '已停用', retired: (date) => `已停用（${date}）`, linkLocal: '链路本地组播', localGateway: '仅发往本地网关' },
  products: { header: ['产品', 'English', '中文', '别名', '状态', '端口数'] },
  profiles: {
    header: ['预设', 'English', '中文', '方向', '产品', '默认开放端口数'],
    portsNote: '默认开放端口数：预设在默认设置下开放的端口，不含 --include-legacy 或 --include-link-local 才会保留的端口。',
  },
  lookup: {
    header: ['端口', '服务', '名称', '状态', '产品'],
    anyProtocol: (port) => `端口 ${port}`,
    heading: (asked) => `${asked} 上的 Apple 服务：`,
    none: (asked) => `目录中没有 Apple 服务使用 ${asked}。`,
    retiredProduct: (name, date) => `${name}（已于 ${date} 停用）`,
  },
  firewall: {
    title: 'AWS Network Firewall 规则组',
    fields: { products: '产品', profiles: '预设', hostGroups: '主机组', capacity: '容量', ruleOrder: '规则顺序', homeNet: 'HOME_NET' },
    capacityOnePerRule: (capacity) => `${capacity}（每条规则一个）`,
    capacityReserved: (capacity, required) => `${capacity}（${required} 条规则需要 ${required}）`,
    ruleOrder: (order) => `${order}（有状态，严格按顺序评估）`,
    homeNetUnset: '未设置：使用防火墙策略的 HOME_NET',
    rulesHeading: (count) => `规则（${count} 条）`,
    coveredIntro: '没有单独规则的主机：',
    covered: (host, kind, coveredBy) => `${host}：由 ${coveredBy} 的 ${kind === 'tls-sni' ? 'TLS SNI' : 'HTTP Host'} 规则匹配`,
    noticesHeading: (count) => `提示（${count} 条，英文原文）`,
    noNotices: '无。',
    limitationsHeading: '规则做不到的事',
    limitations: {
      quic: 'QUIC 和 HTTP/3 无法按名称匹配：Network Firewall 不识别 QUIC。Apple 列出的 QUIC 主机（iCloud 专用代理、关联域、轻点即付）没有名称规则。',
      'sni-required': 'HTTPS 按客户端在 TLS ClientHello 中发送的服务器名称 (SNI) 匹配。没有 SNI、使用加密 ClientHello (ECH) 或直接连接 IP 地址的连接无法匹配，会落到默认动作；SNI 只是客户端的声明，不能证明服务器身份。',
      'no-tls-interception': '使用 HTTPS 拦截（SSL 检查）的连接会导致 Apple 服务失败：不要用 TLS 检查配置解密这些主机。',
      'home-net': '规则只允许来自 $HOME_NET 的流量，默认是检查 VPC 的 CIDR；集中出站时，请把 --home-net（或防火墙策略的 HOME_NET）设为 Apple 设备所在 VPC 的 CIDR。',
      'default-action': '规则只放行流量。请在严格规则顺序、默认动作为丢弃（aws:drop_strict 或 aws:drop_established）的防火墙策略中使用，以阻止其他一切流量；TCP 握手规则让名称规则在 aws:drop_strict 下也能工作。',
      'unlisted-hosts': '只有 Apple 在文章 101555 中列出的主机会按名称放行。Apple 未列出主机的产品（地图、Apple Music、APNs 之外的 FaceTime 通话等）的 HTTP 和 HTTPS 流量会被阻止，除非你在自己的规则组中放行。',
    },
  },
  assembly: {
    title: 'Apple 网络策略',
    changesTitle: 'Apple 网络策略变更',
    construct: (path, type) => `${path}（${type}）`,
    noConstructs: (directory) => `云程序集 ${directory} 中没有 apple-ports 构造。`,
    added: '新增',
    removed: '删除',
    changed: '变更',
    unchanged: '未变',
    summary: (added, removed, changed, unchanged) => `构造：新增 ${added} 个，删除 ${removed} 个，变更 ${changed} 个，未变 ${unchanged} 个。`,
    fields: { stack: '堆栈', family: '地址族', maxEntries: '最大条目数', entries: '条目', capacity: '容量', rules: '规则', hostGroups: '主机组', hosts: '按名称放行的主机' },
    prefixListEntries: (count) => `条目（${count} 个）`,
    hostsAdded: '新增主机',
    hostsRemoved: '移除主机',
    entriesAdded: '新增条目',
    entriesRemoved: '移除条目',
    noPortRules: '没有端口规则：规则组只按名称放行主机。',
  },
};
