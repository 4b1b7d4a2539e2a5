import {
  FlowAttributor,
  PolicyMatcher,
  replayPolicyFromResolved,
  replayPolicyFromSelection,
  replayPolicyFromTemplates,
  resolve,
  type FlowRecord,
} from '../../../lib/core';
import { thrown } from '../../thrown';

const attributor = new FlowAttributor({ localCidrs: ['10.0.0.0/16'] });
const flow = (partial: Partial<FlowRecord>) => attributor.attribute({ lineNumber: 1, protocol: 6, srcaddr: '10.0.1.5', srcport: 50000, action: 'ACCEPT', ...partial });

describe('PolicyMatcher on a selection', () => {
  const matcher = new PolicyMatcher(replayPolicyFromSelection({ products: ['iCloud'], destinations: ['apple-network'] }, 'iCloud'));

  test('allows what the rules open to their peers, and blocks the rest', () => {
    expect(matcher.verdict(flow({ dstaddr: '17.57.144.9', dstport: 5223 }))).toBe('allowed');
    expect(matcher.verdict(flow({ dstaddr: '198.51.100.7', dstport: 5223 }))).toBe('blocked');
    expect(matcher.verdict(flow({ dstaddr: '17.57.144.9', dstport: 3478, protocol: 17 }))).toBe('blocked');
  });

  test('replies are judged as the connection they belong to', () => {
    expect(matcher.verdict(flow({ srcaddr: '17.57.144.9', srcport: 5223, dstaddr: '10.0.1.5', dstport: 50000 }))).toBe('allowed');
  });

  test('an egress policy has no ingress rule: inbound connections are blocked', () => {
    expect(matcher.verdict(flow({ srcaddr: '198.51.100.4', srcport: 50000, dstaddr: '10.0.1.5', dstport: 22 }))).toBe('blocked');
  });
});

test('a rule to a security group or prefix list makes the verdict unknown, not allowed', () => {
  const policy = resolve({ products: ['iCloud'], destinations: ['pl-0123456789abcdef0'] });
  const matcher = new PolicyMatcher(replayPolicyFromResolved(policy, 'policy.json'));
  expect(matcher.verdict(flow({ dstaddr: '17.57.144.9', dstport: 443 }))).toBe('unknown');
  expect(matcher.verdict(flow({ dstaddr: '17.57.144.9', dstport: 22 }))).toBe('blocked');
});

test('a recorded CIDR known only at deploy time (its placeholder) makes the verdict unknown, not an error', () => {
  const policy = resolve({ products: ['SSH'], direction: 'ingress', destinations: ['{Stack/Vpc.CidrBlock}'] }, { isUnresolved: (value) => value.startsWith('{') });
  const replay = replayPolicyFromResolved(policy, 'cdk.out');
  expect(replay.rules.map((rule) => rule.peer)).toEqual([{ kind: 'unknown', label: '{Stack/Vpc.CidrBlock} (known at deploy time)' }]);
  expect(new PolicyMatcher(replay).verdict(flow({ srcaddr: '198.51.100.4', srcport: 50000, dstaddr: '10.0.1.5', dstport: 22 }))).toBe('unknown');
});

describe('replayPolicyFromTemplates', () => {
  const template = {
    Resources: {
      MacSg: {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: {
          SecurityGroupEgress: [
            { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0', Description: 'https' },
            { IpProtocol: 'icmp', FromPort: 252, ToPort: 86, CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic' },
          ],
        },
      },
      MacSgFromBastion: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: { 'Fn::GetAtt': ['MacSg', 'GroupId'] }, IpProtocol: 'tcp', FromPort: 22, ToPort: 22, SourceSecurityGroupId: { 'Fn::GetAtt': ['Bastion', 'GroupId'] } } },
      MacSgUdp: { Type: 'AWS::EC2::SecurityGroupEgress', Properties: { GroupId: { Ref: 'MacSg' }, IpProtocol: '17', FromPort: 3478, ToPort: 3497, CidrIp: '0.0.0.0/0' } },
      Bastion: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'bastion' } },
    },
  };
  const policy = replayPolicyFromTemplates([{ name: 'Stack.template.json', template }], 'cdk.out');

  test('reads inline and standalone rules, numbers as protocols, and deploy-time peers as unknown', () => {
    expect(policy.rules.map((r) => [r.direction, r.protocol, r.fromPort, r.toPort, r.peer])).toEqual([
      ['egress', 'tcp', 443, 443, { kind: 'cidr', cidr: '0.0.0.0/0' }],
      ['egress', 'icmp', 1, 65535, { kind: 'cidr', cidr: '255.255.255.255/32' }],
      ['ingress', 'tcp', 22, 22, { kind: 'unknown', label: 'security group (known at deploy time)' }],
      ['egress', 'udp', 3478, 3497, { kind: 'cidr', cidr: '0.0.0.0/0' }],
    ]);
  });

  test("says that a group without egress rules keeps AWS's allow-all rule, and leaves it out", () => {
    expect(policy.notes).toEqual(["Stack.template.json Bastion has no egress rules, so it keeps AWS's allow-all egress rule; it was left out of the replay."]);
  });

  test('verdicts follow the rules', () => {
    const matcher = new PolicyMatcher(policy);
    expect(matcher.verdict(flow({ dstaddr: '198.51.100.7', dstport: 443 }))).toBe('allowed');
    expect(matcher.verdict(flow({ dstaddr: '198.51.100.7', dstport: 3480, protocol: 17 }))).toBe('allowed');
    expect(matcher.verdict(flow({ srcaddr: '198.51.100.4', srcport: 50000, dstaddr: '10.0.1.5', dstport: 22 }))).toBe('unknown');
    expect(matcher.verdict(flow({ dstaddr: '198.51.100.7', dstport: 80 }))).toBe('blocked');
  });

  test('templates without security groups are refused with the fix', () => {
    expect(thrown(() => replayPolicyFromTemplates([{ name: 'x', template: { Resources: {} } }], 'cdk.out')).problems).toEqual([
      {
        code: 'invalid-replay-policy',
        message:
          'cdk.out holds no AWS::EC2::SecurityGroup or security-group rule resources. Give a cdk.out directory whose templates hold the security groups, a policy JSON (apple-ports resolve --format json), or products.',
      },
    ]);
  });
});
