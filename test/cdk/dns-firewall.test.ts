/**
 * `AppleDnsFirewall`: domain lists, one rule group and VPC associations, through CDK's strict
 * validator, exactly as planned (a snapshot beside the exact assertion), its warnings and errors.
 */
import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AppleDnsFirewall, AppleServicesError } from '../../lib/cdk';
import { errorOf } from '../thrown';
import { resourcesOfType, stackWithVpc, strictApp } from './cdk-test-app';

const VPC_ID = 'vpc-0123456789abcdef0';

describe('AppleDnsFirewall', () => {
  test('a walled garden for an EC2 Mac build host: Apple’s macOS names and yours allowed, every other name blocked, one VPC at the given priority', () => {
    const { stack, vpc } = stackWithVpc();
    const dns = new AppleDnsFirewall(stack, 'AppleDns', { products: ['PushNotifications'], platforms: ['macOS'], walledGarden: true, allowDomains: ['*.amazonaws.com'], vpcs: [vpc], priority: 200 });
    const template = Template.fromStack(stack);
    const lists = Object.entries(resourcesOfType(template, 'AWS::Route53Resolver::FirewallDomainList')).map(([id, r]) => [id.replace(/[0-9A-F]{8}$/, ''), r.Properties]);
    expect(lists).toEqual([
      ['AppleDnsAppleHosts', { Domains: ['*.push.apple.com'] }],
      ['AppleDnsAllowedDomains', { Domains: ['*.amazonaws.com'] }],
      ['AppleDnsEveryOtherName', { Domains: ['*'] }],
    ]);
    const [group] = Object.values(resourcesOfType(template, 'AWS::Route53Resolver::FirewallRuleGroup'));
    const listId = (name: string) => ({ 'Fn::GetAtt': [Object.keys(resourcesOfType(template, 'AWS::Route53Resolver::FirewallDomainList')).find((id) => id.startsWith(name))!, 'Id'] });
    expect(group!.Properties).toEqual({
      FirewallRules: [
        { Priority: 100, Action: 'ALLOW', FirewallDomainListId: listId('AppleDnsAppleHosts'), FirewallDomainRedirectionAction: 'TRUST_REDIRECTION_DOMAIN' },
        { Priority: 200, Action: 'ALLOW', FirewallDomainListId: listId('AppleDnsAllowedDomains'), FirewallDomainRedirectionAction: 'TRUST_REDIRECTION_DOMAIN' },
        { Priority: 300, Action: 'BLOCK', FirewallDomainListId: listId('AppleDnsEveryOtherName'), BlockResponse: 'NXDOMAIN' },
      ],
    });
    const associations = Object.values(resourcesOfType(template, 'AWS::Route53Resolver::FirewallRuleGroupAssociation'));
    expect(associations.map((a) => a.Properties)).toEqual([
      { FirewallRuleGroupId: { 'Fn::GetAtt': [Object.keys(resourcesOfType(template, 'AWS::Route53Resolver::FirewallRuleGroup'))[0], 'Id'] }, VpcId: stack.resolve(vpc.vpcId), Priority: 200, Name: 'apple-dns-firewall-Test-Vpc' },
    ]);
    expect(dns.plan.walledGarden).toBe(true);
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('dns-firewall-walled-garden')).map((w) => w.id)).toEqual(['/Test/AppleDns']);
    expect(template.toJSON()).toMatchSnapshot();
  });

  test('without a walled garden: one list, one ALLOW rule, no association, and the warning that it blocks nothing', () => {
    const stack = new Stack(strictApp(), 'Test');
    new AppleDnsFirewall(stack, 'AppleDns', { hostGroups: ['certificate-validation'] });
    const template = Template.fromStack(stack);
    expect(Object.keys(resourcesOfType(template, 'AWS::Route53Resolver::FirewallDomainList'))).toHaveLength(1);
    expect(Object.keys(resourcesOfType(template, 'AWS::Route53Resolver::FirewallRuleGroupAssociation'))).toHaveLength(0);
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((w) => (w.entry.data as string).replace(/.*\[ack: (.*)\]$/, '$1'))).toEqual(['apple-ports:dns-firewall-allow-only']);
  });

  test('a priority outside AWS’s range, VPCs without one, a bad id or a VPC twice fail at construction, naming the path and the fix', () => {
    const { stack, vpc } = stackWithVpc();
    const error = errorOf(() => new AppleDnsFirewall(stack, 'Bad', { products: ['PushNotifications'], vpcs: [vpc, vpc, 'vpc-123'], priority: 50 }));
    expect(error).toBeInstanceOf(AppleServicesError);
    expect((error as AppleServicesError).problems.map((p) => p.message)).toEqual([
      'priority 50 is not a DNS Firewall association priority. Use a whole number from 100 to 9900, unique among the rule groups of each VPC (DNS Firewall evaluates the lowest first).',
      "vpcs: 'vpc-123' is not a VPC id: a VPC id is 'vpc-' and 8 or 17 hex digits, like 'vpc-0123456789abcdef0'. Or pass a VPC construct.",
      'Test/Vpc is listed twice in vpcs: a rule group can be associated with a VPC once. List each VPC once.',
    ]);
    expect(errorOf(() => new AppleDnsFirewall(stack, 'NoPriority', { products: ['PushNotifications'], vpcs: [VPC_ID] })).message).toBe(
      'Test/NoPriority: The rule group is associated with the VPCs in vpcs but has no priority. Give priority, from 100 to 9900: unique among the (at most 5) rule groups each VPC has, lowest evaluated first.',
    );
  });

  test('rule groups sharing a VPC: one priority each, and no more than AWS associates with one VPC', () => {
    const { stack, vpc } = stackWithVpc();
    new AppleDnsFirewall(stack, 'Push', { products: ['PushNotifications'], vpcs: [vpc], priority: 200 });
    // Another VPC may use the same priority.
    expect(() => new AppleDnsFirewall(stack, 'Elsewhere', { products: ['PushNotifications'], vpcs: [VPC_ID], priority: 200 })).not.toThrow();
    const taken = errorOf(() => new AppleDnsFirewall(stack, 'Updates', { products: ['SoftwareUpdate'], vpcs: [vpc], priority: 200 }));
    expect((taken as AppleServicesError).problems).toEqual([
      {
        code: 'dns-firewall-priority-taken',
        message:
          "priority 200 in the VPC 'Test/Vpc' is already taken by the DNS Firewall rule group of 'Test/Push', and AWS refuses two rule groups at one priority in a VPC. Give each construct associated with the VPC its own priority, from 100 to 9900.",
      },
    ]);
    // The refused construct claimed nothing: its priority is still free.
    for (const priority of [300, 400, 500, 600]) {
      new AppleDnsFirewall(stack, `Dns${priority}`, { products: ['PushNotifications'], vpcs: [vpc], priority });
    }
    const sixth = errorOf(() => new AppleDnsFirewall(stack, 'Sixth', { products: ['PushNotifications'], vpcs: [vpc], priority: 700 }));
    expect((sixth as AppleServicesError).problems).toEqual([
      {
        code: 'dns-firewall-quota',
        message:
          "the VPC 'Test/Vpc' would have 6 DNS Firewall rule groups from apple-ports constructs, more than the 5 AWS associates with one VPC. Select the products of several constructs in one, or associate fewer rule groups with the VPC.",
      },
    ]);
  });
});
