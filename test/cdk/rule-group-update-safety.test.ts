/**
 * Updating a deployed Network Firewall rule group, judged by CloudFormation's own replacement rules
 * (`@aws-cdk/cloudformation-diff`, the engine of `cdk diff`): adding a product that fits the
 * reserved capacity updates the group in place; one that outgrows it replaces the group under a new
 * name, which CloudFormation can create before it deletes the old one. Both rule-group forms.
 */
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { fullDiff, ResourceImpact } from '@aws-cdk/cloudformation-diff';
import { AppleServicesDomainList, AppleServicesFirewallRules } from '../../lib/cdk';
import type { AppleProductName } from '../../lib/core';
import { strictApp } from './cdk-test-app';
import { updateProblems } from './update-safety';

type Form = 'suricata' | 'domain-list';

function template(form: Form, products: AppleProductName[]): Record<string, any> {
  const stack = new Stack(strictApp(), 'Firewall');
  if (form === 'suricata') {
    new AppleServicesFirewallRules(stack, 'AppleRules', { products });
  } else {
    new AppleServicesDomainList(stack, 'AppleRules', { products });
  }
  return Template.fromStack(stack).toJSON();
}

/** The rule group's logical id, change impact, and name before and after. */
function ruleGroupChange(form: Form, before: AppleProductName[], after: AppleProductName[]) {
  const [old, next] = [template(form, before), template(form, after)];
  const id = Object.keys(old.Resources).find((key) => old.Resources[key].Type === 'AWS::NetworkFirewall::RuleGroup')!;
  const change = fullDiff(old, next).resources.get(id);
  // Nothing the update does fails on a real account (a replacement under the same name would).
  expect(updateProblems(old, next)).toEqual([]);
  const property = (t: Record<string, any>, name: string) => t.Resources[id].Properties[name];
  return {
    impact: change?.changeImpact ?? ResourceImpact.NO_CHANGE,
    names: [property(old, 'RuleGroupName'), property(next, 'RuleGroupName')],
    capacities: [property(old, 'Capacity'), property(next, 'Capacity')],
  };
}

describe.each<Form>(['suricata', 'domain-list'])('a deployed %s rule group', (form) => {
  test('adding a product that fits the reserved capacity updates it in place, under the same name', () => {
    const change = ruleGroupChange(form, ['PushNotifications'], ['PushNotifications', 'MacAppStore']);
    expect(change.impact).toBe(ResourceImpact.WILL_UPDATE);
    expect(change.capacities).toEqual([100, 100]);
    expect(change.names[0]).toBe(change.names[1]);
  });

  test('adding products beyond the reserved capacity replaces it, and the replacement comes with a new name', () => {
    const everything: AppleProductName[] = ['iCloud', 'SoftwareUpdate', 'MacAppStore', 'DeviceManagement', 'AppleBusinessManager', 'Classroom', 'Siri', 'NetworkTime', 'FaceTime'];
    const change = ruleGroupChange(form, ['PushNotifications'], everything);
    expect(change.impact).toBe(ResourceImpact.WILL_REPLACE);
    expect(change.capacities[0]).toBe(100);
    expect(change.capacities[1]).toBeGreaterThan(100);
    expect(change.names).toEqual([expect.stringMatching(/^Firewall-AppleRules-[0-9A-F]{8}-c100$/), expect.stringMatching(new RegExp(`^Firewall-AppleRules-[0-9A-F]{8}-c${change.capacities[1]}$`))]);
    expect(change.names[0]).not.toBe(change.names[1]);
  });
});

test('why a fixed name needs a fixed capacity: a new capacity under the same name is a replacement CloudFormation refuses', () => {
  const named = (capacity: number) => {
    const stack = new Stack(strictApp(), 'Firewall');
    new AppleServicesFirewallRules(stack, 'AppleRules', { products: ['PushNotifications'], ruleGroupName: 'apple-push', capacity });
    return Template.fromStack(stack).toJSON();
  };
  expect(updateProblems(named(100), named(200))).toEqual([
    expect.stringMatching(/^AppleRules[0-9A-F]{8} \(AWS::NetworkFirewall::RuleGroup\) would be replaced under its custom name RuleGroupName, which CloudFormation refuses\.$/),
  ]);
});
