import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { ApplePortsError, planTrafficObserver } from 'apple-ports';
import { AppleTrafficObserver } from 'apple-ports/cdk';
import { resourcesOfType, stackWithVpc, strictApp } from './cdk-test-app';
import { errorOf } from '../thrown';

describe('AppleTrafficObserver', () => {
  test('one flow log per subnet in the reader format, to a retained log group, through a role scoped to it', () => {
    const { stack, vpc } = stackWithVpc();
    const observer = new AppleTrafficObserver(stack, 'Watch', { vpc, subnets: { subnetGroupName: 'Desktops' }, retentionDays: logs.RetentionDays.ONE_MONTH });
    const template = Template.fromStack(stack);
    const plan = planTrafficObserver({ targets: { vpc: true, subnets: 2, networkInterfaces: 0 }, retentionDays: 30 });
    expect(observer.plan).toEqual(plan);

    const groups = resourcesOfType(template, 'AWS::Logs::LogGroup');
    expect(Object.values(groups)).toEqual([{ Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 30 }, UpdateReplacePolicy: 'Retain', DeletionPolicy: 'Retain' }]);
    const [groupId] = Object.keys(groups);
    const [roleId] = Object.keys(resourcesOfType(template, 'AWS::IAM::Role'));

    const flowLogs = Object.values(resourcesOfType(template, 'AWS::EC2::FlowLog')).map((r) => r.Properties);
    expect(flowLogs).toEqual(
      vpc.privateSubnets.map((subnet) => ({
        ResourceId: stack.resolve(subnet.subnetId),
        ResourceType: 'Subnet',
        TrafficType: 'ALL',
        LogDestinationType: 'cloud-watch-logs',
        LogGroupName: { Ref: groupId },
        DeliverLogsPermissionArn: { 'Fn::GetAtt': [roleId, 'Arn'] },
        LogFormat: plan.logFormat,
        MaxAggregationInterval: 60,
      })),
    );

    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'vpc-flow-logs.amazonaws.com' },
            Action: 'sts:AssumeRole',
            Condition: {
              StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
              ArnLike: { 'aws:SourceArn': { 'Fn::Sub': 'arn:*:ec2:*:${AWS::AccountId}:vpc-flow-log/*' } },
            },
          },
        ],
      },
      Policies: [
        {
          PolicyName: 'WriteFlowLogs',
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Sid: 'WriteFlowLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [groupId, 'Arn'] } }],
          },
        },
      ],
    });

    expect(Object.values(resourcesOfType(template, 'AWS::Logs::QueryDefinition')).map((r) => r.Properties)).toEqual([
      { Name: 'apple-ports/apple-traffic-by-port', QueryString: plan.queries[0].queryString, LogGroupNames: [{ Ref: groupId }] },
    ]);
    template.resourceCountIs('AWS::Route53Resolver::ResolverQueryLoggingConfig', 0);
    Annotations.fromStack(stack).hasWarning('/Test/Watch', Match.stringLikeRegexp('^Flow logs do not record traffic to the Amazon DNS server'));
  });

  test('a VPC alone gets one flow log; resolverQueryLogging adds its own log group, config and association', () => {
    const { stack, vpc } = stackWithVpc();
    new AppleTrafficObserver(stack, 'Watch', { vpc, resolverQueryLogging: true, retainLogs: false, trafficType: 'REJECT', maxAggregationInterval: 600 });
    const template = Template.fromStack(stack);
    const flowLogs = Object.values(resourcesOfType(template, 'AWS::EC2::FlowLog')).map((r) => r.Properties as Record<string, unknown>);
    expect(flowLogs.map((p) => [p.ResourceType, p.ResourceId, p.TrafficType, p.MaxAggregationInterval])).toEqual([['VPC', stack.resolve(vpc.vpcId), 'REJECT', 600]]);
    const groups = template.findResources('AWS::Logs::LogGroup') as Record<string, { Properties: unknown; DeletionPolicy: string }>;
    expect(Object.values(groups).map((g) => [g.Properties, g.DeletionPolicy])).toEqual([
      [{ RetentionInDays: 14 }, 'Delete'],
      [{ RetentionInDays: 14 }, 'Delete'],
    ]);
    const resolverGroup = Object.keys(groups).find((id) => id.startsWith('WatchResolverQueryLogs'))!;
    const [configId] = Object.keys(resourcesOfType(template, 'AWS::Route53Resolver::ResolverQueryLoggingConfig'));
    template.hasResourceProperties('AWS::Route53Resolver::ResolverQueryLoggingConfig', { DestinationArn: { 'Fn::GetAtt': [resolverGroup, 'Arn'] } });
    template.hasResourceProperties('AWS::Route53Resolver::ResolverQueryLoggingConfigAssociation', {
      ResolverQueryLogConfigId: { 'Fn::GetAtt': [configId, 'Id'] },
      ResourceId: stack.resolve(vpc.vpcId),
    });
  });

  test('network interfaces by id', () => {
    const stack = new Stack(strictApp(), 'Enis');
    new AppleTrafficObserver(stack, 'Watch', { networkInterfaceIds: ['eni-0123456789abcdef0'] });
    const [flowLog] = Object.values(resourcesOfType(Template.fromStack(stack), 'AWS::EC2::FlowLog'));
    expect(flowLog.Properties).toMatchObject({ ResourceId: 'eni-0123456789abcdef0', ResourceType: 'NetworkInterface' });
  });

  test('subnets listed by themselves need no VPC; a selection by type or group does', () => {
    const { stack, vpc } = stackWithVpc();
    new AppleTrafficObserver(stack, 'Listed', { subnets: { subnets: [vpc.privateSubnets[1]!] } });
    const flowLogs = Object.values(resourcesOfType(Template.fromStack(stack), 'AWS::EC2::FlowLog')).map((r) => r.Properties);
    expect(flowLogs.map((p) => [p.ResourceType, p.ResourceId])).toEqual([['Subnet', stack.resolve(vpc.privateSubnets[1]!.subnetId)]]);
    const message = 'subnets selects subnets of vpc by type, group or filter, but no vpc is given. Pass vpc as well, or list the subnets themselves: subnets: { subnets: [subnetA, subnetB] }.';
    expect(errorOf(() => new AppleTrafficObserver(stack, 'ByType', { subnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } })).message).toBe(`Test/ByType: ${message}`);
    expect(errorOf(() => new AppleTrafficObserver(stack, 'Both', { subnets: { subnets: vpc.privateSubnets, onePerAz: true } })).message).toBe(`Test/Both: ${message}`);
  });

  test('RetentionDays.INFINITE is refused by its name, with a retention to use instead', () => {
    const stack = new Stack(strictApp(), 'Forever');
    expect(errorOf(() => new AppleTrafficObserver(stack, 'Watch', { networkInterfaceIds: ['eni-0123456789abcdef0'], retentionDays: logs.RetentionDays.INFINITE })).message).toBe(
      'Forever/Watch: retentionDays RetentionDays.INFINITE keeps the records forever, and the observer is for a few weeks of watching. Use a retention such as logs.RetentionDays.ONE_MONTH, at most logs.RetentionDays.TEN_YEARS.',
    );
  });

  test('bad options fail at construction, with the construct path and every fix', () => {
    const stack = new Stack(strictApp(), 'Bad');
    // A number no RetentionDays member has, as plain JavaScript may pass.
    const error = errorOf(() => new AppleTrafficObserver(stack, 'Watch', { retentionDays: 10 as logs.RetentionDays, resolverQueryLogging: true }));
    expect(error).toBeInstanceOf(ApplePortsError);
    expect(error.message).toBe(
      [
        'Bad/Watch: invalid apple-ports selection (3 problems):',
        '- The observer watches nothing. Give vpc (every interface in it), subnets, or networkInterfaceIds.',
        '- retentionDays 10 is not a retention CloudWatch Logs accepts. Use one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 (the nearest is 7).',
        '- resolverQueryLogging logs the DNS queries of a VPC. Give vpc as well, or turn resolverQueryLogging off.',
      ].join('\n'),
    );
  });
});
