import * as pulumi from '@pulumi/pulumi';
import * as ec2 from '@pulumi/aws/ec2';
import { resolve } from 'apple-ports';
import type * as adapter from 'apple-ports/pulumi';
import { installMockRecorder, mockId, ofType, record, resourceErrorOf, TYPES, type Recording } from './mock-recorder';
import { networkAclEntryLines, securityGroupRuleLines } from './recorded-rules';

const VPC = 'vpc-0123456789abcdef0';
const BASTION = 'sg-0bbbbbbbbbbbbbbbb';

let AppleServicesIngress: typeof adapter.AppleServicesIngress;

beforeAll(async () => {
  await installMockRecorder();
  ({ AppleServicesIngress } = await import('apple-ports/pulumi'));
});

describe('AppleServicesIngress from a bastion known by its id', () => {
  let recording: Recording;
  let component: adapter.AppleServicesIngress;

  beforeAll(async () => {
    recording = await record(() => {
      component = new AppleServicesIngress('mac', { products: ['ScreenSharing'], sources: [{ securityGroupId: pulumi.output(BASTION) }], vpcId: VPC });
    });
  });

  test('creates a group with one ingress rule per rule, referencing the bastion and leaving it untouched', () => {
    const sgId = mockId(TYPES.securityGroup, 'mac-sg');
    // An output of no resource is named by where it was given; the numbered name it had before is an alias.
    const rule = (protocol: string, port: number, description: string) => ({
      type: TYPES.ingressRule,
      name: `mac-ingress-${protocol}-${port}-sources-0.securityGroupId`,
      inputs: { securityGroupId: sgId, ipProtocol: protocol, fromPort: port, toPort: port, referencedSecurityGroupId: BASTION, description },
      parent: 'mac',
      deleteBeforeReplace: false,
      dependencies: ['mac-sg'],
      aliases: [`mac-ingress-${protocol}-${port}-securityGroupId-0`],
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
    const placeholder = '<sources[0].securityGroupId>';
    expect(component.policy).toEqual(resolve({ products: ['ScreenSharing'], direction: 'ingress', destinations: [{ kind: 'security-group', id: placeholder }] }, { isUnresolved: (v) => v === placeholder }));
    expect(component.policy.direction).toBe('ingress');
  });
});

describe('AppleServicesIngress from a bastion security group created in the program', () => {
  const macSg = mockId(TYPES.securityGroup, 'mac-sg');
  const bastionSg = mockId(TYPES.securityGroup, 'bastion');

  test('{ securityGroup } gives the bastion the matching egress to the hosts; the policy names it', async () => {
    let component!: adapter.AppleServicesIngress;
    const recording = await record(() => {
      const bastion = new ec2.SecurityGroup('bastion', { vpcId: VPC });
      component = new AppleServicesIngress('mac', { products: ['ScreenSharing'], sources: [{ securityGroup: bastion }], vpcId: VPC });
    });
    expect(securityGroupRuleLines(recording, macSg)).toEqual([`ingress tcp 5900 ${bastionSg}`, `ingress tcp 88 ${bastionSg}`, `ingress udp 5900 ${bastionSg}`]);
    expect(securityGroupRuleLines(recording, bastionSg)).toEqual([`egress tcp 5900 ${macSg}`, `egress tcp 88 ${macSg}`, `egress udp 5900 ${macSg}`]);
    expect(ofType(recording, TYPES.egressRule).map((r) => ({ name: r.name, parent: r.parent, description: r.inputs.description, aliases: r.aliases }))).toEqual([
      { name: 'mac-bastion.securityGroupId-egress-tcp-5900', parent: 'mac', description: 'Screen Sharing: Screen Sharing (RFB) (tcp 5900)', aliases: undefined },
      { name: 'mac-bastion.securityGroupId-egress-tcp-88', parent: 'mac', description: 'Screen Sharing: Kerberos (tcp 88)', aliases: undefined },
      { name: 'mac-bastion.securityGroupId-egress-udp-5900', parent: 'mac', description: 'Screen Sharing: Screen Sharing (RFB) (udp 5900)', aliases: undefined },
    ]);
    // Named by the resource, in the policy and in the rules' names.
    expect(component.policy.rules.map((r) => r.peer)).toEqual([
      { kind: 'security-group', id: '<bastion.securityGroupId>' },
      { kind: 'security-group', id: '<bastion.securityGroupId>' },
      { kind: 'security-group', id: '<bastion.securityGroupId>' },
    ]);
    expect(ofType(recording, TYPES.ingressRule).map((r) => r.name)).toEqual([
      'mac-ingress-tcp-5900-bastion.securityGroupId',
      'mac-ingress-tcp-88-bastion.securityGroupId',
      'mac-ingress-udp-5900-bastion.securityGroupId',
    ]);
  });

  test('{ securityGroupId: bastion.id } leaves the bastion untouched, and is named by the resource too', async () => {
    let component!: adapter.AppleServicesIngress;
    const recording = await record(() => {
      const bastion = new ec2.SecurityGroup('bastion', { vpcId: VPC });
      component = new AppleServicesIngress('mac', { products: ['SSH'], sources: [{ securityGroupId: bastion.id }], vpcId: VPC });
    });
    expect(securityGroupRuleLines(recording)).toEqual([`ingress tcp 22 ${bastionSg}`]);
    expect(component.policy.rules.map((r) => r.peer)).toEqual([{ kind: 'security-group', id: '<bastion.securityGroupId>' }]);
  });

  test('the matching egress goes on the bastion once, however many components reach it through one group', async () => {
    const recording = await record(() => {
      const bastion = new ec2.SecurityGroup('bastion', { vpcId: VPC });
      const hosts = 'sg-0aaaaaaaaaaaaaaaa';
      new AppleServicesIngress('ssh', { products: ['SSH'], sources: [{ securityGroup: bastion }], securityGroupId: hosts });
      new AppleServicesIngress('admin', { products: ['SSH', 'ScreenSharing'], sources: [{ securityGroup: bastion }], securityGroupId: hosts });
    });
    expect(securityGroupRuleLines(recording, bastionSg)).toEqual(['egress tcp 22 sg-0aaaaaaaaaaaaaaaa', 'egress tcp 5900 sg-0aaaaaaaaaaaaaaaa', 'egress tcp 88 sg-0aaaaaaaaaaaaaaaa', 'egress udp 5900 sg-0aaaaaaaaaaaaaaaa']);
    // The hosts' group gets each rule once too: AWS refuses a second copy of a rule.
    expect(securityGroupRuleLines(recording, 'sg-0aaaaaaaaaaaaaaaa')).toEqual([`ingress tcp 22 ${bastionSg}`, `ingress tcp 5900 ${bastionSg}`, `ingress tcp 88 ${bastionSg}`, `ingress udp 5900 ${bastionSg}`]);
  });

  test("the matching rules count against the bastion's quota", async () => {
    // Screen Sharing to two host groups: three egress rules on the bastion each, six in all.
    const { message } = await resourceErrorOf(() => {
      const bastion = new ec2.SecurityGroup('bastion', { vpcId: VPC });
      new AppleServicesIngress('build-hosts', { products: ['ScreenSharing'], sources: [{ securityGroup: bastion }], vpcId: VPC, securityGroupRuleQuota: 5 });
      new AppleServicesIngress('test-hosts', { products: ['ScreenSharing'], sources: [{ securityGroup: bastion }], vpcId: VPC, securityGroupRuleQuota: 5 });
    });
    // A rule referencing a group counts against both families' quotas.
    const quota = (family: string) =>
      `- The security group <bastion.securityGroupId> would hold 6 ${family} egress rules from apple-ports components, more than the quota of 5. Select the products in one component with maxRules 5, use separate security groups, or raise the quota and pass it as securityGroupRuleQuota.`;
    expect(message).toBe(["AppleServicesIngress 'test-hosts': invalid apple-ports selection (2 problems):", quota('IPv4'), quota('IPv6')].join('\n'));
  });

  test('{ securityGroup } must be a security group of the program', async () => {
    const { message } = await resourceErrorOf(() => new AppleServicesIngress('mac', { products: ['SSH'], sources: [{ securityGroup: 'sg-0bbbbbbbbbbbbbbbb' as never }], vpcId: VPC }));
    expect(message).toBe(
      "AppleServicesIngress 'mac': sources[0].securityGroup must be an aws.ec2.SecurityGroup created in the program, which gets the matching rule. For a group known by its id, pass { securityGroupId: … }.",
    );
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
