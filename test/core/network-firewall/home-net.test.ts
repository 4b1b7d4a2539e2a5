/** Every planner that takes homeNet checks it the same way, with the same messages. */
import { planDomainListRules, planFirewallRules } from '../../../lib/core';
import { cliTerms } from '../../../lib/cli/terms';
import { thrown } from '../../thrown';

const planners = {
  planFirewallRules: (homeNet: readonly string[]) => planFirewallRules({ products: ['PushNotifications'] }, { homeNet }),
  planDomainListRules: (homeNet: readonly string[]) => planDomainListRules({ products: ['PushNotifications'] }, { homeNet }),
};

test.each(Object.entries(planners))('%s refuses CIDRs that are not, and an empty list, naming the fix', (_name, plan) => {
  expect(thrown(() => plan(['10.0.0.1/8', '10.0.0.0/33'])).problems).toEqual([
    { code: 'invalid-firewall-option', message: "homeNet: '10.0.0.1/8' is not a CIDR: '10.0.0.1/8' has host bits set. Did you mean '10.0.0.0/8'?" },
    { code: 'invalid-firewall-option', message: "homeNet: '10.0.0.0/33' is not a CIDR: the prefix length in '10.0.0.0/33' must be 0-32 for IPv4." },
  ]);
  expect(thrown(() => plan([])).problems).toEqual([
    { code: 'invalid-firewall-option', message: "homeNet is empty. Name the CIDRs of the VPCs the Apple devices are in, or leave it out to use the firewall policy's HOME_NET." },
  ]);
});

test('the domain list speaks the caller’s terms, as the rule group does', () => {
  const terms = cliTerms('firewall');
  const message = "--home-net: '10.0.0.0/33' is not a CIDR: the prefix length in '10.0.0.0/33' must be 0-32 for IPv4.";
  expect(thrown(() => planFirewallRules({ products: ['PushNotifications'] }, { homeNet: ['10.0.0.0/33'], terms })).message).toBe(message);
  expect(thrown(() => planDomainListRules({ products: ['PushNotifications'] }, { homeNet: ['10.0.0.0/33'], terms })).message).toBe(message);
});
