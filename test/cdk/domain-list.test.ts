/**
 * `AppleServicesDomainList`: the Network Firewall domain-list form, through CDK's strict
 * validator, exactly as planned (with a snapshot beside the exact assertion), and its errors.
 */
import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AppleServicesDomainList, AppleServicesError } from '../../lib/cdk';
import { errorOf } from '../thrown';
import { resourcesOfType, stackWithVpc, strictApp } from './cdk-test-app';

describe('AppleServicesDomainList', () => {
  test('an ALLOWLIST of Apple’s hosts for TLS SNI and HTTP Host, capacity with room to grow, the name ending with it', () => {
    const stack = new Stack(strictApp(), 'Test');
    const list = new AppleServicesDomainList(stack, 'Domains', { products: ['PushNotifications', 'MacAppStore'], hostGroups: ['dns-resolution'] });
    const template = Template.fromStack(stack);
    const groups = Object.values(resourcesOfType(template, 'AWS::NetworkFirewall::RuleGroup'));
    expect(groups).toHaveLength(1);
    expect(groups[0]!.Properties).toEqual({
      RuleGroupName: 'Test-Domains-C42E12BD-c100',
      Type: 'STATEFUL',
      Capacity: 100,
      RuleGroup: {
        RulesSource: {
          RulesSourceList: {
            Targets: ['.apps.apple.com', 'doh.dns.apple.com', '.itunes.apple.com', 'ppq.apple.com', '.push.apple.com', '.mzstatic.com'],
            TargetTypes: ['TLS_SNI', 'HTTP_HOST'],
            GeneratedRulesType: 'ALLOWLIST',
          },
        },
        // A rule group's order must match its policy's: strict, as AppleServicesFirewallRules.
        StatefulRuleOptions: { RuleOrder: 'STRICT_ORDER' },
      },
    });
    expect(list.plan.ruleOrder).toBe('STRICT_ORDER');
    expect([list.plan.requiredCapacity, list.plan.capacity]).toEqual([(6 + 1) * 2, 100]);
    expect(template.toJSON()).toMatchSnapshot();
  });

  test('the hosts’ other ports are warned of, by id; platforms narrow the targets', () => {
    const stack = new Stack(strictApp(), 'Test');
    const list = new AppleServicesDomainList(stack, 'Domains', { products: ['SoftwareUpdate'], platforms: ['tvOS'], homeNet: ['10.0.0.0/16'] });
    expect(list.plan.targets).not.toContain('swscan.apple.com');
    expect(list.plan.hosts.hostsLeftOut.map((h) => h.host)).toContain('swscan.apple.com');
    const group = Object.values(resourcesOfType(Template.fromStack(stack), 'AWS::NetworkFirewall::RuleGroup'))[0]!;
    expect((group.Properties.RuleGroup as { RuleVariables: unknown }).RuleVariables).toEqual({ IPSets: { HOME_NET: { Definition: ['10.0.0.0/16'] } } });

    const push = new Stack(strictApp(), 'Push');
    new AppleServicesDomainList(push, 'Domains', { products: ['PushNotifications'] });
    const warnings = Annotations.fromStack(push).findWarning('*', Match.anyValue());
    expect(warnings.map((w) => w.entry.data)).toEqual([
      'Apple lists *.push.apple.com on tcp 2197, which a domain list cannot allow: it matches TLS SNI and HTTP Host only. Allow that traffic in a rule group of your own, or use AppleServicesFirewallRules, which adds port rules. [ack: apple-ports:host-ports-not-opened]',
      'Apple lists *.push.apple.com on tcp 5223, which a domain list cannot allow: it matches TLS SNI and HTTP Host only. Allow that traffic in a rule group of your own, or use AppleServicesFirewallRules, which adds port rules. [ack: apple-ports:host-ports-not-opened]',
    ]);
  });

  test('homeNet tokens pass through; bad input fails at construction naming the path and the fix', () => {
    const { stack, vpc } = stackWithVpc();
    new AppleServicesDomainList(stack, 'Tokens', { products: ['PushNotifications'], homeNet: [vpc.vpcCidrBlock] });
    const fixed = errorOf(() => new AppleServicesDomainList(stack, 'Fixed', { products: ['PushNotifications'], ruleGroupName: 'apple-domains' }));
    expect(fixed).toBeInstanceOf(AppleServicesError);
    expect(fixed.message).toBe(
      'Test/Fixed: ruleGroupName is fixed, so the rule group cannot be replaced under the same name when its capacity must grow (CloudFormation refuses to replace a custom-named resource). Give capacity as well: this selection needs 4, and 100 leaves room to grow. Or leave ruleGroupName out for a generated name that changes with the capacity.',
    );
    expect(() => new AppleServicesDomainList(stack, 'Named', { products: ['PushNotifications'], ruleGroupName: 'apple-domains', capacity: 10 })).not.toThrow();
    expect(errorOf(() => new AppleServicesDomainList(stack, 'Small', { products: ['PushNotifications'], capacity: 3 })).message).toBe(
      'Test/Small: capacity 3 is below the 4 this selection needs. Use at least 4 (100 leaves room to grow), or leave it out; a deployed rule group cannot grow in place, so a new capacity replaces it.',
    );
    expect(errorOf(() => new AppleServicesDomainList(stack, 'Nothing', { products: ['Maps'] })).message).toBe(
      "Test/Nothing: Apple's enterprise-network article lists no hosts for Maps, so the domain list would have no targets. Select products or host groups Apple lists hosts for, e.g. products: ['iCloud'] or hostGroups: ['certificate-validation'].",
    );
  });
});
