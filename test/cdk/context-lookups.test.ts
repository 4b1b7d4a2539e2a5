/**
 * The first synthesis of an app whose lookups are not in cdk.context.json yet sees aws-cdk-lib's
 * stand-in ids (`vpc-12345`, `pl-xxxxxxxx`). The constructs must let it pass, so the CDK CLI can
 * record the missing context, look it up and synthesize again with the real ids.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { AppleDnsFirewall, AppleServicesEgress, AppleServicesIngress } from '../../lib/cdk';

test('lookups not done yet: synthesis records the missing context instead of refusing the stand-in ids', () => {
  const app = new App();
  const stack = new Stack(app, 'Lookups', { env: { account: '123456789012', region: 'eu-west-1' } });
  const vpc = ec2.Vpc.fromLookup(stack, 'Vpc', { vpcId: 'vpc-0123456789abcdef0' });
  const list = ec2.PrefixList.fromLookup(stack, 'Proxy', { prefixListName: 'corporate-proxies' });
  const group = ec2.SecurityGroup.fromLookupById(stack, 'Hosts', 'sg-0123456789abcdef0');

  // The looked-up group's stand-in allows all outbound; the real group is checked on the second pass.
  new AppleServicesEgress(stack, 'HostsEgress', { products: ['iCloud'], securityGroup: group });
  const proxyClients = ec2.SecurityGroup.fromSecurityGroupId(stack, 'ProxyClients', 'sg-0fedcba9876543210', { allowAllOutbound: false });
  new AppleServicesEgress(stack, 'Mac', { products: ['iCloud'], destinations: [ec2.Peer.prefixList(list.prefixListId), list.prefixListId], securityGroup: proxyClients });
  new AppleDnsFirewall(stack, 'Dns', { products: ['iCloud'], vpcs: [vpc], priority: 200 });

  // aws-cdk-lib's own template validation warns of the stand-in VPC id on this first pass.
  const validation = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const assembly = app.synth();
  expect(validation.mock.calls.map((call) => String(call[0]))).toEqual([expect.stringContaining("VpcId: 'vpc-12345' does not match format")]);
  validation.mockRestore();
  expect(assembly.manifest.missing?.map((m) => m.provider).sort()).toEqual(['cc-api-provider', 'security-group', 'vpc-provider']);
  const template = Template.fromStack(stack);
  // The stand-ins reach the template as the lookups gave them; the second synthesis has the real ids.
  template.hasResourceProperties('AWS::EC2::SecurityGroupEgress', { DestinationPrefixListId: 'pl-xxxxxxxx', FromPort: 443 });
  template.hasResourceProperties('AWS::Route53Resolver::FirewallRuleGroupAssociation', { VpcId: 'vpc-12345' });
});

test('two lookups not done yet are two values, not one: the DNS Firewall and a VPC CIDR source pass the first synthesis', () => {
  const app = new App();
  const stack = new Stack(app, 'TwoLookups', { env: { account: '123456789012', region: 'eu-west-1' } });
  const prod = ec2.Vpc.fromLookup(stack, 'Prod', { vpcId: 'vpc-0123456789abcdef0' });
  const staging = ec2.Vpc.fromLookup(stack, 'Staging', { vpcId: 'vpc-0fedcba9876543210' });
  new AppleDnsFirewall(stack, 'Both', { products: ['iCloud'], vpcs: [prod, staging], priority: 200 });
  new AppleDnsFirewall(stack, 'Staging2', { products: ['iCloud'], vpcs: [staging], priority: 200 });
  const hosts = ec2.SecurityGroup.fromSecurityGroupId(stack, 'Hosts', 'sg-0123456789abcdef0', { allowAllOutbound: false });
  new AppleServicesIngress(stack, 'Ssh', { products: ['SSH'], sources: [prod.vpcCidrBlock], securityGroup: hosts });

  const validation = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const assembly = app.synth();
  validation.mockRestore();
  expect(assembly.manifest.missing?.map((m) => m.provider)).toEqual(['vpc-provider', 'vpc-provider']);
  const template = Template.fromStack(stack);
  expect(Object.keys(template.findResources('AWS::Route53Resolver::FirewallRuleGroupAssociation'))).toHaveLength(3);
  template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { CidrIp: '1.2.3.4/5', FromPort: 22 });
});
