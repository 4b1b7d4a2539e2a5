import { installMockRecorder, mockId, ofType, record, TYPES, valueOf, type Recording } from './mock-recorder';
import { networkAclEntryLines, securityGroupRuleLines } from './recorded-rules';

type Program = typeof import('../../examples/pulumi-vdi/index');

const SG = TYPES.securityGroup;
const ids = {
  vpc: mockId('aws:ec2/vpc:Vpc', 'apple-vdi'),
  vdiSubnets: [mockId('aws:ec2/subnet:Subnet', 'vdi-1'), mockId('aws:ec2/subnet:Subnet', 'vdi-2')],
  vdiGroup: mockId(SG, 'vdi-desktops-sg'),
  vdiAcl: mockId(TYPES.networkAcl, 'vdi-desktops-nacl'),
  bastion: mockId(SG, 'bastion'),
  macHosts: mockId(SG, 'mac-hosts'),
};

let recording: Recording;
let program: Program;

beforeAll(async () => {
  await installMockRecorder();
  // The very program `pulumi preview` runs in examples/pulumi-vdi.
  recording = await record(async () => {
    program = await import('../../examples/pulumi-vdi/index');
  });
});

describe('the Pulumi VDI example program', () => {
  test('creates the network, three components and nothing else', () => {
    const counts: Record<string, number> = {};
    for (const resource of recording.resources) counts[resource.type] = (counts[resource.type] ?? 0) + 1;
    expect(counts).toEqual({
      [TYPES.egressComponent]: 2,
      [TYPES.ingressComponent]: 1,
      'aws:ec2/vpc:Vpc': 1,
      'aws:ec2/subnet:Subnet': 3,
      [SG]: 3,
      [TYPES.egressRule]: 16,
      [TYPES.ingressRule]: 3,
      [TYPES.networkAcl]: 1,
      [TYPES.networkAclRule]: 10,
      [TYPES.networkAclAssociation]: 2,
    });
  });

  test('the VDI desktops get exactly the iCloud and FaceTime egress', () => {
    expect(securityGroupRuleLines(recording, ids.vdiGroup)).toEqual([
      'egress tcp 443 0.0.0.0/0',
      'egress tcp 5223 0.0.0.0/0',
      'egress tcp 80 0.0.0.0/0',
      'egress udp 16384-16387 0.0.0.0/0',
      'egress udp 16393-16402 0.0.0.0/0',
      'egress udp 3478-3497 0.0.0.0/0',
    ]);
    expect(ofType(recording, SG).find((r) => r.name === 'vdi-desktops-sg')?.inputs).toEqual({ vpcId: ids.vpc, description: 'Apple services egress, managed by apple-ports' });
  });

  test('the VDI subnets get a network ACL with the return entries', () => {
    expect(networkAclEntryLines(recording, ids.vdiAcl)).toEqual([
      'out 6460 udp 3478-3497 0.0.0.0/0',
      'out 6470 icmp 3:4 0.0.0.0/0',
      'out 17490 udp 16393-16402 0.0.0.0/0',
      'out 17850 tcp 80 0.0.0.0/0',
      'out 18420 tcp 443 0.0.0.0/0',
      'out 27170 udp 16384-16387 0.0.0.0/0',
      'out 27270 tcp 5223 0.0.0.0/0',
      'in 1170 udp 1024-65535 0.0.0.0/0',
      'in 22010 tcp 1024-65535 0.0.0.0/0',
      'in 27020 icmp 3:4 0.0.0.0/0',
    ]);
    expect(ofType(recording, TYPES.networkAcl).map((r) => r.inputs)).toEqual([{ vpcId: ids.vpc }]);
    expect(ofType(recording, TYPES.networkAclAssociation).map((r) => [r.name, r.inputs])).toEqual([
      ['vdi-desktops-subnet-0', { networkAclId: ids.vdiAcl, subnetId: ids.vdiSubnets[0] }],
      ['vdi-desktops-subnet-1', { networkAclId: ids.vdiAcl, subnetId: ids.vdiSubnets[1] }],
    ]);
  });

  test('the Mac hosts take Screen Sharing from the bastion only, and the bastion gets the matching egress', () => {
    expect(securityGroupRuleLines(recording, ids.macHosts).filter((line) => line.startsWith('ingress'))).toEqual([
      `ingress tcp 5900 ${ids.bastion}`,
      `ingress tcp 88 ${ids.bastion}`,
      `ingress udp 5900 ${ids.bastion}`,
    ]);
    expect(securityGroupRuleLines(recording, ids.bastion)).toEqual([`egress tcp 5900 ${ids.macHosts}`, `egress tcp 88 ${ids.macHosts}`, `egress udp 5900 ${ids.macHosts}`]);
    expect(ofType(recording, TYPES.egressRule).filter((r) => r.inputs.securityGroupId === ids.bastion).map((r) => `${r.parent} ${r.name}`)).toEqual([
      'mac-screen-sharing mac-screen-sharing-bastion.securityGroupId-egress-tcp-5900',
      'mac-screen-sharing mac-screen-sharing-bastion.securityGroupId-egress-tcp-88',
      'mac-screen-sharing mac-screen-sharing-bastion.securityGroupId-egress-udp-5900',
    ]);
  });

  test('the Mac hosts connect out as build hosts', () => {
    expect(securityGroupRuleLines(recording, ids.macHosts).filter((line) => line.startsWith('egress'))).toEqual([
      'egress tcp 2197 0.0.0.0/0',
      'egress tcp 443 0.0.0.0/0',
      'egress tcp 5223 0.0.0.0/0',
      'egress tcp 53 0.0.0.0/0',
      'egress tcp 80 0.0.0.0/0',
      'egress udp 123 0.0.0.0/0',
      'egress udp 53 0.0.0.0/0',
    ]);
  });

  test('no security group has inline rules', () => {
    const groups = ofType(recording, SG);
    // The program's three groups, so the loop below cannot pass by looking at none.
    expect(groups.map((group) => group.name).sort()).toEqual(['bastion', 'mac-hosts', 'vdi-desktops-sg']);
    for (const group of groups) {
      expect(group.inputs).not.toHaveProperty('egress');
      expect(group.inputs).not.toHaveProperty('ingress');
    }
  });

  test('warns about the build hosts’ notices and the desktops’ closed QUIC', () => {
    expect(recording.warnings.map((line) => line.slice(0, line.indexOf(': '))).sort()).toEqual(['apple-ports:amazon-dns', 'apple-ports:amazon-time-sync', 'apple-ports:legacy-excluded', 'apple-ports:quic-closed']);
  });

  test('exports the ids and rule counts', async () => {
    expect(await valueOf(program.vpcId)).toBe(ids.vpc);
    expect(await valueOf(program.vdiSecurityGroupId)).toBe(ids.vdiGroup);
    expect(await valueOf(program.vdiNetworkAclId)).toBe(ids.vdiAcl);
    expect(await valueOf(program.bastionSecurityGroupId)).toBe(ids.bastion);
    expect(await valueOf(program.macHostSecurityGroupId)).toBe(ids.macHosts);
    expect(await Promise.all(program.vdiSubnetIds.map((id) => valueOf(id)))).toEqual(ids.vdiSubnets);
    expect(program.ruleCounts).toEqual({ vdiDesktops: 6, macScreenSharing: 3, macBuildEgress: 7 });
  });

  test('matches the snapshot', () => {
    expect(recording.resources).toHaveLength(42);
    expect(recording).toMatchSnapshot();
  });
});
