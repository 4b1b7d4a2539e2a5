/** What the rule group's adapters raise of the resolver's notices, planned once. */
import { planFirewallRuleGroup } from '../../../lib/core/attach/firewall-rule-group';

describe('planFirewallRuleGroup warnings', () => {
  test("exclude of http or https is not 'unused' in a rule group: it drops the names matched on it", () => {
    const plan = planFirewallRuleGroup({ products: ['PushNotifications'], hostGroups: ['software-updates'], exclude: ['http', 'ssh'] });
    if (!plan.ok) {
      throw new Error(plan.problems.map((p) => p.message).join('\n'));
    }
    // The resolver says both change nothing for the port rules…
    expect(plan.value.plan.policy!.notices.find((n) => n.code === 'exclude-unused')?.services).toEqual(['http', 'ssh']);
    // …but the rule group drops its HTTP Host rules for http, so only ssh is unused.
    expect(plan.value.warnings.filter((w) => w.id === 'apple-ports:exclude-unused').map((w) => w.message)).toEqual([
      "exclude names 'ssh', which no selected product uses, so it changes nothing. Remove it, or select the product that uses it.",
    ]);
    expect(plan.value.plan.rules.some((rule) => rule.text.includes('http.host'))).toBe(false);
  });
});
