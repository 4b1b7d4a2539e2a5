/**
 * `AppleDnsFirewall` in Pulumi renders what its CDK twin renders: the same domain lists, rules
 * (priority, action, list, block response, CNAME trust), associations and plan.
 */
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cdk from 'apple-ports/cdk';
import type * as pulumiAdapter from 'apple-ports/pulumi';
import { resourcesOfType, strictApp } from '../cdk/cdk-test-app';
import { errorOf } from '../thrown';
import { installMockRecorder, ofType, record, TYPES } from './mock-recorder';

let pulumi: typeof pulumiAdapter;

beforeAll(async () => {
  await installMockRecorder();
  pulumi = await import('apple-ports/pulumi');
});

const VPC_ID = 'vpc-0123456789abcdef0';
const SELECTION = { products: ['iCloud', 'SoftwareUpdate'], platforms: ['macOS'], walledGarden: true, allowDomains: ['*.amazonaws.com'], priority: 300 } as const;

test('the DNS Firewall for iCloud + Software Update on macOS is the same in CloudFormation and in Pulumi', async () => {
  const stack = new Stack(strictApp(), 'Parity');
  const cdkDns = new cdk.AppleDnsFirewall(stack, 'Dns', { ...SELECTION, platforms: [...SELECTION.platforms], products: [...SELECTION.products], allowDomains: [...SELECTION.allowDomains], vpcs: [VPC_ID] });
  const template = Template.fromStack(stack);
  const cfnLists = Object.entries(resourcesOfType(template, 'AWS::Route53Resolver::FirewallDomainList'));
  const listNameOf = (ref: { 'Fn::GetAtt': [string, string] }) => cfnLists.find(([id]) => id === ref['Fn::GetAtt'][0])![1].Properties.Domains;
  const [cfnGroup] = Object.values(resourcesOfType(template, 'AWS::Route53Resolver::FirewallRuleGroup'));
  const cfnRules = (cfnGroup!.Properties.FirewallRules as Record<string, unknown>[]).map((r) => ({
    priority: r.Priority,
    action: r.Action,
    domains: listNameOf(r.FirewallDomainListId as { 'Fn::GetAtt': [string, string] }),
    blockResponse: r.BlockResponse,
    redirection: r.FirewallDomainRedirectionAction,
  }));
  const cfnAssociations = Object.values(resourcesOfType(template, 'AWS::Route53Resolver::FirewallRuleGroupAssociation')).map((a) => ({ vpcId: a.Properties.VpcId, priority: a.Properties.Priority, name: a.Properties.Name }));

  let pulumiDns!: pulumiAdapter.AppleDnsFirewall;
  const recording = await record(() => {
    pulumiDns = new pulumi.AppleDnsFirewall('dns', { ...SELECTION, platforms: [...SELECTION.platforms], products: [...SELECTION.products], allowDomains: [...SELECTION.allowDomains], vpcIds: [VPC_ID] });
  });
  const lists = ofType(recording, TYPES.dnsDomainList);
  const listDomains = (id: unknown) => lists.find((l) => `${l.name}-id` === id)!.inputs.domains;
  const rules = ofType(recording, TYPES.dnsRule)
    .map((r) => ({
      priority: r.inputs.priority,
      action: r.inputs.action,
      domains: listDomains(r.inputs.firewallDomainListId),
      blockResponse: r.inputs.blockResponse,
      redirection: r.inputs.firewallDomainRedirectionAction,
    }))
    .sort((a, b) => (a.priority as number) - (b.priority as number));
  const associations = ofType(recording, TYPES.dnsAssociation).map((a) => ({ vpcId: a.inputs.vpcId, priority: a.inputs.priority, name: a.inputs.name }));

  expect(rules).toEqual(cfnRules);
  expect(associations).toEqual(cfnAssociations);
  expect(pulumiDns.plan).toEqual(cdkDns.plan);
  expect(ofType(recording, TYPES.dnsRuleGroup)).toHaveLength(1);
  // Not two empty renderings: Apple's macOS names, yours, and the block.
  expect(cfnRules.map((r) => [r.action, (r.domains as string[]).length > 0])).toEqual([
    ['ALLOW', true],
    ['ALLOW', true],
    ['BLOCK', true],
  ]);
  expect(cfnRules[0]!.domains).toContain('swscan.apple.com');
  expect(associations).toEqual([{ vpcId: VPC_ID, priority: 300, name: `apple-dns-firewall-${VPC_ID}` }]);
});

