/**
 * The Pulumi components and their CDK twins render the same selection the same way: the same rule
 * group (rules string, capacity, order, HOME_NET), the same prefix-list entries, and the same
 * security-group rule and network ACL entries for egress to the list.
 */
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cdk from 'apple-ports/cdk';
import type * as pulumiAdapter from 'apple-ports/pulumi';
import { networkAclEntries, resourcesOfType, stackWithVpc, strictApp } from '../cdk/cdk-test-app';
import { installMockRecorder, mockId, ofType, record, TYPES } from './mock-recorder';
import { networkAclEntryLines } from './recorded-rules';

let pulumi: typeof pulumiAdapter;

beforeAll(async () => {
  await installMockRecorder();
  pulumi = await import('apple-ports/pulumi');
});

/** The one resource of a CloudFormation type, by its properties. */
function onlyProperties(template: Template, type: string): Record<string, unknown> {
  const resources = Object.values(resourcesOfType(template, type));
  expect(resources).toHaveLength(1);
  return resources[0]!.Properties;
}

const FIREWALL_SELECTION = { products: ['iCloud', 'SoftwareUpdate'], homeNet: ['10.0.0.0/16', '10.1.0.0/16'] } as const;

test('the rule group for iCloud + Software Update with homeNet is the same in CloudFormation and in Pulumi', async () => {
  const stack = new Stack(strictApp(), 'Parity');
  const cdkRules = new cdk.AppleServicesFirewallRules(stack, 'Rules', { products: [...FIREWALL_SELECTION.products], homeNet: [...FIREWALL_SELECTION.homeNet] });
  const cfn = onlyProperties(Template.fromStack(stack), 'AWS::NetworkFirewall::RuleGroup') as {
    Capacity: number;
    Type: string;
    RuleGroup: { RulesSource: { RulesString: string }; StatefulRuleOptions: { RuleOrder: string }; RuleVariables: { IPSets: { HOME_NET: { Definition: string[] } } } };
  };

  let pulumiRules!: pulumiAdapter.AppleServicesFirewallRules;
  const recording = await record(() => {
    pulumiRules = new pulumi.AppleServicesFirewallRules('rules', { products: [...FIREWALL_SELECTION.products], homeNet: [...FIREWALL_SELECTION.homeNet] });
  });
  const [group] = ofType(recording, TYPES.ruleGroup);
  const inputs = group!.inputs as {
    capacity: number;
    type: string;
    ruleGroup: { rulesSource: { rulesString: string }; statefulRuleOptions: { ruleOrder: string }; ruleVariables: { ipSets: { key: string; ipSet: { definitions: string[] } }[] } };
  };

  expect(inputs.ruleGroup.rulesSource.rulesString).toBe(cfn.RuleGroup.RulesSource.RulesString);
  expect(inputs.capacity).toBe(cfn.Capacity);
  expect([inputs.type, inputs.ruleGroup.statefulRuleOptions.ruleOrder]).toEqual([cfn.Type, cfn.RuleGroup.StatefulRuleOptions.RuleOrder]);
  expect(inputs.ruleGroup.ruleVariables.ipSets).toEqual([{ key: 'HOME_NET', ipSet: { definitions: cfn.RuleGroup.RuleVariables.IPSets.HOME_NET.Definition } }]);
  expect(pulumiRules.plan).toEqual(cdkRules.plan);
  // Not two empty renderings: the selection has name rules and APNs to Apple's network.
  expect(cfn.Capacity).toBe(100);
  expect(cfn.RuleGroup.RulesSource.RulesString.split('\n').length).toBeGreaterThan(10);
  expect(cfn.RuleGroup.RulesSource.RulesString).toContain('content:"swcdn.apple.com"');
  expect(cfn.RuleGroup.RulesSource.RulesString).toContain('-> 17.0.0.0/8 5223 ');
});

test.each([
  ['the default list', {}],
  ['the APNs IPv6 list with room to grow', { scope: 'apns', family: 'ipv6', maxEntries: 8 }],
] as const)('%s holds the same entries in CloudFormation and in Pulumi', async (_name, options) => {
  const stack = new Stack(strictApp(), 'Parity');
  new cdk.AppleNetworkPrefixList(stack, 'List', options);
  const cfn = onlyProperties(Template.fromStack(stack), 'AWS::EC2::PrefixList') as { AddressFamily: string; MaxEntries: number; Entries: { Cidr: string; Description: string }[] };

  const name = `parity-list-${Object.keys(options).length}`;
  const recording = await record(() => new pulumi.AppleNetworkPrefixList(name, options));
  const [list] = ofType(recording, TYPES.prefixList);
  const inputs = list!.inputs as { addressFamily: string; maxEntries: number; entries: { cidr: string; description: string }[] };

  expect(inputs.entries).toEqual(cfn.Entries.map((entry) => ({ cidr: entry.Cidr, description: entry.Description })));
  expect([inputs.addressFamily, inputs.maxEntries]).toEqual([cfn.AddressFamily, cfn.MaxEntries]);
  expect(inputs.entries.length).toBeGreaterThan(0);
});

test('egress to the list: the same security-group rule to the list and the same network ACL entries with its CIDRs', async () => {
  const { stack, vpc } = stackWithVpc('Parity');
  const cdkList = new cdk.AppleNetworkPrefixList(stack, 'AppleNetwork');
  new cdk.AppleServicesEgress(stack, 'Mac', { products: ['iCloud'], appleNetworkPeers: [cdkList.peer], vpc, subnets: { subnetGroupName: 'Desktops' } });
  const template = Template.fromStack(stack);
  const [cdkListId] = Object.keys(resourcesOfType(template, 'AWS::EC2::PrefixList'));
  const cdkRules = Object.values(resourcesOfType(template, 'AWS::EC2::SecurityGroupEgress')).map(({ Properties: p }) => ({
    port: p.FromPort,
    list: (p.DestinationPrefixListId as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0] === cdkListId ? 'the list' : 'another',
  }));
  const cdkEntries = networkAclEntries(template).map((line) => line.replace(/^egress/, 'out').replace(/^ingress/, 'in').replace(/ (\d+)-\1 /, ' $1 ').replace(/ allow$/, ''));

  const recording = await record(() => {
    const list = new pulumi.AppleNetworkPrefixList('parity-apple');
    new pulumi.AppleServicesEgress('parity-mac', { products: ['iCloud'], appleNetworkPeers: [list.peer], vpcId: 'vpc-0123456789abcdef0', subnetIds: ['subnet-0123456789abcdef0'] });
  });
  const listId = mockId(TYPES.prefixList, 'parity-apple-prefix-list');
  const pulumiRules = ofType(recording, TYPES.egressRule)
    .filter((r) => r.inputs.prefixListId !== undefined)
    .map((r) => ({ port: r.inputs.fromPort, list: r.inputs.prefixListId === listId ? 'the list' : 'another' }));

  expect(pulumiRules).toEqual(cdkRules);
  expect(pulumiRules).toEqual([{ port: 5223, list: 'the list' }]);
  expect(networkAclEntryLines(recording)).toEqual(cdkEntries);
  expect(cdkEntries).toContain('out 13080 tcp 5223 17.0.0.0/8');
});
