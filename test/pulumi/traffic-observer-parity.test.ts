/**
 * The CDK construct and the Pulumi component render the same observer plan: the same flow logs
 * (format, traffic type, interval, targets), retention, role permissions and trust, and query.
 */
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as cdk from 'apple-ports/cdk';
import type * as pulumiAdapter from 'apple-ports/pulumi';
import { resourcesOfType, strictApp } from '../cdk/cdk-test-app';
import { installMockRecorder, ofType, record, TYPES } from './mock-recorder';

let pulumi: typeof pulumiAdapter;

beforeAll(async () => {
  await installMockRecorder();
  pulumi = await import('apple-ports/pulumi');
});

const SUBNETS = ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'];
const OPTIONS = { retentionDays: 90, trafficType: 'ALL', maxAggregationInterval: 600, resolverQueryLogging: true } as const;

test('the same observer in CloudFormation and in Pulumi', async () => {
  const stack = new Stack(strictApp(), 'Parity');
  const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', { vpcId: 'vpc-0123456789abcdef0', availabilityZones: ['eu-west-1a', 'eu-west-1b'], privateSubnetIds: SUBNETS });
  const cdkObserver = new cdk.AppleTrafficObserver(stack, 'Watch', { vpc, subnets: { subnets: vpc.privateSubnets }, ...OPTIONS });
  const template = Template.fromStack(stack);

  let pulumiObserver!: pulumiAdapter.AppleTrafficObserver;
  const recording = await record(() => {
    pulumiObserver = new pulumi.AppleTrafficObserver('watch', { vpcId: 'vpc-0123456789abcdef0', subnetIds: SUBNETS, ...OPTIONS });
  });

  expect(pulumiObserver.plan).toEqual(cdkObserver.plan);

  const cfnFlowLogs = Object.values(resourcesOfType(template, 'AWS::EC2::FlowLog')).map((r) => r.Properties as Record<string, unknown>);
  const pulumiFlowLogs = ofType(recording, TYPES.flowLog).map((r) => r.inputs);
  expect(pulumiFlowLogs.map((p) => [p.subnetId, p.logFormat, p.trafficType, p.maxAggregationInterval, p.logDestinationType])).toEqual(
    cfnFlowLogs.map((p) => [p.ResourceId, p.LogFormat, p.TrafficType, p.MaxAggregationInterval, p.LogDestinationType]),
  );
  expect(cfnFlowLogs.map((p) => p.ResourceId)).toEqual(SUBNETS);

  const cfnRetention = Object.values(resourcesOfType(template, 'AWS::Logs::LogGroup')).map((r) => (r.Properties as { RetentionInDays: number }).RetentionInDays);
  expect(ofType(recording, TYPES.logGroup).map((r) => r.inputs.retentionInDays)).toEqual(cfnRetention);
  expect(cfnRetention).toEqual([90, 90]);

  const [cfnRole] = Object.values(resourcesOfType(template, 'AWS::IAM::Role')).map((r) => r.Properties as { AssumeRolePolicyDocument: { Statement: { Principal: unknown; Action: unknown }[] }; Policies: { PolicyDocument: { Statement: { Action: unknown }[] } }[] });
  const pulumiTrust = JSON.parse(ofType(recording, TYPES.role)[0]!.inputs.assumeRolePolicy as string);
  const pulumiPolicy = JSON.parse(ofType(recording, TYPES.rolePolicy)[0]!.inputs.policy as string);
  expect(pulumiTrust.Statement.map((s: { Principal: unknown; Action: unknown }) => [s.Principal, s.Action])).toEqual(cfnRole.AssumeRolePolicyDocument.Statement.map((s) => [s.Principal, s.Action]));
  expect(pulumiPolicy.Statement.map((s: { Action: unknown }) => s.Action)).toEqual(cfnRole.Policies[0].PolicyDocument.Statement.map((s) => s.Action));

  const [cfnQuery] = Object.values(resourcesOfType(template, 'AWS::Logs::QueryDefinition')).map((r) => r.Properties as { Name: string; QueryString: string });
  const [pulumiQuery] = ofType(recording, TYPES.queryDefinition);
  expect([pulumiQuery!.inputs.name, pulumiQuery!.inputs.queryString]).toEqual([cfnQuery.Name, cfnQuery.QueryString]);

  template.resourceCountIs('AWS::Route53Resolver::ResolverQueryLoggingConfigAssociation', 1);
  expect(ofType(recording, TYPES.resolverQueryLogConfigAssociation)).toHaveLength(1);
});
