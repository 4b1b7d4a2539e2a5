/**
 * `AppleServicesDomainList` in Pulumi renders what its CDK twin renders (targets, target types,
 * capacity, HOME_NET, the same plan), and replaces a group with a fixed name delete-first.
 */
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cdk from 'apple-ports/cdk';
import type * as pulumiAdapter from 'apple-ports/pulumi';
import { resourcesOfType, strictApp } from '../cdk/cdk-test-app';
import { installMockRecorder, ofType, record, TYPES } from './mock-recorder';

let pulumi: typeof pulumiAdapter;

beforeAll(async () => {
  await installMockRecorder();
  pulumi = await import('apple-ports/pulumi');
});

const SELECTION = { products: ['iCloud', 'SoftwareUpdate'], platforms: ['macOS'], homeNet: ['10.0.0.0/16'] } as const;

test('the domain list for iCloud + Software Update on macOS is the same in CloudFormation and in Pulumi', async () => {
  const stack = new Stack(strictApp(), 'Parity');
  const cdkList = new cdk.AppleServicesDomainList(stack, 'Domains', { products: [...SELECTION.products], platforms: [...SELECTION.platforms], homeNet: [...SELECTION.homeNet] });
  const [cfn] = Object.values(resourcesOfType(Template.fromStack(stack), 'AWS::NetworkFirewall::RuleGroup')).map((r) => r.Properties) as unknown as {
    Capacity: number;
    RuleGroup: {
      RulesSource: { RulesSourceList: { Targets: string[]; TargetTypes: string[]; GeneratedRulesType: string } };
      RuleVariables: { IPSets: { HOME_NET: { Definition: string[] } } };
      StatefulRuleOptions: { RuleOrder: string };
    };
  }[];

  let pulumiList!: pulumiAdapter.AppleServicesDomainList;
  const recording = await record(() => {
    pulumiList = new pulumi.AppleServicesDomainList('domains', { products: [...SELECTION.products], platforms: [...SELECTION.platforms], homeNet: [...SELECTION.homeNet] });
  });
  const [group] = ofType(recording, TYPES.ruleGroup);
  const inputs = group!.inputs as {
    capacity: number;
    ruleGroup: {
      rulesSource: { rulesSourceList: { targets: string[]; targetTypes: string[]; generatedRulesType: string } };
      ruleVariables: { ipSets: { key: string; ipSet: { definitions: string[] } }[] };
      statefulRuleOptions: { ruleOrder: string };
    };
  };
  const list = cfn!.RuleGroup.RulesSource.RulesSourceList;
  expect(inputs.ruleGroup.rulesSource.rulesSourceList).toEqual({ targets: list.Targets, targetTypes: list.TargetTypes, generatedRulesType: list.GeneratedRulesType });
  expect(inputs.capacity).toBe(cfn!.Capacity);
  expect([inputs.ruleGroup.statefulRuleOptions, cfn!.RuleGroup.StatefulRuleOptions]).toEqual([{ ruleOrder: 'STRICT_ORDER' }, { RuleOrder: 'STRICT_ORDER' }]);
  expect(inputs.ruleGroup.ruleVariables.ipSets).toEqual([{ key: 'HOME_NET', ipSet: { definitions: cfn!.RuleGroup.RuleVariables.IPSets.HOME_NET.Definition } }]);
  expect(pulumiList.plan).toEqual(cdkList.plan);
  expect(list.Targets).toContain('swscan.apple.com');
  expect(list.Targets).toContain('.push.apple.com');
  expect(group!.deleteBeforeReplace).toBe(false);
});

test('a fixed name needs a capacity, and a replacement then deletes the old group first', async () => {
  const recording = await record(() => new pulumi.AppleServicesDomainList('named', { products: ['PushNotifications'], ruleGroupName: 'apple-push', capacity: 50 }));
  const [group] = ofType(recording, TYPES.ruleGroup);
  expect([group!.inputs.name, group!.inputs.capacity, group!.deleteBeforeReplace]).toEqual(['apple-push', 50, true]);
  expect(() => new pulumi.AppleServicesDomainList('unsized', { products: ['PushNotifications'], ruleGroupName: 'apple-push' })).toThrow(
    "AppleServicesDomainList 'unsized': ruleGroupName is fixed, so the rule group cannot be replaced under the same name when its capacity must grow (CloudFormation refuses to replace a custom-named resource). Give capacity as well: this selection needs 4, and 100 leaves room to grow. Or leave ruleGroupName out for a generated name that changes with the capacity.",
  );
});