test('each association is named after its VPC, so adding a VPC leaves the others’ names as they are', async () => {
  const OTHER_VPC_ID = 'vpc-0fedcba9876543210';
  const names = async (vpcIds: string[]) => {
    const recording = await record(() => {
      new pulumi.AppleDnsFirewall('dns', { products: ['PushNotifications'], vpcIds, priority: 300 });
    });
    return ofType(recording, TYPES.dnsAssociation)
      .map((a) => [a.name, a.inputs.name])
      .sort();
  };
  expect(await names([VPC_ID])).toEqual([[`dns-association-${VPC_ID}`, `apple-dns-firewall-${VPC_ID}`]]);
  expect(await names([OTHER_VPC_ID, VPC_ID])).toEqual([
    [`dns-association-${VPC_ID}`, `apple-dns-firewall-${VPC_ID}`],
    [`dns-association-${OTHER_VPC_ID}`, `apple-dns-firewall-${OTHER_VPC_ID}`],
  ]);
});

test('bad input is a ResourceError naming the component and the fix, before any child exists', async () => {
  const recording = await record(() => {
    expect(() => new pulumi.AppleDnsFirewall('bad', { products: ['PushNotifications'], vpcIds: [VPC_ID], priority: 10_000 })).toThrow(
      "AppleDnsFirewall 'bad': priority 10000 is not a DNS Firewall association priority. Use a whole number from 100 to 9900, unique among the rule groups of each VPC (DNS Firewall evaluates the lowest first).",
    );
  });
  expect(recording.resources.map((r) => r.type)).toEqual([TYPES.dnsFirewallComponent]);
});

test('messages name the component’s own argument, vpcIds, and the values it takes', async () => {
  await record(() => {
    expect(() => new pulumi.AppleDnsFirewall('bad-id', { products: ['PushNotifications'], vpcIds: ['vpc-123'], priority: 200 })).toThrow(
      "AppleDnsFirewall 'bad-id': vpcIds: 'vpc-123' is not a VPC id: a VPC id is 'vpc-' and 8 or 17 hex digits, like 'vpc-0123456789abcdef0'. Or pass an Output such as vpc.id.",
    );
    expect((errorOf(() => new pulumi.AppleDnsFirewall('no-priority', { products: ['PushNotifications'], vpcIds: [VPC_ID, VPC_ID] })) as pulumiAdapter.AppleServicesResourceError).problems).toEqual([
      { code: 'invalid-dns-firewall-option', message: 'The rule group is associated with the VPCs in vpcIds but has no priority. Give priority, from 100 to 9900: unique among the (at most 5) rule groups each VPC has, lowest evaluated first.' },
      { code: 'invalid-dns-firewall-option', message: `${VPC_ID} is listed twice in vpcIds: a rule group can be associated with a VPC once. List each VPC once.` },
    ]);
  });
});

test('components sharing a VPC need a priority each', async () => {
  await record(() => {
    new pulumi.AppleDnsFirewall('push', { products: ['PushNotifications'], vpcIds: [VPC_ID], priority: 200 });
    expect((errorOf(() => new pulumi.AppleDnsFirewall('updates', { products: ['SoftwareUpdate'], vpcIds: [VPC_ID], priority: 200 })) as pulumiAdapter.AppleServicesResourceError).problems).toEqual([
      {
        code: 'dns-firewall-priority-taken',
        message: `priority 200 in the VPC '${VPC_ID}' is already taken by the DNS Firewall rule group of AppleDnsFirewall 'push', and AWS refuses two rule groups at one priority in a VPC. Give each component associated with the VPC its own priority, from 100 to 9900.`,
      },
    ]);
  });
});
