/**
 * The review of a DNS Firewall rule group: its rules in priority order, what they block, and the
 * names they allow — the same hosts section the policy review and `apple-ports hosts` print, from
 * the same catalogue — so a reviewer reads one selection the same way at every enforcement point.
 */
import { getHostGroup, getProduct, getProfile, type Locale } from '../core/catalogue';
import type { DnsFirewallPlan } from '../core/dns-firewall';
import { hostBlocks, reviewHosts } from './hosts';
import { nameList } from './names';
import { reviewLanguage } from './locales';
import { renderMarkdown, renderPlainText, type DocumentBlock } from './text-document';

/** How a DNS Firewall review prints. */
export type DnsFirewallReviewFormat = 'text' | 'markdown';

/** The review as document blocks: title, selection, rules, notices, then the names allowed. */
export function dnsFirewallBlocks(plan: DnsFirewallPlan, locale: Locale, lineBreak: string): DocumentBlock[] {
  const language = reviewLanguage(locale);
  const dns = language.dnsFirewall;
  const lists = new Map(plan.domainLists.map((l) => [l.id, l]));
  return [
    { kind: 'title', text: dns.title },
    {
      kind: 'fields',
      separator: language.fieldSeparator,
      fields: [
        [language.fieldProducts, nameList(plan.products.map((id) => ({ id, name: getProduct(id).name[locale] })), language)],
        [language.fieldProfiles, nameList(plan.profiles.map((id) => ({ id, name: getProfile(id).name[locale] })), language)],
        [language.fieldHostGroups, nameList(plan.hostGroups.map((id) => ({ id, name: getHostGroup(id).category })), language)],
        [dns.fieldWalledGarden, plan.walledGarden ? language.yes : language.no],
      ],
    },
    { kind: 'heading', text: dns.rulesHeading(plan.rules.length) },
    {
      kind: 'table',
      table: {
        header: [dns.columns.priority, dns.columns.action, dns.columns.domains],
        rows: plan.rules.map((rule) => {
          const list = lists.get(rule.domainList)!;
          const shown = list.id === 'apple' ? dns.appleHosts(list.domains.length) : list.domains.join(language.listSeparator);
          return [String(rule.priority), rule.action === 'ALLOW' ? dns.allow(rule.redirection !== undefined) : dns.block(rule.blockResponse ?? ''), shown];
        }),
      },
    },
    { kind: 'heading', text: language.notesHeading },
    { kind: 'list', items: plan.notices.map((n) => n.message) },
    ...hostBlocks(reviewHosts(plan.hosts, locale), language, lineBreak),
  ];
}

/** The review of a DNS Firewall plan as text or Markdown, in English or Chinese. */
export function renderDnsFirewallReview(plan: DnsFirewallPlan, options: { readonly locale?: Locale; readonly format?: DnsFirewallReviewFormat } = {}): string {
  const { locale = 'en', format = 'markdown' } = options;
  const blocks = dnsFirewallBlocks(plan, locale, format === 'markdown' ? '<br>' : '; ');
  return format === 'markdown' ? renderMarkdown(blocks) : renderPlainText(blocks);
}
