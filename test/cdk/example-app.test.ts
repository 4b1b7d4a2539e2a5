import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AppleServicesEgress } from 'apple-ports/cdk';
import { buildExample } from '../../examples/cdk/stacks';
import { SUBNETS } from '../../examples/cdk/subnets';
import { STRICT_VALIDATION, networkAclEntries, resourcesOfType, strictApp } from './cdk-test-app';

const ROOT = join(__dirname, '..', '..');

/** The example app as `cdk synth` builds it, plus strict validation and cdk-nag's AwsSolutions pack. */
function checkedExample() {
  const app = new App({ context: { ...STRICT_VALIDATION } });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, ...buildExample(app) };
}

describe('strict validation in the test apps', () => {
  test('a template CloudFormation would reject fails synthesis', () => {
    const app = strictApp();
    const stack = new Stack(app, 'Invalid');
    new ec2.CfnSecurityGroupEgress(stack, 'Reversed', { groupId: 'sg-0123456789abcdef0', ipProtocol: 'tcp', fromPort: 53, toPort: 1, cidrIp: '0.0.0.0/0' });
    expect(() => Template.fromStack(stack)).toThrow(/E9002/);
  });
});

describe('the example CDK app', () => {
  test('cdk.json runs it, and it synthesizes with strict validation and cdk-nag AwsSolutions finding nothing unexplained', () => {
    const cdkJson = JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8')) as { app: string };
    expect(cdkJson.app).toBe('npx tsx examples/cdk/app.ts');
    expect(existsSync(join(ROOT, 'examples/cdk/app.ts'))).toBe(true);

    const { app } = checkedExample();
    const assembly = app.synth();
    expect(assembly.stacks.map((s) => s.stackName).sort()).toEqual(['AppleMacHosts', 'AppleVdi']);
    expect(assembly.stacks.every((s) => s.environment.account === 'unknown-account' && s.environment.region === 'unknown-region')).toBe(true);
    expect(new AwsSolutionsChecks(app).validateScope(app)).toEqual({ success: true, violations: [] });
  });

  test('the VDI desktops: a security group and a network ACL on the VDI subnets with exactly iCloud and FaceTime', () => {
    const { vdi } = checkedExample();
    const template = Template.fromStack(vdi);

    const egress = [
      ['FaceTime, iCloud: HTTP (tcp 80)', 'tcp', 80, 80],
      ['FaceTime, iCloud: HTTPS (tcp 443)', 'tcp', 443, 443],
      ['FaceTime, iCloud: APNs (tcp 5223)', 'tcp', 5223, 5223],
      ['FaceTime: STUN/TURN (udp 3478-3497)', 'udp', 3478, 3497],
      ['FaceTime: RTP/RTCP (udp 16384-16387)', 'udp', 16384, 16387],
      ['FaceTime: RTP/RTCP (udp 16393-16402)', 'udp', 16393, 16402],
    ].map(([Description, IpProtocol, FromPort, ToPort]) => ({ CidrIp: '0.0.0.0/0', Description, FromPort, IpProtocol, ToPort }));
    template.hasResourceProperties('AWS::EC2::SecurityGroup', { GroupDescription: 'AppleVdi/VdiDesktops/SecurityGroup', SecurityGroupEgress: egress });
    expect(networkAclEntries(template)).toEqual([
      'egress 6460 udp 3478-3497 0.0.0.0/0 allow',
      'egress 6470 icmp 3:4 0.0.0.0/0 allow',
      'egress 17490 udp 16393-16402 0.0.0.0/0 allow',
      'egress 17850 tcp 80-80 0.0.0.0/0 allow',
      'egress 18420 tcp 443-443 0.0.0.0/0 allow',
      'egress 27170 udp 16384-16387 0.0.0.0/0 allow',
      'egress 27270 tcp 5223-5223 0.0.0.0/0 allow',
      'ingress 1170 udp 1024-65535 0.0.0.0/0 allow',
      'ingress 22010 tcp 1024-65535 0.0.0.0/0 allow',
      'ingress 27020 icmp 3:4 0.0.0.0/0 allow',
    ]);
    const vdiSubnets = vdi.vpc.selectSubnets({ subnetGroupName: SUBNETS.vdi }).subnets.map((s) => vdi.resolve(s.subnetId));
    expect(vdiSubnets).toHaveLength(2);
    expect(Object.values(resourcesOfType(template, 'AWS::EC2::SubnetNetworkAclAssociation')).map((a) => a.Properties.SubnetId)).toEqual(vdiSubnets);
    template.resourceCountIs('AWS::EC2::FlowLog', 1);
  });

  test('the Mac hosts: Screen Sharing in from the bastion only, and the build-host egress on the same group', () => {
    const { macHosts } = checkedExample();
    const template = Template.fromStack(macHosts);
    const hosts = { 'Fn::GetAtt': [Match.stringLikeRegexp('^MacHostsSecurityGroup'), 'GroupId'] };
    const bastion = { 'Fn::GetAtt': [Match.stringLikeRegexp('^Bastion'), 'GroupId'] };

    const ingress = Object.values(resourcesOfType(template, 'AWS::EC2::SecurityGroupIngress')).map((r) => r.Properties);
    expect(ingress.map((r) => `${r.IpProtocol} ${r.FromPort}-${r.ToPort} ${r.Description}`)).toEqual([
      'tcp 88-88 Screen Sharing: Kerberos (tcp 88)',
      'tcp 5900-5900 Screen Sharing: Screen Sharing (RFB) (tcp 5900)',
      'udp 5900-5900 Screen Sharing: Screen Sharing (RFB) (udp 5900)',
    ]);
    template.allResourcesProperties('AWS::EC2::SecurityGroupIngress', { GroupId: hosts, SourceSecurityGroupId: bastion });
    template.allResourcesProperties('AWS::EC2::SecurityGroupEgress', { GroupId: bastion, DestinationSecurityGroupId: hosts });
    template.resourceCountIs('AWS::EC2::SecurityGroupEgress', 3);

    const groups = resourcesOfType(template, 'AWS::EC2::SecurityGroup');
    const hostsGroup = Object.entries(groups).find(([id]) => id.startsWith('MacHostsSecurityGroup'))![1].Properties;
    expect(hostsGroup.SecurityGroupIngress).toBeUndefined();
    expect((hostsGroup.SecurityGroupEgress as { IpProtocol: string; FromPort: number; ToPort: number; CidrIp: string }[]).map((r) => `${r.IpProtocol} ${r.FromPort}-${r.ToPort} ${r.CidrIp}`)).toEqual(
      macHosts.buildEgress.policy.rules.map((r) => `${r.protocol} ${r.fromPort}-${r.toPort} 0.0.0.0/0`),
    );
    expect(macHosts.buildEgress.policy.rules).toHaveLength(7);
    expect(macHosts.buildEgress.connections.securityGroups).toEqual([macHosts.screenSharing.securityGroup]);
    // The example acknowledges the notices it reviewed, so `cdk synth --strict` passes.
    Annotations.fromStack(macHosts).hasNoWarning('*', Match.stringLikeRegexp('apple-ports:'));
  });

  test("cdk-nag's one finding on the constructs, VPC3 on the network ACL and its entries, is what the example acknowledges", () => {
    const app = new App();
    const stack = new Stack(app, 'Unacknowledged');
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0, flowLogs: { All: {} } });
    new AppleServicesEgress(stack, 'Mac', { products: ['iCloud'], vpc, subnets: { subnetType: ec2.SubnetType.PUBLIC } });
    const report = new AwsSolutionsChecks(app).validateScope(app);
    expect(report.violations.map((v) => [v.ruleName, v.severity, v.violatingResources.map((r) => r.constructPath)])).toEqual([
      [
        'AwsSolutions-VPC3',
        'warning',
        [
          'Unacknowledged/Mac/NetworkAcl/Resource',
          'Unacknowledged/Mac/NetworkAcl/Egress6470/Resource',
          'Unacknowledged/Mac/NetworkAcl/Egress17850/Resource',
          'Unacknowledged/Mac/NetworkAcl/Egress18420/Resource',
          'Unacknowledged/Mac/NetworkAcl/Egress27270/Resource',
          'Unacknowledged/Mac/NetworkAcl/Ingress22010/Resource',
          'Unacknowledged/Mac/NetworkAcl/Ingress27020/Resource',
        ],
      ],
    ]);

    const { vdi } = checkedExample();
    const acknowledged = vdi.desktops.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY);
    // CDK records the acknowledgement under its annotation prefix; cdk-nag matches it without.
    expect(acknowledged.map((m) => m.data)).toEqual([{ 'Annotation::AwsSolutions-VPC3': expect.stringMatching(/^The VDI subnets use a network ACL on purpose/) }]);
  });
});
