/**
 * Updating a deployed `AppleDnsFirewall`, judged by CloudFormation's own replacement rules
 * (`@aws-cdk/cloudformation-diff`): each VPC's association is known by its VPC, so adding or
 * removing a VPC creates or deletes that VPC's association and leaves the others as they are; and
 * the checker sees an association created where AWS still holds the rule group or the priority.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { AppleDnsFirewall } from '../../lib/cdk';
import { changeImpacts, updateProblems, type TemplateJson } from './update-safety';

const BUILD_VPC = 'vpc-0123456789abcdef0';
const TEST_VPC = 'vpc-0fedcba9876543210';

/** The stack with the rule group associated with the VPC construct `Vpc` and/or the given VPC ids. */
function dnsTemplate(vpcs: readonly ('Vpc' | string)[]): TemplateJson {
  const app = new App({ builtinCloudFormationValidation: false } as ConstructorParameters<typeof App>[0]);
  const stack = new Stack(app, 'Dns');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0, subnetConfiguration: [{ name: 'Hosts', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  new AppleDnsFirewall(stack, 'AppleDns', { products: ['PushNotifications'], walledGarden: true, vpcs: vpcs.map((v) => (v === 'Vpc' ? vpc : v)), priority: 200 });
  return app.synth().getStackByName('Dns').template as TemplateJson;
}

/** Association logical ids → their name in AWS. */
function associations(template: TemplateJson): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(template.Resources ?? {})
      .filter(([, r]) => r.Type === 'AWS::Route53Resolver::FirewallRuleGroupAssociation')
      .map(([id, r]) => [id.replace(/[0-9A-F]{8}$/, ''), r.Properties?.Name]),
  );
}

describe('a deployed AppleDnsFirewall', () => {
  test('each association is named after its VPC: the id, or the VPC construct’s path', () => {
    expect(associations(dnsTemplate(['Vpc', BUILD_VPC]))).toEqual({
      AppleDnsAssociationDnsVpc: 'apple-dns-firewall-Dns-Vpc',
      AppleDnsAssociationvpc0123456789abcdef0: 'apple-dns-firewall-vpc-0123456789abcdef0',
    });
  });

  test('adding a VPC creates its association and leaves the others as they are', () => {
    const [before, after] = [dnsTemplate([BUILD_VPC]), dnsTemplate([TEST_VPC, BUILD_VPC])];
    expect(changeImpacts(before, after).map((c) => c.replace(/[0-9A-F]{8}:/, ':'))).toEqual(['AppleDnsAssociationvpc0fedcba9876543210: WILL_CREATE']);
    expect(updateProblems(before, after)).toEqual([]);
  });

  test('removing the first VPC deletes its association only; the next one keeps its id, name and priority', () => {
    const [before, after] = [dnsTemplate(['Vpc', BUILD_VPC, TEST_VPC]), dnsTemplate([BUILD_VPC, TEST_VPC])];
    expect(changeImpacts(before, after).map((c) => c.replace(/[0-9A-F]{8}:/, ':'))).toEqual(['AppleDnsAssociationDnsVpc: WILL_DESTROY']);
    expect(updateProblems(before, after)).toEqual([]);
  });
});

test('the checker sees an association created on a rule group or a priority AWS still holds in the VPC', () => {
  const association = (properties: Record<string, unknown>) => ({ Type: 'AWS::Route53Resolver::FirewallRuleGroupAssociation', Properties: { FirewallRuleGroupId: 'rslvr-frg-1', VpcId: BUILD_VPC, Priority: 200, ...properties } });
  // Associations numbered by their place in the list: removing the first VPC moves the second to its id.
  const numbered = (vpcs: string[]): TemplateJson => ({ Resources: Object.fromEntries(vpcs.map((vpcId, index) => [`Association${index + 1}`, association({ VpcId: vpcId })])) });
  expect(changeImpacts(numbered([BUILD_VPC, TEST_VPC]), numbered([TEST_VPC]))).toEqual(['Association1: WILL_REPLACE', 'Association2: WILL_DESTROY']);
  expect(updateProblems(numbered([BUILD_VPC, TEST_VPC]), numbered([TEST_VPC]))).toEqual([
    `Association1 (AWS::Route53Resolver::FirewallRuleGroupAssociation) would be created for the rule group "rslvr-frg-1" in VPC "${TEST_VPC}", still held by Association2: AWS refuses a second one.`,
    `Association1 (AWS::Route53Resolver::FirewallRuleGroupAssociation) would be created for the priority 200 in VPC "${TEST_VPC}", still held by Association2: AWS refuses a second one.`,
  ]);
  // Another rule group at the same priority replaces the association, and its replacement is created first.
  const single = (group: string): TemplateJson => ({ Resources: { Association: association({ FirewallRuleGroupId: group }) } });
  expect(changeImpacts(single('rslvr-frg-1'), single('rslvr-frg-2'))).toEqual(['Association: WILL_REPLACE']);
  expect(updateProblems(single('rslvr-frg-1'), single('rslvr-frg-2'))).toEqual([
    `Association (AWS::Route53Resolver::FirewallRuleGroupAssociation) would be created for the priority 200 in VPC "${BUILD_VPC}", still held by Association: AWS refuses a second one.`,
  ]);
  // A new priority is an update in place.
  expect(changeImpacts(single('rslvr-frg-1'), { Resources: { Association: association({ Priority: 300 }) } })).toEqual(['Association: WILL_UPDATE']);
});
