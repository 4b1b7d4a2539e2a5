import * as pulumi from '@pulumi/pulumi';
import { resolve } from 'apple-ports';
import type * as adapter from 'apple-ports/pulumi';
import { installMockRecorder, mockId, ofType, record, TYPES, type Recording } from './mock-recorder';
import { networkAclEntryLines, securityGroupRuleLines } from './recorded-rules';

const VPC = 'vpc-0123456789abcdef0';
const BASTION = 'sg-0bbbbbbbbbbbbbbbb';

let AppleServicesIngress: typeof adapter.AppleServicesIngress;

beforeAll(async () => {
  await installMockRecorder();
  ({ AppleServicesIngress } = await import('apple-ports/pulumi'));
});

describe('AppleServicesIngress from a bastion security group', () => {
  let recording: Recording;
  let component: adapter.AppleServicesIngress;

  beforeAll(async () => {
    recording = await record(() => {
      component = new AppleServicesIngress('mac', { products: ['ScreenSharing'], sources: [{ securityGroupId: pulumi.output(BASTION) }], vpcId: VPC });
    });
  });

  test('creates a group with one ingress rule per rule, referencing the bastion', () => {
    const sgId = mockId(TYPES.securityGroup, 'mac-sg');
    const rule = (protocol: string, port: number, description: string) => ({
      type: TYPES.ingressRule,
      name: `mac-ingress-${protocol}-${port}-securityGroupId-0`,
      inputs: { securityGroupId: sgId, ipProtocol: protocol, fromPort: port, toPort: port, referencedSecurityGroupId: BASTION, description },
      parent: 'mac',
      deleteBeforeReplace: false,
      dependencies: ['mac-sg'],
    });
    expect(recording.resources).toEqual([
      { type: TYPES.ingressComponent, name: 'mac', inputs: {}, deleteBeforeReplace: false, dependencies: [] },
      {
        type: TYPES.securityGroup,
        name: 'mac-sg',
        inputs: { vpcId: VPC, description: 'Apple services ingress, managed by apple-ports' },
        parent: 'mac',
        deleteBeforeReplace: false,
        dependencies: [],
      },
      rule('tcp', 5900, 'Screen Sharing: Screen Sharing (RFB) (tcp 5900)'),
      rule('tcp', 88, 'Screen Sharing: Kerberos (tcp 88)'),
      rule('udp', 5900, 'Screen Sharing: Screen Sharing (RFB) (udp 5900)'),
    ]);
    expect(recording.warnings).toEqual([]);
  });

  test('keeps the policy the resolver gives, with a placeholder for the output', () => {
    expect(component.policy).toEqual(resolve({ products: ['ScreenSharing'], direction: 'ingress', destinations: [{ kind: 'security-group', id: '<securityGroupId#0>' }] }, { isUnresolved: (v) => v === '<securityGroupId#0>' }));
    expect(component.policy.direction).toBe('ingress');
  });
});

describe('AppleServicesIngress from admin CIDRs', () => {
  test('the remote-admin-host profile into an existing group and a new network ACL', async () => {
    const recording = await record(
      () => new AppleServicesIngress('admin', { profiles: ['remote-admin-host'], sources: ['203.0.113.0/24'], securityGroupId: 'sg-0aaaaaaaaaaaaaaaa', vpcId: VPC, subnetIds: ['subnet-0123456789abcdef0'] }),
    );
    expect(securityGroupRuleLines(recording, 'sg-0aaaaaaaaaaaaaaaa')).toEqual([
      'ingress tcp 22 203.0.113.0/24',
      'ingress tcp 3283 203.0.113.0/24',
      'ingress tcp 5900 203.0.113.0/24',
      'ingress tcp 88 203.0.113.0/24',
      'ingress udp 3283 203.0.113.0/24',
      'ingress udp 5900 203.0.113.0/24',
    ]);
    // A stateless ACL lets the replies out: one outbound return entry per protocol and CIDR.
    const lines = networkAclEntryLines(recording, mockId(TYPES.networkAcl, 'admin-nacl')).map((line) => line.replace(/^(\w+) \d+ /, '$1 ')).sort();
    expect(lines).toEqual([
      'in icmp 3:4 0.0.0.0/0',
      'in tcp 22 203.0.113.0/24',
      'in tcp 3283 203.0.113.0/24',
      'in tcp 5900 203.0.113.0/24',
      'in tcp 88 203.0.113.0/24',
      'in udp 3283 203.0.113.0/24',
      'in udp 5900 203.0.113.0/24',
      'out icmp 3:4 0.0.0.0/0',
      'out tcp 1024-65535 203.0.113.0/24',
      'out udp 1024-65535 203.0.113.0/24',
    ]);
    expect(ofType(recording, TYPES.securityGroup)).toEqual([]);
    expect(ofType(recording, TYPES.networkAclAssociation).map((r) => r.inputs.subnetId)).toEqual(['subnet-0123456789abcdef0']);
  });

  test("an explicit 'anywhere' works, and warns", async () => {
    const recording = await record(() => new AppleServicesIngress('open', { products: ['SSH'], sources: ['anywhere'], vpcId: VPC }));
    expect(securityGroupRuleLines(recording)).toEqual(['ingress tcp 22 0.0.0.0/0']);
    expect(recording.warnings).toEqual([
      'apple-ports:open-ingress: Ingress is open to the whole internet (0.0.0.0/0). Name the admin CIDRs, a bastion security group or a prefix list instead.',
    ]);
  });
});
