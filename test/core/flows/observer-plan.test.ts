import { CLOUDWATCH_LOGS_RETENTION_DAYS } from '../../../lib/core/aws/facts';
import { FlowLogParser, OBSERVER_FLOW_LOG_FIELDS, appleTrafficQuery, planTrafficObserver } from '../../../lib/core';
import { thrown } from '../../thrown';
import { observerOptionsOf } from '../../../lib/core/internal';

const vpcOnly = { targets: { vpc: true, subnets: 0, networkInterfaces: 0 } };

describe('planTrafficObserver', () => {
  test("plans flow logs in the reader's own format, with defaults for a week of watching", () => {
    const plan = planTrafficObserver(vpcOnly);
    expect(plan).toMatchObject({
      fields: OBSERVER_FLOW_LOG_FIELDS,
      version: 5,
      trafficType: 'ALL',
      maxAggregationInterval: 60,
      retentionInDays: 14,
      retainLogs: true,
      flowLogs: [{ kind: 'vpc', index: 0, name: 'Vpc' }],
      resolverQueryLogging: false,
    });
    expect(plan.logFormat).toBe(
      '${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status} ${vpc-id} ${subnet-id} ${instance-id} ${tcp-flags} ${pkt-srcaddr} ${pkt-dstaddr} ${flow-direction} ${traffic-path}',
    );
    expect(plan.notices.map((n) => n.code)).toEqual(['flow-logs-blind-spots']);
  });

  test('Resolver query logging says whose queries it misses', () => {
    expect(planTrafficObserver({ ...vpcOnly, resolverQueryLogging: true }).notices.slice(1)).toEqual([
      {
        code: 'resolver-query-logs-scope',
        message: 'Resolver query logging records the queries the VPC sends to the Route 53 Resolver; devices that use another DNS server are not in it.',
      },
    ]);
  });

  test('the role may only write to the flow log group, and only for flow logs of its own account', () => {
    const { role } = planTrafficObserver(vpcOnly);
    expect(role).toEqual({
      servicePrincipal: 'vpc-flow-logs.amazonaws.com',
      sourceArnPattern: 'arn:*:ec2:*:{account}:vpc-flow-log/*',
      policyName: 'WriteFlowLogs',
      statements: [{ sid: 'WriteFlowLogs', actions: ['logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'], resource: 'log-group' }],
    });
  });

  test('one flow log per subnet and interface when they are given (the VPC then only scopes Resolver logging)', () => {
    const plan = planTrafficObserver({ targets: { vpc: true, subnets: 2, networkInterfaces: 1 }, resolverQueryLogging: true });
    expect(plan.flowLogs.map((f) => f.name)).toEqual(['Subnet0', 'Subnet1', 'NetworkInterface0']);
    expect(plan.notices.map((n) => n.code)).toEqual(['flow-logs-blind-spots', 'resolver-query-logs-scope']);
  });

  test('every bad option is named with the fix, at once', () => {
    const error = thrown(() => planTrafficObserver({ targets: { vpc: false, subnets: 0, networkInterfaces: 0 }, retentionDays: 10, maxAggregationInterval: 120, resolverQueryLogging: true }));
    expect(error.problems).toEqual([
      { code: 'invalid-observer-option', message: 'The observer watches nothing. Give vpc (every interface in it), subnets, or networkInterfaceIds.' },
      { code: 'invalid-observer-option', message: `retentionDays 10 is not a retention CloudWatch Logs accepts. Use one of ${CLOUDWATCH_LOGS_RETENTION_DAYS.join(', ')} (the nearest is 7).` },
      { code: 'invalid-observer-option', message: 'maxAggregationInterval 120 is not one AWS allows. Use 60 or 600 seconds.' },
      { code: 'invalid-observer-option', message: 'resolverQueryLogging logs the DNS queries of a VPC. Give vpc as well, or turn resolverQueryLogging off.' },
    ]);
  });
});

describe('the Logs Insights query', () => {
  const query = appleTrafficQuery();

  test('parses every field of the format, and keeps the outbound half of each connection', () => {
    const lines = query.split('\n');
    expect(lines[0]).toBe(
      `parse @message "${OBSERVER_FLOW_LOG_FIELDS.map(() => '*').join(' ')}" as version, account_id, interface_id, srcaddr, dstaddr, srcport, dstport, protocol, packets, bytes, start, end, action, log_status, vpc_id, subnet_id, instance_id, tcp_flags, pkt_srcaddr, pkt_dstaddr, flow_direction, traffic_path`,
    );
    expect(lines[1]).toBe('| filter flow_direction = "egress"');
    expect(lines.slice(3)).toEqual(['| stats count(*) as records, sum(bytes) as bytes by protocol, dstport, action', '| sort records desc']);
  });

  test('filters on the current Apple ports, ranges as ranges', () => {
    expect(query).toContain('(protocol = 6 and (dstport = 22 or dstport = 25 or dstport = 53 or dstport = 80');
    expect(query).toContain('(dstport >= 16384 and dstport <= 16472)');
    expect(query).not.toContain('dstport = 2195');
  });

  test('a record the observer writes is read by the CLI without a field list', () => {
    const record = '5 123456789012 eni-0a1b2c3d4e5f60718 10.0.1.5 17.57.144.9 50000 5223 6 1 60 1700000000 1700000060 ACCEPT OK vpc-1 subnet-1 i-1 2 10.0.1.5 17.57.144.9 egress 8';
    expect(new FlowLogParser().parse(record, 1)).toMatchObject({ kind: 'record', record: { flowDirection: 'egress', dstport: 5223 } });
  });
});

describe('observerOptionsOf: the options both observers take, passed to the plan once', () => {
  test('only the options given, so the plan applies its defaults to the rest', () => {
    expect(observerOptionsOf({ trafficType: 'REJECT', retentionDays: 30, retainLogs: undefined, resolverQueryLogging: false })).toEqual({ trafficType: 'REJECT', retentionDays: 30, resolverQueryLogging: false });
    expect(observerOptionsOf({})).toEqual({});
    expect(observerOptionsOf({ maxAggregationInterval: 600, retainLogs: false })).toEqual({ maxAggregationInterval: 600, retainLogs: false });
  });
});
