/**
 * The `firewall` command's output: a Network Firewall rule-group plan as a summary for people (its
 * capacity, rule order and HOME_NET, the rules, what a reviewer should know and what the rules
 * cannot do), as the bare rules string to paste into a rule group, or as the plan's JSON.
 */
import type { FirewallRuleGroupPlan } from '../core';
import { renderPlainText, type DocumentBlock } from '../review/text-document';

/** How `firewall` prints. */
export type FirewallListingFormat = 'text' | 'rules' | 'json';

function listOrNone(items: readonly string[]): string {
  return items.length > 0 ? items.join(', ') : 'none';
}

function capacityText(plan: FirewallRuleGroupPlan): string {
  return plan.capacity === plan.requiredCapacity
    ? `${plan.capacity} (one per rule)`
    : `${plan.capacity} (the ${plan.requiredCapacity} rules need ${plan.requiredCapacity})`;
}

function summaryBlocks(plan: FirewallRuleGroupPlan): DocumentBlock[] {
  return [
    { kind: 'title', text: 'AWS Network Firewall rule group' },
    {
      kind: 'fields',
      separator: ': ',
      fields: [
        ['Products', listOrNone(plan.products)],
        ['Profiles', listOrNone(plan.profiles)],
        ['Host groups', listOrNone(plan.hostGroups)],
        ['Capacity', capacityText(plan)],
        ['Rule order', `${plan.ruleOrder} (stateful, strict evaluation order)`],
        ['HOME_NET', plan.homeNet ? plan.homeNet.join(', ') : "not set: the firewall policy's HOME_NET applies"],
      ],
    },
  ];
}

/** The plan in the chosen format; `rules` is the rule group's rules string alone. */
export function firewallListing(plan: FirewallRuleGroupPlan, format: FirewallListingFormat): string {
  if (format === 'json') {
    return `${JSON.stringify(plan, null, 2)}\n`;
  }
  if (format === 'rules') {
    return `${plan.rulesString}\n`;
  }
  const covered = plan.covered.map((c) => `${c.host}: matched by the ${c.kind === 'tls-sni' ? 'TLS SNI' : 'HTTP Host'} rule for ${c.coveredBy}`);
  return renderPlainText([
    ...summaryBlocks(plan),
    { kind: 'heading', text: `Rules (${plan.rules.length})` },
    { kind: 'paragraph', text: plan.rulesString },
    ...(covered.length > 0 ? [{ kind: 'paragraph' as const, text: 'Hosts without a rule of their own:' }, { kind: 'list' as const, items: covered }] : []),
    { kind: 'heading', text: `Notices (${plan.notices.length})` },
    plan.notices.length > 0 ? { kind: 'list', items: plan.notices.map((n) => n.message) } : { kind: 'paragraph', text: 'None.' },
    { kind: 'heading', text: 'What the rules cannot do' },
    { kind: 'list', items: plan.limitations.map((l) => `${l.summary} (${l.source})`) },
  ]);
}
