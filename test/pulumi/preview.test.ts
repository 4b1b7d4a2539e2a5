import type * as adapter from 'apple-ports/pulumi';
import { installMockRecorder, ofType, record, TYPES } from './mock-recorder';
import { networkAclEntryLines } from './recorded-rules';

let Egress: typeof adapter.AppleServicesEgress;
let Ingress: typeof adapter.AppleServicesIngress;

beforeAll(async () => {
  // A first preview: no resource exists yet, so every id (the VPC's, the bastion's) is unknown.
  await installMockRecorder({ preview: true, unknownIds: true });
  ({ AppleServicesEgress: Egress, AppleServicesIngress: Ingress } = await import('apple-ports/pulumi'));
});

describe('in a preview, with ids not known yet', () => {
  test('every rule and entry is still planned from the selection', async () => {
    const ec2 = await import('@pulumi/aws/ec2');
    const recording = await record(() => {
      const vpc = new ec2.Vpc('vpc', { cidrBlock: '10.0.0.0/16' });
      const subnet = new ec2.Subnet('subnet', { vpcId: vpc.id, cidrBlock: '10.0.1.0/24' });
      const bastion = new ec2.SecurityGroup('bastion', { vpcId: vpc.id });
      new Egress('vdi', { products: ['iCloud'], vpcId: vpc.id, subnetIds: [subnet.id] });
      new Ingress('mac', { products: ['SSH'], sources: [{ securityGroup: bastion }, { cidrIpv4: vpc.cidrBlock }], vpcId: vpc.id });
    });
    const unknown = expect.objectContaining({ __pulumiUnknown: true });
    expect(ofType(recording, TYPES.egressRule).map((r) => r.inputs)).toEqual([
      // The bastion's matching egress to the Macs.
      { securityGroupId: unknown, ipProtocol: 'tcp', fromPort: 22, toPort: 22, referencedSecurityGroupId: unknown, description: 'Remote Login (SSH): SSH (tcp 22)' },
      { securityGroupId: unknown, ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: '0.0.0.0/0', description: 'iCloud: HTTPS (tcp 443)' },
      { securityGroupId: unknown, ipProtocol: 'tcp', fromPort: 5223, toPort: 5223, cidrIpv4: '0.0.0.0/0', description: 'iCloud: APNs (tcp 5223)' },
      { securityGroupId: unknown, ipProtocol: 'tcp', fromPort: 80, toPort: 80, cidrIpv4: '0.0.0.0/0', description: 'iCloud: HTTP (tcp 80)' },
    ]);
    const ssh = { securityGroupId: unknown, ipProtocol: 'tcp', fromPort: 22, toPort: 22, description: 'Remote Login (SSH): SSH (tcp 22)' };
    expect(ofType(recording, TYPES.ingressRule).map((r) => r.inputs)).toEqual([
      { ...ssh, referencedSecurityGroupId: unknown },
      { ...ssh, cidrIpv4: '10.0.0.0/16' },
    ]);
    expect(networkAclEntryLines(recording)).toEqual([
      'out 6470 icmp 3:4 0.0.0.0/0',
      'out 17850 tcp 80 0.0.0.0/0',
      'out 18420 tcp 443 0.0.0.0/0',
      'out 27270 tcp 5223 0.0.0.0/0',
      'in 22010 tcp 1024-65535 0.0.0.0/0',
      'in 27020 icmp 3:4 0.0.0.0/0',
    ]);
    expect(ofType(recording, TYPES.ingressRule).map((r) => r.name)).toEqual(['mac-ingress-tcp-22-bastion.securityGroupId', 'mac-ingress-tcp-22-vpc.cidrIpv4']);
    expect(ofType(recording, TYPES.networkAclAssociation)).toHaveLength(1);
  });
});
