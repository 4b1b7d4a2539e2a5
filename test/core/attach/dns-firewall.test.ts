/** The VPC associations of a DNS Firewall rule group, planned once for both adapters. */
import { planDnsFirewallRuleGroup } from '../../../lib/core/attach';

/** The words the Pulumi component uses; the planner only names them. */
const vocabulary = { vpcs: 'vpcIds', vpcValue: 'an Output such as vpc.id', claimant: 'component' } as const;

const problemsOf = (outcome: ReturnType<typeof planDnsFirewallRuleGroup>) => (outcome.ok ? 'planned' : outcome.problems);

describe('planDnsFirewallRuleGroup', () => {
  test('associations need a priority within DNS Firewall’s range and VPC ids AWS issues', () => {
    expect(problemsOf(planDnsFirewallRuleGroup({ vocabulary, products: ['iCloud'], vpcIds: ['vpc-1'] }))).toEqual([
      {
        code: 'invalid-dns-firewall-option',
        message: 'The rule group is associated with the VPCs in vpcIds but has no priority. Give priority, from 100 to 9900: unique among the (at most 5) rule groups each VPC has, lowest evaluated first.',
      },
      { code: 'invalid-dns-firewall-option', message: "vpcIds: 'vpc-1' is not a VPC id: a VPC id is 'vpc-' and 8 or 17 hex digits, like 'vpc-0123456789abcdef0'. Or pass an Output such as vpc.id." },
    ]);
    expect(problemsOf(planDnsFirewallRuleGroup({ vocabulary, products: ['iCloud'], vpcIds: ['vpc-0123456789abcdef0'], priority: 50 }))).toEqual([
      {
        code: 'invalid-dns-firewall-option',
        message: 'priority 50 is not a DNS Firewall association priority. Use a whole number from 100 to 9900, unique among the rule groups of each VPC (DNS Firewall evaluates the lowest first).',
      },
    ]);
    expect(problemsOf(planDnsFirewallRuleGroup({ vocabulary, products: ['iCloud'], vpcIds: ['vpc-0123456789abcdef0'], priority: 100 }))).toBe('planned');
  });
});
