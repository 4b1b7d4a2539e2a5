/**
 * The `firewall` command's output: a Network Firewall rule-group plan as a summary for people (its
 * capacity, rule order and HOME_NET, the rules, what a reviewer should know and what the rules
 * cannot do), as the bare rules string to paste into a rule group, or as the plan's JSON.
 */
import type { FirewallRuleGroupPlan, Locale } from '../core';
import { renderPlainText, type DocumentBlock } from '../review/text-document';
import { cliLanguage, type CliLanguage } from './locales';

/** How `firewall` prints. */
export type FirewallListingFormat = 'text' | 'rules' | 'json';

function listOrNone(items: readonly string[], language: CliLanguage): string {
  return items.length > 0 ? items.join(language.review.listSeparator) : language.review.none;
}

function summaryBlocks(plan: FirewallRuleGroupPlan, language: CliLanguage): DocumentBlock[] {
  const words = language.firewall;
  return [
    { kind: 'title', text: words.title },
    {
      kind: 'fields',
      separator: language.review.fieldSeparator,
      fields: [
        [words.fields.products, listOrNone(plan.products, language)],
        [words.fields.profiles, listOrNone(plan.profiles, language)],
        [words.fields.hostGroups, listOrNone(plan.hostGroups, language)],
        [words.fields.capacity, plan.capacity === plan.requiredCapacity ? words.capacityOnePerRule(plan.capacity) : words.capacityReserved(plan.capacity, plan.requiredCapacity)],
        [words.fields.ruleOrder, words.ruleOrder(plan.ruleOrder)],
        [words.fields.homeNet, plan.homeNet ? plan.homeNet.join(', ') : words.homeNetUnset],
      ],
    },
  ];
}

/** The plan in the chosen format and language; `rules` is the rule group's rules string alone. */
export function firewallListing(plan: FirewallRuleGroupPlan, format: FirewallListingFormat, locale: Locale): string {
  if (format === 'json') {
    return `${JSON.stringify(plan, null, 2)}\n`;
  }
  if (format === 'rules') {
    return `${plan.rulesString}\n`;
  }
  const language = cliLanguage(locale);
  const words = language.firewall;
  const covered = plan.covered.map((c) => words.covered(c.host, c.kind, c.coveredBy));
  return renderPlainText([
    ...summaryBlocks(plan, language),
    { kind: 'heading', text: words.rulesHeading(plan.rules.length) },
    { kind: 'paragraph', text: plan.rulesString },
    ...(covered.length > 0 ? [{ kind: 'paragraph' as const, text: words.coveredIntro }, { kind: 'list' as const, items: covered }] : []),
    { kind: 'heading', text: words.noticesHeading(plan.notices.length) },
    plan.notices.length > 0 ? { kind: 'list', items: plan.notices.map((n) => n.message) } : { kind: 'paragraph', text: words.noNotices },
    { kind: 'heading', text: words.limitationsHeading },
    { kind: 'list', items: plan.limitations.map((l) => `${words.limitations?.[l.code] ?? l.summary} (${l.source})`) },
  ]);
}
